/**
 * The handoff's routes: support's log of a ticket's deliveries and attempts, support's "send
 * again", and the screenshot behind a signed, expiring link (webhook payloads carry those links).
 * They read and write the queue's tables only; the worker polls the queue, so a "send again"
 * leaves within its poll interval (server/handoff/worker.ts) without the routes knowing the worker.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppContext } from '../app-context';
import { ApiFailure } from '../errors';
import { screenshotAnswer } from '../http/screenshot-answer';
import { checkScreenshotLink, SIGNED_SCREENSHOT_PATH } from './links';
import { HandoffQueue } from './queue';
import { ticketHandoffLog } from './ticket-log';

export function handoffRoutes(app: Hono, ctx: AppContext, support: MiddlewareHandler): void {
  const queue = new HandoffQueue(ctx.db.db);

  app.get('/v1/tickets/:id/handoffs', support, (c) => {
    const id = c.req.param('id');
    if (!ctx.db.getTicket(id)) throw new ApiFailure(404, 'not_found', 'No such ticket');
    const deliveries = ticketHandoffLog(queue, id).map((d) => ({
      ...d,
      // Scripts' "send again" (the inbox posts to its own cookie route, server/inbox/inbox-routes.tsx).
      retry: { method: 'POST', path: `/v1/tickets/${encodeURIComponent(id)}/handoffs/${d.id}/retry` },
    }));
    return c.json({ ticketId: id, deliveries }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/v1/tickets/:id/handoffs/:deliveryId/retry', support, (c) => {
    const delivery = queue.retry(c.req.param('id'), c.req.param('deliveryId'), ctx.now());
    if (!delivery) throw new ApiFailure(404, 'not_found', 'No such ticket or delivery');
    return c.json({ id: delivery.id, state: delivery.state, nextAttemptAt: delivery.nextAttemptAt }, 202, { 'Cache-Control': 'no-store' });
  });

  app.get(`${SIGNED_SCREENSHOT_PATH}/:id/:index`, (c) => {
    const rawIndex = c.req.param('index');
    if (!/^\d{1,3}$/.test(rawIndex)) throw new ApiFailure(404, 'not_found', 'No such screenshot');
    const ticketId = c.req.param('id');
    const index = Number(rawIndex);
    const refused = checkScreenshotLink(
      queue.linkKey(),
      { ticketId, index, expires: c.req.query('expires'), sig: c.req.query('sig') },
      ctx.now(),
    );
    if (refused === 'expired') throw new ApiFailure(403, 'forbidden', 'This screenshot link has expired; open the ticket in the inbox');
    if (refused) throw new ApiFailure(403, 'forbidden', 'This screenshot link is not valid');
    const shot = ctx.db.getScreenshot(ticketId, index);
    if (!shot) throw new ApiFailure(404, 'not_found', 'No such ticket or screenshot');
    // An image opened from a helpdesk must not run anything, whatever its bytes claim.
    return screenshotAnswer(c, shot);
  });
}
