import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startTestApi, supportAuth } from '../../server/test-support';
import { SEED_CATALOGUE } from '../known-problems/seed';
import { loadCatalogue, peekCatalogue, sendDeflection } from './known-problems-client';
import { knownProblemsItem } from './known-problems-cache';

type Api = Awaited<ReturnType<typeof startTestApi>>;
const DOWN = 'http://127.0.0.1:9';

describe('the known-problem catalogue client, against the real API', () => {
  let api: Api;
  const statuses: number[] = [];
  // The real fetch, watched: which answers came back (200 or 304).
  const watched: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    fakeBrowser.reset();
    statuses.length = 0;
  });

  it('uses the bundled copy offline, then the API copy, revalidated with its ETag, and keeps it offline', async () => {
    expect(await loadCatalogue(DOWN)).toEqual({ catalogue: SEED_CATALOGUE, source: 'bundled' });
    expect((await loadCatalogue(api.url, { fetch: watched })).source).toBe('live');
    expect((await loadCatalogue(api.url, { fetch: watched })).source).toBe('live');
    expect(statuses).toEqual([200, 304]);

    const edited = { ...SEED_CATALOGUE, updatedAt: '2026-12-02T09:00:00Z', problems: SEED_CATALOGUE.problems.slice(0, 3) };
    const put = await fetch(`${api.url}/v1/known-problems`, {
      method: 'PUT',
      headers: { ...supportAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify(edited),
    });
    expect(put.status).toBe(200);
    expect((await loadCatalogue(api.url, { fetch: watched })).catalogue.problems).toHaveLength(3);
    // The API gone: the last copy it served, not the bundled one.
    expect(await loadCatalogue(DOWN)).toMatchObject({ source: 'cached', catalogue: { updatedAt: '2026-12-02T09:00:00Z' } });
    expect((await peekCatalogue()).source).toBe('cached');
  });

  it('does not trust a corrupt cached copy', async () => {
    await knownProblemsItem.setValue({ catalogue: { updatedAt: 'x', problems: 'nope' } as never, fetchedAt: 'x' });
    expect(await peekCatalogue()).toEqual({ catalogue: SEED_CATALOGUE, source: 'bundled' });
  });

  it('counts "That solved it" once, and says so; offline it fails quietly', async () => {
    // One of the three problems support kept above.
    expect(await sendDeflection(api.url, 'meta-session-checkpoint')).toBe(true);
    expect(await sendDeflection(api.url, 'meta-rate-limit')).toBe(false);
    expect(await sendDeflection(DOWN, 'meta-rate-limit')).toBe(false);
  });
});
