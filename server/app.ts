/**
 * The support API as a Hono app (no socket: `app.request()` works in tests; `startApi` serves it).
 * This file only wires: shared headers, the origin gate, the error handler, and one module per
 * group of routes under routes/. Every refusal is an ApiErrorSchema JSON body; only real server
 * faults answer 500.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppOptions } from './app-context';
import { ApiFailure, errorBody } from './errors';
import { TicketEventBus } from './events';
import { handoffRoutes } from './handoff/routes';
import { isClientAbort } from './http/client-abort';
import { corsGate, supportGate } from './http/gates';
import { customerTicketRoutes } from './routes/customer-ticket';
import { intakeRoutes } from './routes/intake';
import { knownProblemRoutes } from './routes/known-problems';
import { statusRoutes } from './routes/status';
import { supportTicketRoutes } from './routes/support-tickets';
import { inboxRoutes } from './inbox/inbox-routes';

export type { AppOptions, PromiseComputer } from './app-context';

export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((message, error) => console.error(`[support-api] ${message}`, error ?? ''));
  const ctx: AppContext = { options, db: options.db, now: options.now, log, events: options.events ?? new TicketEventBus(log) };

  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiFailure) {
      return c.json(errorBody(err.code, err.message, err.issues), err.status, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'payload_too_large' : 'validation_failed';
      return c.json(errorBody(code, err.message || 'Bad request'), err.status);
    }
    if (isClientAbort(err, c)) {
      log(`${c.req.method} ${c.req.path}: the client closed the connection mid-request; answered 400`);
      return c.json(errorBody('validation_failed', 'The request body ended early: the connection was closed'), 400);
    }
    log(`${c.req.method} ${c.req.path} failed`, err);
    return c.json(errorBody('internal', 'Internal server error'), 500);
  });

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Vary', 'Origin');
    await next();
  });
  // The inbox's pages are same-origin browser pages with their own Origin check (server/inbox/guards.ts);
  // the extension-only CORS gate is for the API's routes.
  const cors = corsGate(new Set(options.allowedOrigins));
  app.use('*', (c, next) => (c.req.path === '/inbox' || c.req.path.startsWith('/inbox/') ? next() : cors(c, next)));

  const support = supportGate(options.supportToken);
  intakeRoutes(app, ctx);
  customerTicketRoutes(app, ctx);
  statusRoutes(app, ctx, support);
  supportTicketRoutes(app, ctx, support);
  handoffRoutes(app, ctx, support);
  inboxRoutes(app, ctx);
  knownProblemRoutes(app, ctx, support);
  return app;
}
