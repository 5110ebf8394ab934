/**
 * What the customer reads about a response promise (utils/response-time/promise-text.ts builds
 * the sentences), in the words of Osortoo's help-center article, summarised in
 * docs/support-policy.md. The article's "6 to 24 heures" is a typo for "6 à 24 heures"; we
 * write the French.
 *
 * French typography: a no-break space (\u00a0) before ":" and inside "15 h", so that a line
 * never starts with a colon or an "h". Times of day and weekday names are written by the code.
 */
import type { Translation } from './format';

const en = {
  /** The banner's and the sent promise's accessible name. */
  responseTimeLabel: 'Expected response time',
  /** The reply window, in hours. */
  window: '{min}–{max}\u00a0h',
  /** The latest expected reply; `{when}` is e.g. "tomorrow 9 am (Paris time)". */
  by: 'by {when}',
  standard: 'Usual reply within {window}',
  complex: 'First reply within {window}',
  /** `{cause}` is support's own status message, when it is short enough for the headline. */
  peak: {
    withCause: 'We’re busier than usual ({cause}): replies within {window}',
    withoutCause: 'We’re busier than usual: replies within {window}',
  },
  incident: {
    withCause: 'Incident under way ({cause}): replies within {window}',
    withoutCause: 'A social network or platform is having problems: replies within {window}',
  },
  inOrder: 'Every message gets an answer, in the order received.',
  acknowledgment: 'A quick acknowledgment first, then a detailed answer once the analysis is done.',
  moreDetails: 'The more details you give, the faster we can solve it.',
  clockStarts: 'Sent outside support hours: handled as soon as support reopens, {when}.',
  stale: 'This estimate may be out of date.',
  /** Day words relative to now; further days are a weekday or a date, written by Intl. */
  relativeDay: { today: 'today', tomorrow: 'tomorrow' },
  /** How a timezone is named next to a time. */
  zone: {
    /** Montréal and Toronto share one zone; Quebec customers would not call it "Toronto time". */
    eastern: 'Eastern time',
    city: '{city} time',
    /** French elides "de" before a vowel: "heure d’Alger". */
    cityAfterVowel: '{city} time',
  },
};

const fr: Translation<typeof en> = {
  responseTimeLabel: 'Délai de réponse attendu',
  window: '{min} à {max}\u00a0h',
  by: 'au plus tard {when}',
  standard: 'Réponse habituelle sous {window}',
  complex: 'Première réponse sous {window}',
  peak: {
    withCause: 'Période de forte affluence ({cause})\u00a0: réponse sous {window}',
    withoutCause: 'Période de forte affluence\u00a0: réponse sous {window}',
  },
  incident: {
    withCause: 'Incident en cours ({cause})\u00a0: réponse sous {window}',
    withoutCause: 'Incident en cours sur un réseau social ou une plateforme\u00a0: réponse sous {window}',
  },
  inOrder: 'Nous répondons à chaque message, dans l’ordre de réception.',
  acknowledgment: 'Accusé de réception rapide, puis réponse détaillée une fois l’analyse terminée.',
  moreDetails: 'Plus votre message est détaillé, plus la résolution est rapide.',
  clockStarts: 'Envoyé en dehors des heures d’ouverture\u00a0: traité dès la réouverture, {when}.',
  stale: 'Cette estimation n’est peut-être pas à jour.',
  relativeDay: { today: 'aujourd’hui', tomorrow: 'demain' },
  zone: {
    eastern: 'heure de l’Est',
    city: 'heure de {city}',
    cityAfterVowel: 'heure d’{city}',
  },
};

export const RESPONSE_TIME_MESSAGES = { en, fr };
