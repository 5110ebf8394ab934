/**
 * The known-problem catalogue and its counts: `GET /v1/known-problems` (everyone, cacheable,
 * ETag), `PUT /v1/known-problems` (support, validated against the catalogue schema),
 * `POST /v1/deflections` (anonymous "That solved it", rate-limited per address, nothing
 * stored about who) and `GET /v1/stats` (support: per week and problem, counts only).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CatalogueSchema, DeflectionSchema } from '../../utils/known-problems/schema';
import type { AppContext } from '../app-context';
import { ApiFailure } from '../errors';
import { readJson, smallBody, tooLarge } from '../http/bodies';
import { clientAddress } from '../http/client-address';
import { KnownProblemsStore } from '../known-problems-store';
import { FixedWindowLimiter } from '../rate-limit';
import { etagMatches, statusEtag } from '../support-status';

/** A catalogue is data written by support: generous, but bounded. */
const CATALOGUE_BYTES = 512 * 1024;
/** "That solved it" per address and minute: a customer clicks it once; a script gets 429. */
const DEFLECTIONS_PER_MIN = 10;

const json = (body: unknown) => JSON.stringify(body);
const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };

export function knownProblemRoutes(app: Hono, { db, now }: AppContext, support: MiddlewareHandler): void {
  const store = new KnownProblemsStore(db.db);
  const limiter = new FixedWindowLimiter(DEFLECTIONS_PER_MIN, 60_000, () => now().getTime());

  app.get('/v1/known-problems', (c) => {
    const body = json(store.catalogue());
    const etag = statusEtag(body);
    // Customers' forms revalidate with the ETag; five minutes is soon enough for a new fix.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, JSON_TYPE);
  });

  app.put(
    '/v1/known-problems',
    support,
    bodyLimit({
      maxSize: CATALOGUE_BYTES,
      onError: () => {
        throw tooLarge(CATALOGUE_BYTES);
      },
    }),
    async (c) => {
      const catalogue = await readJson(c, CatalogueSchema);
      store.replace(catalogue, now());
      const body = json(store.catalogue());
      return c.body(body, 200, { ...JSON_TYPE, ETag: statusEtag(body), 'Cache-Control': 'no-store' });
    },
  );

  app.post('/v1/deflections', smallBody(), async (c) => {
    const decision = limiter.hit(clientAddress(c));
    if (!decision.allowed) {
      const seconds = String(decision.retryAfterSeconds);
      throw new ApiFailure(429, 'rate_limited', `Too many requests; retry in ${seconds} s`, undefined, { 'Retry-After': seconds });
    }
    const { problemId } = await readJson(c, DeflectionSchema);
    // Only problems of the current catalogue count: the statistics stay about real entries.
    if (!store.catalogue().problems.some((p) => p.id === problemId)) {
      throw new ApiFailure(404, 'not_found', `No known problem ${problemId}`);
    }
    store.addDeflection(problemId, now());
    return c.body(null, 204);
  });

  app.get('/v1/stats', support, (c) => c.body(json(store.stats()), 200, { ...JSON_TYPE, 'Cache-Control': 'no-store' }));
}
