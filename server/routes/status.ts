/** `GET /v1/status` (everyone, cached) and `PUT /v1/status` (support): support's announced mode. */
import type { Hono, MiddlewareHandler } from 'hono';
import { SupportStatusSchema } from '../../utils/contract/schemas';
import type { AppContext } from '../app-context';
import { readJson, smallBody } from '../http/bodies';
import { buildSupportStatus, etagMatches, statusEtag } from '../support-status';

const PutStatusSchema = SupportStatusSchema.pick({ mode: true, message: true, until: true }).strict();

export function statusRoutes(app: Hono, { db, now, options }: AppContext, support: MiddlewareHandler): void {
  app.get('/v1/status', (c) => {
    const json = JSON.stringify(buildSupportStatus(db.getStatus(), now(), options.schedule));
    const etag = statusEtag(json);
    // Short: a customer opening the popup during an incident should learn it within a minute.
    c.header('Cache-Control', 'public, max-age=60');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  app.put('/v1/status', support, smallBody(), async (c) => {
    const body = await readJson(c, PutStatusSchema);
    db.setStatus({ ...body, updatedAt: now().toISOString() });
    const json = JSON.stringify(buildSupportStatus(db.getStatus(), now(), options.schedule));
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store' });
  });
}
