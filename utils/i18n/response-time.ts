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
  /**
   * The promise is one sentence: what happens if the customer sends now (before sending) or what
   * was promised (after), the timezone named once at the end. `{promise}` is built from the parts
   * below, e.g. "read from Monday 3 pm, reply by Tuesday 3 pm"; `{zone}` is e.g. "Paris time".
   */
  ifSentNow: 'If you send now: {promise} ({zone}).',
  promised: 'Promised when you sent it: {promise} ({zone}).',
  /** The latest expected reply; `{when}` is e.g. "tomorrow 9 am". */
  by: 'by {when}',
  /** Outside support hours: when support reads the message. */
  readFrom: 'read from {when}',
  replyBy: 'reply by {when}',
  firstReplyBy: 'first reply by {when}',
  standard: 'usual reply within {window}',
  complex: 'first reply within {window}',
  /** `{cause}` is support's own status message, when it is short enough for the headline. */
  peak: {
    withCause: 'we’re busier than usual ({cause}), replies within {window}',
    withoutCause: 'we’re busier than usual, replies within {window}',
  },
  incident: {
    withCause: 'incident under way ({cause}), replies within {window}',
    withoutCause: 'a social network or platform is having problems, replies within {window}',
  },
  inOrder: 'Every message gets an answer, in the order received.',
  acknowledgment: 'A quick acknowledgment first, then a detailed answer once the analysis is done.',
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
  ifSentNow: 'Si vous envoyez maintenant\u00a0: {promise} ({zone}).',
  promised: 'Promis à l’envoi\u00a0: {promise} ({zone}).',
  by: 'au plus tard {when}',
  readFrom: 'lu dès {when}',
  replyBy: 'réponse au plus tard {when}',
  firstReplyBy: 'première réponse au plus tard {when}',
  standard: 'réponse habituelle sous {window}',
  complex: 'première réponse sous {window}',
  peak: {
    withCause: 'période de forte affluence ({cause}), réponse sous {window}',
    withoutCause: 'période de forte affluence, réponse sous {window}',
  },
  incident: {
    withCause: 'incident en cours ({cause}), réponse sous {window}',
    withoutCause: 'incident en cours sur un réseau social ou une plateforme, réponse sous {window}',
  },
  inOrder: 'Nous répondons à chaque message, dans l’ordre de réception.',
  acknowledgment: 'Accusé de réception rapide, puis réponse détaillée une fois l’analyse terminée.',
  stale: 'Cette estimation n’est peut-être pas à jour.',
  relativeDay: { today: 'aujourd’hui', tomorrow: 'demain' },
  zone: {
    eastern: 'heure de l’Est',
    city: 'heure de {city}',
    cityAfterVowel: 'heure d’{city}',
  },
};

export const RESPONSE_TIME_MESSAGES = { en, fr };
