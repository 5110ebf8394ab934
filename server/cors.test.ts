/**
 * CORS on the API's refusals. The release extension holds no host permission, so its worker
 * reads only the headers the API exposes: a 429 that did not expose Retry-After (or lost its
 * CORS headers on the error path) would leave the extension retrying on its own backoff inside
 * the API's window. The e2e side of this is tests/e2e/release-runtime/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';
import { postParts, startTestApi, ticketFor, ticketParts } from './test-support';

/** An id as the store would assign it, set through ALLOWED_ORIGINS as `npm run api` reads it. */
const STORE_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  const { allowedOrigins } = configFromEnv({ ALLOWED_ORIGINS: ` ${STORE_ORIGIN} ` }).options;
  api = await startTestApi({ allowedOrigins, rateLimit: { max: 1, windowMs: 60_000 } });
});

afterAll(() => api.close());

describe('CORS on the rate limit', () => {
  it("answers the allowed origin's 429 with CORS headers that let it read Retry-After", async () => {
    const post = () => postParts(api.url, ticketParts(ticketFor([]), []), { Origin: STORE_ORIGIN });
    expect((await post()).status).toBe(201);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('access-control-allow-origin')).toBe(STORE_ORIGIN);
    const exposed = (limited.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    expect(exposed).toContain('retry-after');
  });

  it('refuses another extension id before counting it against the limit', async () => {
    const other = await postParts(api.url, ticketParts(ticketFor([]), []), {
      Origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
