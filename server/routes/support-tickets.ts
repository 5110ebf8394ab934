/** Support's ticket routes (bearer token): the list, a screenshot's bytes, a status change, erasure. */
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { TicketStatusSchema, type ResponsePromise, type StoredTicket } from '../../utils/contract/schemas';
import type { AppContext } from '../app-context';
import type { TicketRow } from '../db';
import { ApiFailure } from '../errors';
import { readJson, smallBody } from '../http/bodies';
import { eraseTicket } from '../retention';

/** Default and highest `?limit=` of the support list. */
const LIST_DEFAULT = 100;
const LIST_MAX = 1000;

const PatchTicketSchema = z.strictObject({ status: TicketStatusSchema });

export function supportTicketRoutes(app: Hono, ctx: AppContext, support: MiddlewareHandler): void {
  const { db, now } = ctx;

  app.get('/v1/tickets', support, (c) => {
    const raw = c.req.query('limit');
    let limit = LIST_DEFAULT;
    if (raw !== undefined) {
      if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > LIST_MAX) {
        throw new ApiFailure(400, 'validation_failed', `limit must be an integer from 1 to ${LIST_MAX}`, [
          { path: 'limit', message: `an integer from 1 to ${LIST_MAX}` },
        ]);
      }
      limit = Number(raw);
    }
    const tickets = db.listTickets(limit).map(storedView);
    return c.json({ tickets }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/tickets/:id/screenshots/:index', support, (c) => {
    const rawIndex = c.req.param('index');
    if (!/^\d{1,3}$/.test(rawIndex)) {
      throw new ApiFailure(400, 'validation_failed', 'The screenshot index must be a number', [
        { path: 'index', message: 'a non-negative integer' },
      ]);
    }
    const shot = db.getScreenshot(c.req.param('id'), Number(rawIndex));
    if (!shot) throw new ApiFailure(404, 'not_found', 'No such ticket or screenshot');
    return c.body(new Uint8Array(shot.bytes), 200, {
      'Content-Type': shot.contentType,
      'Cache-Control': 'private, no-store',
      // The bytes are the customer's: a PNG that is also HTML, or a JPEG that is also SVG, must
      // never run. nosniff (set for every answer) keeps the browser on the image type; the
      // sandbox (no scripts, unique origin) and default-src 'none' hold even if it did not.
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Content-Disposition': `inline; filename="ticket-${c.req
        .param('id')
        .slice(0, 64)
        .replace(/[^A-Za-z0-9_-]/g, '')}-screenshot-${shot.index}.${shot.contentType.split('/')[1]}"`,
    });
  });

  // Erasure on a customer's request: the ticket, its screenshots and its idempotency records
  // (so a late retry of the same key stores it anew rather than replaying an erased answer).
  app.delete('/v1/tickets/:id', support, (c) => {
    if (!eraseTicket(db.db, c.req.param('id'))) throw new ApiFailure(404, 'not_found', 'No such ticket');
    return c.body(null, 204);
  });

  app.patch('/v1/tickets/:id', support, smallBody(), async (c) => {
    const body = await readJson(c, PatchTicketSchema);
    const before = db.getTicket(c.req.param('id'));
    const at = now().toISOString();
    const row = before ? db.setTicketStatus(before.id, body.status, at) : undefined;
    if (!before || !row) throw new ApiFailure(404, 'not_found', 'No such ticket');
    if (before.status !== row.status) {
      ctx.events.emit('ticket.status_changed', { ticketId: row.id, reference: row.reference, from: before.status, to: row.status, at });
    }
    return c.json(storedView(row), 200, { 'Cache-Control': 'no-store' });
  });
}

/**
 * StoredTicketSchema, plus `promise`: what the server promised at reception (ticket.promise is
 * the extension's own estimate before sending).
 */
export function storedView(row: TicketRow): StoredTicket & { promise?: ResponsePromise } {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    ticket: row.ticket,
    ...(row.promise ? { promise: row.promise } : {}),
  };
}
