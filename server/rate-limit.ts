/** Settings of the per-address limit; `false` turns it off. */
export type RateLimitOptions = { max: number; windowMs: number } | false;

/** Outcome of one hit: allowed, or refused with the seconds to wait. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed-window counter per client address, in memory: simple, and enough for one reference
 * server (a restart forgets the counts, which only errs on the side of the customer).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request from `key` and says whether it may go on. */
  hit(key: string): RateDecision {
    const now = this.now();
    this.prune(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= this.max) return { allowed: true };
    const waitMs = window.start + this.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Forgets finished windows now and then, so a stream of distinct addresses cannot grow the map forever. */
  private prune(now: number): void {
    if (this.windows.size < 1000) return;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
