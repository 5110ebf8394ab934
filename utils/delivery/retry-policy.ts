/**
 * When to try a ticket again: exponential backoff with jitter, never sooner than the API's
 * Retry-After. Pure, so that it is tested with fixed numbers.
 */
import { DELIVERY_TIMEOUT_MS } from '../extension/build-env';

export interface RetryPolicy {
  /** Ceiling of the first retry's delay; each failure doubles it. */
  baseDelayMs: number;
  /** Ceiling of any backoff delay, so that a ticket is retried at least this often. */
  maxDelayMs: number;
  /**
   * Longest Retry-After honoured. A broken or hostile header ("Retry-After: 99999999") must not
   * park a ticket for months; past this, the customer is better served by trying again.
   */
  maxRetryAfterMs: number;
}

export const DELIVERY = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  /** A request that has not answered by then is aborted and retried (build-time DELIVERY_TIMEOUT_MS). */
  timeoutMs: DELIVERY_TIMEOUT_MS,
} as const;

/**
 * Delay before attempt number `attempts + 1`, given `attempts` (≥ 1) failed ones so far.
 *
 * "Equal jitter": a uniform draw in [ceiling/2, ceiling), where the ceiling doubles with each
 * failure up to `maxDelayMs`. The random half keeps many clients from retrying in step after
 * an outage; the fixed half keeps a ticket from being retried almost at once by bad luck.
 * `random` is in [0, 1). A Retry-After (capped at `maxRetryAfterMs`) is a floor.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | undefined,
  random: number,
  policy: Omit<RetryPolicy, 'maxRetryAfterMs'> & Partial<Pick<RetryPolicy, 'maxRetryAfterMs'>> = DELIVERY,
): number {
  const exponent = Math.min(30, Math.max(0, Math.floor(attempts) - 1));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const unit = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  const jittered = ceiling / 2 + (unit * ceiling) / 2;
  const floor = Math.min(Math.max(0, retryAfterMs ?? 0), policy.maxRetryAfterMs ?? DELIVERY.maxRetryAfterMs);
  return Math.round(Math.max(jittered, floor));
}
