/**
 * The sentences a customer reads about a response promise, in French or English, in the words
 * of the help-center article (summarised in docs/support-policy.md). The words are in the
 * catalogue (utils/i18n/response-time.ts); times are written by when-text.ts, in the customer's
 * own timezone, named by its city or region (never an offset such as "UTC").
 */
import type { Locale, ResponsePromise } from '../contract/schemas';
import { format } from '../i18n/format';
import { RESPONSE_TIME_MESSAGES } from '../i18n/response-time';
import { SUPPORT_TIMEZONE } from './schedule';
import { formatDayTime, hasPlaceName, timeZoneLabel } from './when-text';
import { isValidTimeZone } from './zoned-time';

export interface PromiseText {
  /** The promise in one sentence: when support reads it (outside hours) and the latest reply. */
  headline: string;
  /** Only for busy periods and complex cases: how they are handled (support's own message first). */
  detail?: string;
  /** Only when the support status was not fetched live. */
  staleNote?: string;
}

export interface DescribeOptions {
  locale: Locale;
  /**
   * The customer's IANA timezone. One that is unknown, or has no place name (UTC, Etc/…), falls
   * back to support's, which is named.
   */
  timeZone: string;
  now: Date;
  /** 'before' (default): "If you send now: …", in the form; 'after': what was promised, once sent. */
  moment?: 'before' | 'after';
}

/** A status message longer than this goes in the detail instead of the headline. */
const CAUSE_MAX_CHARS = 80;

/**
 * The customer-facing text of a promise. One sentence, the timezone named once at its end:
 * inside hours "If you send now: usual reply within 6–24 h, by tomorrow 2 pm (Paris time).";
 * outside hours "If you send now: read from Monday 3 pm, reply by Tuesday 3 pm (Paris time).";
 * in a peak or incident, support's short cause and window lead. The detail (busy periods,
 * acknowledgment first for complex cases, a long status message) and the stale note are apart.
 */
export function describePromise(promise: ResponsePromise, options: DescribeOptions): PromiseText {
  const usable = isValidTimeZone(options.timeZone) && hasPlaceName(options.timeZone);
  const opts = usable ? options : { ...options, timeZone: SUPPORT_TIMEZONE };
  const t = RESPONSE_TIME_MESSAGES[opts.locale];
  const when = (iso: string) => formatDayTime(new Date(iso), opts);
  const window = format(t.window, { min: promise.window.minHours, max: promise.window.maxHours });
  const message = promise.message?.trim() || undefined;
  const busy = promise.case === 'peak' || promise.case === 'incident';
  const cause = busy && message !== undefined && message.length <= CAUSE_MAX_CHARS ? message : undefined;
  const outside = promise.outsideHours && !promise.reasons.includes('no-opening-hours');
  const read = outside ? format(t.readFrom, { when: when(promise.clockStartsAt) }) : undefined;

  const parts: string[] = [];
  if (promise.case === 'peak' || promise.case === 'incident') {
    parts.push(format(cause === undefined ? t[promise.case].withoutCause : t[promise.case].withCause, { cause: cause ?? '', window }));
    if (read) parts.push(read);
    parts.push(format(t.by, { when: when(promise.latestReplyAt) }));
  } else if (read) {
    parts.push(read, format(promise.case === 'complex' ? t.firstReplyBy : t.replyBy, { when: when(promise.latestReplyAt) }));
  } else {
    parts.push(
      format(promise.case === 'complex' ? t.complex : t.standard, { window }),
      format(t.by, { when: when(promise.latestReplyAt) }),
    );
  }
  const zone = timeZoneLabel(opts.timeZone, opts.locale, new Date(promise.latestReplyAt));
  const headline = format(opts.moment === 'after' ? t.promised : t.ifSentNow, { promise: parts.join(', '), zone });

  const sentences: string[] = [];
  if (message !== undefined && cause === undefined) sentences.push(/[.!?…]$/.test(message) ? message : `${message}.`);
  if (busy) sentences.push(t.inOrder);
  if (promise.acknowledgmentFirst) sentences.push(t.acknowledgment);
  const text: PromiseText = { headline };
  if (sentences.length) text.detail = sentences.join(' ');
  if (promise.statusSource !== 'live') text.staleNote = t.stale;
  return text;
}
