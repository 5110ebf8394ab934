/**
 * When to try a failed delivery again. The delays are the example schedule of the Standard
 * Webhooks specification ("Deliverability and reliability"): immediately, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after each failure — ten attempts over about 3 days 3 hours.
 * Mail follows the same schedule, so one rule explains both channels.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before attempt i+1 after attempt i failed (index 0: the wait after the first attempt). */
export const SPEC_RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

/** A Retry-After longer than this is read as this: an endpoint cannot park a ticket for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

export interface BackoffOptions {
  delaysMs: readonly number[];
  /** ± fraction of random spread (the spec recommends jitter so retries do not come in waves). */
  jitter: number;
  random?: () => number;
}

/** The wait after failed step `step` (0-based), or undefined when the schedule is used up. */
export function nextDelayMs(step: number, { delaysMs, jitter, random = Math.random }: BackoffOptions): number | undefined {
  const base = delaysMs[step];
  if (base === undefined) return undefined;
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}

/**
 * A `Retry-After` value in milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110
 * §10.2.3); undefined when absent or unreadable, so the schedule applies instead.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Math.min(Number(raw) * SECOND, MAX_RETRY_AFTER_MS);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}
