import { describe, expect, it } from 'vitest';
import { isRefusal, parseRetryAfter } from './api-client';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T14:00:00.000Z');
  it('reads delay-seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 14:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 13:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('isRefusal', () => {
  it('is a 4xx other than 408 and 429: the ticket itself was judged', () => {
    expect([400, 401, 403, 404, 413, 415, 422].every(isRefusal)).toBe(true);
    expect([200, 201, 301, 408, 429, 500, 502, 503, 504].some(isRefusal)).toBe(false);
  });
});
