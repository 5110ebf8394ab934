/**
 * When to try a ticket again: exponential backoff with full jitter, never sooner than the
 * API's Retry-After. Pure, so that it is tested with fixed numbers.
 */
export const DELIVERY = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  /** A request that has not answered by then is aborted and retried. */
  timeoutMs: Number(import.meta.env.DELIVERY_TIMEOUT_MS) || 30_000,
} as const;

/**
 * Delay before attempt number `attempts + 1`, given `attempts` failed ones so far.
 * `random` is in [0, 1); jitter keeps many clients from retrying in step after an outage.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: number, policy: { baseDelayMs: number; maxDelayMs: number } = DELIVERY): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + (random * ceiling) / 2;
  return Math.max(jittered, retryAfterMs ?? 0);
}
