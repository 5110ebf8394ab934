/** Support's ticket routes (bearer token): the list (summaries, by cursor), one full ticket, a screenshot's bytes, a status change, erasure. */
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { CategorySchema, PlatformSchema, TicketStatusSchema, type TicketList } from '../../utils/contract/schemas';
import type { AppContext } from '../app-context';
import { ApiFailure } from '../errors';
import { readJson, smallBody } from '../http/bodies';
import { screenshotAnswer, screenshotFileName } from '../http/screenshot-answer';
import { BadCursor, TicketSummaries } from '../ticket-summaries';
import { changeTicketStatus } from '../ticket-status';
import { eraseTicket } from '../retention';
import { storedView } from '../stored-view';

/** Default and highest `?limit=` of the support list: a page is summaries, at most 100 of them. */
const LIST_DEFAULT = 100;
const LIST_MAX = 100;

const PatchTicketSchema = z.strictObject({ status: TicketStatusSchema });

/** The list's query parameters; each refusal names its parameter. */
const ListParamsSchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(LIST_MAX))
    .optional(),
  cursor: z.string().min(1).max(400).optional(),
  status: TicketStatusSchema.optional(),
  category: CategorySchema.optional(),
  platform: PlatformSchema.optional(),
  knownProblem: z.string().max(64).optional(),
  /** Searched in the reference, e-mail, draw id, URL and description. */
  text: z.string().max(200).optional(),
});

export function supportTicketRoutes(app: Hono, ctx: AppContext, support: MiddlewareHandler): void {
  const { db } = ctx;
  const summaries = new TicketSummaries(db.db);

  app.get('/v1/tickets', support, (c) => {
    const parsed = ListParamsSchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || 'query',
        message: issue.path[0] === 'limit' ? `an integer from 1 to ${LIST_MAX}` : issue.message,
      }));
      throw new ApiFailure(400, 'validation_failed', `Invalid list parameters (limit: an integer from 1 to ${LIST_MAX})`, issues);
    }
    const { limit, ...filters } = parsed.data;
    let page: TicketList;
    try {
      page = summaries.list({ ...filters, limit: limit ?? LIST_DEFAULT, order: 'newest' });
    } catch (error) {
      if (error instanceof BadCursor) {
        throw new ApiFailure(400, 'validation_failed', error.message, [{ path: 'cursor', message: error.message }]);
      }
      throw error;
    }
    return c.json(page, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/tickets/:id/full', support, (c) => {
    const row = db.getTicket(c.req.param('id'));
    if (!row) throw new ApiFailure(404, 'not_found', 'No such ticket');
    return c.json(storedView(row), 200, { 'Cache-Control': 'no-store' });
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
    const ticket = c.req
      .param('id')
      .slice(0, 64)
      .replace(/[^A-Za-z0-9_-]/g, '');
    return screenshotAnswer(c, shot, { fileName: `ticket-${ticket}-${screenshotFileName(shot)}` });
  });

  // Erasure on a customer's request: the ticket, its screenshots and its idempotency records
  // (so a late retry of the same key stores it anew rather than replaying an erased answer).
  app.delete('/v1/tickets/:id', support, (c) => {
    if (!eraseTicket(db.db, c.req.param('id'))) throw new ApiFailure(404, 'not_found', 'No such ticket');
    return c.body(null, 204);
  });

  app.patch('/v1/tickets/:id', support, smallBody(), async (c) => {
    const body = await readJson(c, PatchTicketSchema);
    const row = changeTicketStatus(ctx, c.req.param('id'), body.status, 'API (bearer token)');
    if (!row) throw new ApiFailure(404, 'not_found', 'No such ticket');
    return c.json(storedView(row), 200, { 'Cache-Control': 'no-store' });
  });
}
