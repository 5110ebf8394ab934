/**
 * The sentences a customer reads about a response promise, in French or English, in the words
 * of the help-center article (summarised in docs/support-policy.md). The words are in the
 * catalogue (utils/i18n/response-time.ts); times are written by when-text.ts, in the customer's
 * own timezone.
 */
import type { Locale, ResponsePromise } from '../contract/schemas';
import { format } from '../i18n/format';
import { RESPONSE_TIME_MESSAGES } from '../i18n/response-time';
import { SUPPORT_TIMEZONE } from './schedule';
import { formatWhen } from './when-text';
import { isValidTimeZone } from './zoned-time';

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

/** A status message longer than this goes in the detail instead of the headline. */
const CAUSE_MAX_CHARS = 80;

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
  const t = RESPONSE_TIME_MESSAGES[opts.locale];
  const window = format(t.window, { min: promise.window.minHours, max: promise.window.maxHours });
  const message = promise.message?.trim() || undefined;
  const busy = promise.case === 'peak' || promise.case === 'incident';
  const cause = busy && message !== undefined && message.length <= CAUSE_MAX_CHARS ? message : undefined;

  const lead =
    promise.case === 'peak' || promise.case === 'incident'
      ? format(cause === undefined ? t[promise.case].withoutCause : t[promise.case].withCause, { cause: cause ?? '', window })
      : format(promise.case === 'complex' ? t.complex : t.standard, { window });
  const headline = `${lead} — ${format(t.by, { when: formatWhen(new Date(promise.latestReplyAt), opts) })}`;

  const sentences: string[] = [];
  if (message !== undefined && cause === undefined) sentences.push(/[.!?…]$/.test(message) ? message : `${message}.`);
  if (busy) sentences.push(t.inOrder);
  if (promise.acknowledgmentFirst) sentences.push(t.acknowledgment);
  if (!busy && !promise.acknowledgmentFirst) sentences.push(t.moreDetails);

  const text: PromiseText = { headline, detail: sentences.join(' ') };
  if (promise.outsideHours && !promise.reasons.includes('no-opening-hours')) {
    text.clockStarts = format(t.clockStarts, { when: formatWhen(new Date(promise.clockStartsAt), opts) });
  }
  if (promise.statusSource !== 'live') text.staleNote = t.stale;
  return text;
}
