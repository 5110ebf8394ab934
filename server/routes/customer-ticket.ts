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
    const id = c.req.param('id');
    // Only the token's hash is read before the comparison: decoding the ticket (its JSON can be
    // half a megabyte) for a wrong token would make it slower than an unknown id, and timing
    // would tell ids apart. Hash and compare even when there is no such ticket; 401 for both.
    const stored = id.length <= 64 ? db.getTokenHash(id) : undefined;
    const matches = token !== undefined && tokenMatchesHash(token, stored ?? DUMMY_HASH);
    const row = matches && stored !== undefined ? db.getTicket(id) : undefined;
    if (!row) throw new ApiFailure(401, 'unauthorized', 'Unknown ticket or wrong access token');
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
