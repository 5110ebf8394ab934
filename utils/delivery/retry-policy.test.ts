import { describe, expect, it } from 'vitest';
import { DELIVERY, retryDelayMs, uploadTimeoutMs } from './retry-policy';

const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxRetryAfterMs: 600_000 };

describe('retryDelayMs', () => {
  it('doubles the ceiling with each failure', () => {
    // random = 1 - ε sits at the top of the window: the ceiling itself.
    const top = [1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, undefined, 0.999999, policy));
    expect(top).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never exceeds the cap, however many failures (no overflow either)', () => {
    for (const attempts of [7, 8, 20, 100, 10_000]) {
      const delay = retryDelayMs(attempts, undefined, 0.999999, policy);
      expect(delay).toBeLessThanOrEqual(60_000);
      expect(delay).toBeGreaterThanOrEqual(30_000);
    }
  });

  it('keeps the jitter in [ceiling/2, ceiling] and actually spreads clients', () => {
    const samples = Array.from({ length: 200 }, (_, i) => retryDelayMs(4, undefined, i / 200, policy));
    expect(Math.min(...samples)).toBe(4_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(8_000);
    expect(new Set(samples).size).toBeGreaterThan(150);
  });

  it('waits at least Retry-After, even when the backoff would be shorter', () => {
    expect(retryDelayMs(1, 45_000, 0, policy)).toBe(45_000);
    expect(retryDelayMs(1, 45_000, 0.999, policy)).toBeGreaterThanOrEqual(45_000);
    // A short Retry-After does not shorten the backoff.
    expect(retryDelayMs(5, 1_000, 0, policy)).toBe(8_000);
  });

  it('caps an absurd Retry-After so a ticket is not parked for days', () => {
    expect(retryDelayMs(1, 86_400_000 * 30, 0, policy)).toBe(600_000);
  });

  it('treats attempts below 1 as the first retry and ignores a bad random', () => {
    expect(retryDelayMs(0, undefined, 0, policy)).toBe(500);
    expect(retryDelayMs(1, undefined, Number.NaN, policy)).toBe(750);
  });

  it('gives an upload the time its bytes need at the floor rate, capped below the worker’s 5-minute limit', () => {
    const policy = { timeoutMs: 30_000, floorBytesPerSecond: 32 * 1024, maxTimeoutMs: 270_000 };
    expect(uploadTimeoutMs(0, policy)).toBe(30_000);
    // A 6 MiB ticket: 30 s + 192 s, so 90 KiB/s (68 s) is well inside.
    expect(uploadTimeoutMs(6 * 1024 * 1024, policy)).toBe(222_000);
    expect(uploadTimeoutMs(25 * 1024 * 1024, policy)).toBe(270_000);
    expect(uploadTimeoutMs(6 * 1024 * 1024)).toBe(DELIVERY.timeoutMs + 192_000);
  });

  it('ships with a 2 s base, a 5 min cap and a 30 s default timeout', () => {
    expect(DELIVERY.baseDelayMs).toBe(2_000);
    expect(DELIVERY.maxDelayMs).toBe(300_000);
    expect(DELIVERY.timeoutMs).toBe(30_000);
  });
});
