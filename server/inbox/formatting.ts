/** Dates and durations as the inbox shows them: in support's timezone, in the agent's language. */
import type { Locale } from '../../utils/contract/schemas';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** e.g. "Wed, Dec 2, 09:00 EST" — with the zone's name, since agents may sit elsewhere. */
export function formatInZone(locale: Locale, when: string | Date, timeZone: string, withSeconds = false): string {
  // Seconds for the handoff's attempts: retries come seconds apart and must read as distinct.
  const key = `${locale}|${timeZone}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      timeZoneName: 'short',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(when));
}

/** A delay as "3 h 20 min" / "45 min" / "2 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
