/** `GET /v1/tickets/:id` with the ticket's access token: what the customer may see of it. */
import type { Hono } from 'hono';
import type { TicketPublic } from '../../utils/contract/schemas';
import type { AppContext } from '../app-context';
import type { TicketRow } from '../db';
import { ApiFailure } from '../errors';
import { bearer } from '../http/gates';
import { sha256, tokenMatchesHash } from '../ids';

/** Compared against when the ticket does not exist, so both paths do the same work. */
const DUMMY_HASH = sha256('no ticket has this token');

export function customerTicketRoutes(app: Hono, { db }: AppContext): void {
  app.get('/v1/tickets/:id', (c) => {
    const token = bearer(c);
    const row = c.req.param('id').length <= 64 ? db.getTicket(c.req.param('id')) : undefined;
    // Hash and compare even when there is no such ticket, so timing does not tell ids apart;
    // 401 for both, so the answer does not either.
    const ok = token !== undefined && tokenMatchesHash(token, row?.accessTokenHash ?? DUMMY_HASH) && row !== undefined;
    if (!ok) throw new ApiFailure(401, 'unauthorized', 'Unknown ticket or wrong access token');
    return c.json(publicView(row), 200, { 'Cache-Control': 'no-store' });
  });
}

function publicView(row: TicketRow): TicketPublic {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    ...(row.promise ? { promise: row.promise } : {}),
  };
}
