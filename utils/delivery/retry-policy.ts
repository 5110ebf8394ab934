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
  /**
   * What a request may take beyond its upload before it is aborted and retried: the server's
   * work and its answer (build-time DELIVERY_TIMEOUT_MS). The upload itself gets more: see
   * `uploadTimeoutMs`.
   */
  timeoutMs: DELIVERY_TIMEOUT_MS,
  /**
   * The slowest link a ticket is waited for: 32 KiB/s (256 kbit/s, a weak mobile signal).
   * fetch() in a service worker reports no upload progress (and XHR does not exist there), so
   * the client cannot time out on "no progress" as the server does: it gives each request the
   * time its bytes need at this rate. A 6 MiB ticket gets 30 s + 192 s.
   */
  floorBytesPerSecond: 32 * 1024,
  /**
   * Longest single request: Chrome may stop an extension service worker whose one task runs
   * for more than 5 minutes, which would cut the upload anyway.
   */
  maxTimeoutMs: 270_000,
  /** Consecutive timeouts after which a ticket is parked for the customer ('attention', too_slow). */
  timeoutAttempts: 3,
} as const;

/** The knobs of `uploadTimeoutMs`; any left out take DELIVERY's. */
export interface TimeoutPolicy {
  timeoutMs?: number;
  floorBytesPerSecond?: number;
  maxTimeoutMs?: number;
}

/**
 * How long one request carrying `bytes` may take: the fixed allowance for the server's answer
 * plus the upload's time at the floor rate, capped at `maxTimeoutMs`. So a big ticket on a slow
 * but moving link is not cut at a fixed 30 s and retried forever.
 */
export function uploadTimeoutMs(bytes: number, policy: TimeoutPolicy = DELIVERY): number {
  const base = policy.timeoutMs ?? DELIVERY.timeoutMs;
  const rate = policy.floorBytesPerSecond ?? DELIVERY.floorBytesPerSecond;
  const cap = Math.max(base, policy.maxTimeoutMs ?? DELIVERY.maxTimeoutMs);
  return Math.min(cap, base + Math.ceil((Math.max(0, bytes) / rate) * 1000));
}

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
