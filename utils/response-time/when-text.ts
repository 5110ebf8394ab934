/**
 * How an instant is written for the customer, in their own timezone, named, with relative day
 * words: "mardi 15 h (heure de Paris)", "tomorrow 9 am (Paris time)". The words are in the
 * catalogue (utils/i18n/response-time.ts); the typography (no-break spaces, 12-hour English
 * clock) and the timezone names are made here.
 */
import type { Locale } from '../contract/schemas';
import { format } from '../i18n/format';
import { RESPONSE_TIME_MESSAGES } from '../i18n/response-time';
import { daysBetween, isoDateAt, wallTimeAt } from './zoned-time';

const NBSP = '\u00a0';

/** City names that differ in French; others are written as in the IANA id. */
const FRENCH_CITIES: Record<string, string> = {
  Algiers: 'Alger',
  Brussels: 'Bruxelles',
  Copenhagen: 'Copenhague',
  Lisbon: 'Lisbonne',
  London: 'Londres',
  Mexico_City: 'Mexico',
  Moscow: 'Moscou',
  Port_au_Prince: 'Port-au-Prince',
  Vienna: 'Vienne',
  Warsaw: 'Varsovie',
};

/** Zones whose everyday name is the region, not the city in the id (Montréal and Toronto share one). */
const EASTERN_ZONES = new Set(['America/Toronto', 'America/Montreal']);

/**
 * Whether a timezone has an everyday place name (a city or region: "Paris", "l'Est"). Zones
 * without one (UTC, Etc/GMT+5) would have to be written as an offset, which customers do not read
 * as their own clock; the promise shows such customers support's own, named, zone instead.
 */
export function hasPlaceName(timeZone: string): boolean {
  if (EASTERN_ZONES.has(timeZone)) return true;
  const segments = timeZone.split('/');
  return segments.length >= 2 && segments[0] !== 'Etc' && /^[A-Za-z]/.test(segments[segments.length - 1] ?? '');
}

/**
 * How a timezone is named next to a time: "heure de Paris" / "Paris time" from the IANA id,
 * "heure de l'Est" / "Eastern time" for Montréal–Toronto, or Intl's short name ("UTC", "UTC−5")
 * for ids without a city.
 */
export function timeZoneLabel(timeZone: string, locale: Locale, at: Date): string {
  const t = RESPONSE_TIME_MESSAGES[locale].zone;
  if (EASTERN_ZONES.has(timeZone)) return t.eastern;
  const segments = timeZone.split('/');
  const last = segments[segments.length - 1] ?? '';
  if (hasPlaceName(timeZone)) {
    const city = (locale === 'fr' ? FRENCH_CITIES[last] : undefined) ?? last.replace(/_/g, ' ');
    return format(/^[AEIOUYÉÈ]/i.test(city) ? t.cityAfterVowel : t.city, { city });
  }
  const short = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return short ?? timeZone;
}

/** "15 h", "15 h 30" in French; "3 pm", "3:30 pm" in English. */
function clockTime(instant: Date, locale: Locale, timeZone: string): string {
  const { hour, minute } = wallTimeAt(instant, timeZone);
  const mm = String(minute).padStart(2, '0');
  if (locale === 'fr') return minute === 0 ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${mm}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${minute === 0 ? h12 : `${h12}:${mm}`}${NBSP}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * An instant as the customer reads it: "mardi 15 h (heure de Paris)", "tomorrow 9 am (Paris
 * time)", "jeudi 2 juillet 15 h (heure de Paris)". Day words are relative to `now` in the
 * customer's timezone: today, tomorrow, a weekday name within the week, a date beyond.
 */
export function formatWhen(instant: Date, options: { locale: Locale; timeZone: string; now: Date }): string {
  return `${formatDayTime(instant, options)} (${timeZoneLabel(options.timeZone, options.locale, instant)})`;
}

/** The same without the timezone's name, for a sentence that names it once at its end. */
export function formatDayTime(instant: Date, { locale, timeZone, now }: { locale: Locale; timeZone: string; now: Date }): string {
  const days = daysBetween(isoDateAt(now, timeZone), isoDateAt(instant, timeZone));
  const words = RESPONSE_TIME_MESSAGES[locale].relativeDay;
  let day: string;
  if (days === 0) day = words.today;
  else if (days === 1) day = words.tomorrow;
  else if (days > 1 && days < 7) {
    day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(instant);
  } else {
    day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
    if (locale === 'en') day += ',';
  }
  return `${day} ${clockTime(instant, locale, timeZone)}`;
}
