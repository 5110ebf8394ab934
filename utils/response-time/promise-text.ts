/**
 * The sentences a customer reads about a response promise, in French or English, in the words
 * of the help-center article (shared/support-policy.fr.txt). Times are shown in the customer's
 * own timezone, named, with relative day words (today, tomorrow, a weekday, then a date).
 *
 * French typography: a no-break space before ":" and inside "15 h", so a line never starts
 * with a colon or an "h". The article's "6 to 24 heures" is a typo for "6 à 24 heures"; we
 * write the French.
 */
import type { Locale, ResponsePromise } from '../contract/schemas';
import { SUPPORT_TIMEZONE } from './schedule';
import { daysBetween, isoDateAt, isValidTimeZone, wallTimeAt } from './zoned-time';

export interface PromiseText {
  headline: string;
  detail: string;
  /** Only when the message arrives outside support hours: when support picks it up. */
  clockStarts?: string;
  /** Only when the support status was not fetched live. */
  staleNote?: string;
}

export interface DescribeOptions {
  locale: Locale;
  /** The customer's IANA timezone (an unknown one falls back to support's). */
  timeZone: string;
  now: Date;
}

const NBSP = '\u00a0';
/** A status message longer than this goes in the detail instead of the headline. */
const CAUSE_MAX_CHARS = 80;

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

/** Zones whose everyday name is the region, not the city in the id. */
const REGION_NAMES: Record<string, Record<Locale, string>> = {
  // Montréal and Toronto share one zone; Quebec customers would not call it "heure de Toronto".
  'America/Toronto': { fr: `heure de l’Est`, en: 'Eastern time' },
  'America/Montreal': { fr: `heure de l’Est`, en: 'Eastern time' },
};

/**
 * How a timezone is named next to a time: "heure de Paris" / "Paris time" from the IANA id,
 * "heure de l'Est" / "Eastern time" for Montréal–Toronto, or Intl's short name ("UTC", "UTC−5")
 * for ids without a city.
 */
export function timeZoneLabel(timeZone: string, locale: Locale, at: Date): string {
  const region = REGION_NAMES[timeZone];
  if (region) return region[locale];
  const segments = timeZone.split('/');
  const last = segments[segments.length - 1] ?? '';
  if (segments.length >= 2 && segments[0] !== 'Etc' && /^[A-Za-z]/.test(last)) {
    if (locale === 'en') return `${last.replace(/_/g, ' ')} time`;
    const city = FRENCH_CITIES[last] ?? last.replace(/_/g, ' ');
    return /^[AEIOUYÉÈ]/i.test(city) ? `heure d’${city}` : `heure de ${city}`;
  }
  const short = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return short ?? timeZone;
}

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
export function formatWhen(instant: Date, { locale, timeZone, now }: DescribeOptions): string {
  const days = daysBetween(isoDateAt(now, timeZone), isoDateAt(instant, timeZone));
  let day: string;
  if (days === 0) day = locale === 'fr' ? 'aujourd’hui' : 'today';
  else if (days === 1) day = locale === 'fr' ? 'demain' : 'tomorrow';
  else if (days > 1 && days < 7) {
    day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(instant);
  } else {
    day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
    if (locale === 'en') day += ',';
  }
  return `${day} ${clockTime(instant, locale, timeZone)} (${timeZoneLabel(timeZone, locale, instant)})`;
}

const STRINGS = {
  fr: {
    window: (min: number, max: number) => `${min} à ${max}${NBSP}h`,
    by: (when: string) => `au plus tard ${when}`,
    standard: (w: string) => `Réponse habituelle sous ${w}`,
    complex: (w: string) => `Première réponse sous ${w}`,
    peak: (cause: string, w: string) => `Période de forte affluence${cause}${NBSP}: réponse sous ${w}`,
    incident: (cause: string, w: string) =>
      cause ? `Incident en cours${cause}${NBSP}: réponse sous ${w}` : `Incident en cours sur un réseau social ou une plateforme${NBSP}: réponse sous ${w}`,
    inOrder: 'Nous répondons à chaque message, dans l’ordre de réception.',
    acknowledgment: 'Accusé de réception rapide, puis réponse détaillée une fois l’analyse terminée.',
    moreDetails: 'Plus votre message est détaillé, plus la résolution est rapide.',
    clockStarts: (when: string) => `Envoyé en dehors des heures d’ouverture${NBSP}: traité dès la réouverture, ${when}.`,
    stale: 'Cette estimation n’est peut-être pas à jour.',
  },
  en: {
    window: (min: number, max: number) => `${min}–${max}${NBSP}h`,
    by: (when: string) => `by ${when}`,
    standard: (w: string) => `Usual reply within ${w}`,
    complex: (w: string) => `First reply within ${w}`,
    peak: (cause: string, w: string) => `We’re busier than usual${cause}: replies within ${w}`,
    incident: (cause: string, w: string) =>
      cause ? `Incident under way${cause}: replies within ${w}` : `A social network or platform is having problems: replies within ${w}`,
    inOrder: 'Every message gets an answer, in the order received.',
    acknowledgment: 'A quick acknowledgment first, then a detailed answer once the analysis is done.',
    moreDetails: 'The more details you give, the faster we can solve it.',
    clockStarts: (when: string) => `Sent outside support hours: handled as soon as support reopens, ${when}.`,
    stale: 'This estimate may be out of date.',
  },
} satisfies Record<Locale, unknown>;

/**
 * The customer-facing text of a promise: a headline with the window and the latest expected
 * reply, a detail sentence (order of handling in peak periods, acknowledgment first for
 * complex cases, or the article's tip that details speed things up), when support picks the
 * message up if it is sent outside hours, and a note when the status may be stale.
 * Support's own status message is quoted: in the headline as the cause of a peak or incident
 * when short, otherwise first in the detail.
 */
export function describePromise(promise: ResponsePromise, options: DescribeOptions): PromiseText {
  const opts = isValidTimeZone(options.timeZone) ? options : { ...options, timeZone: SUPPORT_TIMEZONE };
  const s = STRINGS[opts.locale];
  const w = s.window(promise.window.minHours, promise.window.maxHours);
  const message = promise.message?.trim() || undefined;
  const busy = promise.case === 'peak' || promise.case === 'incident';
  const causeInHeadline = busy && message !== undefined && message.length <= CAUSE_MAX_CHARS;
  const cause = causeInHeadline ? ` (${message})` : '';

  const lead =
    promise.case === 'peak'
      ? s.peak(cause, w)
      : promise.case === 'incident'
        ? s.incident(cause, w)
        : promise.case === 'complex'
          ? s.complex(w)
          : s.standard(w);
  const headline = `${lead} — ${s.by(formatWhen(new Date(promise.latestReplyAt), opts))}`;

  const sentences: string[] = [];
  if (message !== undefined && !causeInHeadline) sentences.push(/[.!?…]$/.test(message) ? message : `${message}.`);
  if (busy) sentences.push(s.inOrder);
  if (promise.acknowledgmentFirst) sentences.push(s.acknowledgment);
  if (!busy && !promise.acknowledgmentFirst) sentences.push(s.moreDetails);

  const text: PromiseText = { headline, detail: sentences.join(' ') };
  if (promise.outsideHours && !promise.reasons.includes('no-opening-hours')) {
    text.clockStarts = s.clockStarts(formatWhen(new Date(promise.clockStartsAt), opts));
  }
  if (promise.statusSource !== 'live') text.staleNote = s.stale;
  return text;
}
