/** `POST /v1/tickets`: the customer's ticket, validated against the contract and stored once. */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ResponsePromiseSchema, type Category, type ResponsePromise } from '../../utils/contract/schemas';
import { LIMITS } from '../../utils/contract/limits';
import type { AppContext } from '../app-context';
import { ApiFailure } from '../errors';
import { tooLarge } from '../http/bodies';
import { clientAddress } from '../http/client-address';
import { newAccessToken, newReference, newTicketId, sha256 } from '../ids';
import { FixedWindowLimiter } from '../rate-limit';
import { buildSupportStatus } from '../support-status';
import { acceptTicket, parseIdempotencyHeader } from '../ticket-intake';

export function intakeRoutes(app: Hono, ctx: AppContext): void {
  const { db, now, log, options } = ctx;
  const limiter = options.rateLimit
    ? new FixedWindowLimiter(options.rateLimit.max, options.rateLimit.windowMs, () => now().getTime())
    : undefined;
  const makeReference = options.newReference ?? (() => newReference());

  app.post(
    '/v1/tickets',
    async (c, next) => {
      if (limiter) {
        const decision = limiter.hit(clientAddress(c));
        if (!decision.allowed) {
          const seconds = String(decision.retryAfterSeconds);
          throw new ApiFailure(429, 'rate_limited', `Too many tickets; retry in ${seconds} s`, undefined, { 'Retry-After': seconds });
        }
      }
      await next();
    },
    async (c, next) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^multipart\/form-data\s*;/i.test(type)) {
        throw new ApiFailure(415, 'unsupported_media_type', 'Send the ticket as multipart/form-data');
      }
      await next();
    },
    // Refuses on Content-Length before reading anything, and counts streamed bytes otherwise.
    bodyLimit({
      maxSize: LIMITS.requestBytes,
      onError: () => {
        throw tooLarge(LIMITS.requestBytes);
      },
    }),
    async (c) => {
      const headerKey = parseIdempotencyHeader(c.req.header('idempotency-key'));
      let form: FormData;
      try {
        form = await c.req.raw.formData();
      } catch {
        throw new ApiFailure(400, 'validation_failed', 'Malformed or truncated multipart body');
      }
      const accepted = await acceptTicket(form, headerKey);
      const receivedAt = now();
      const promise = computePromise(ctx, receivedAt, accepted.ticket.category, log);
      const outcome = db.createTicket({
        ...accepted,
        receivedAt: receivedAt.toISOString(),
        promise,
        makeIdentity: () => {
          const accessToken = newAccessToken();
          return { id: newTicketId(), reference: makeReference(), accessToken, accessTokenHash: sha256(accessToken) };
        },
      });
      if (outcome.kind === 'conflict') {
        throw new ApiFailure(422, 'idempotency_conflict', 'This Idempotency-Key was already used for a different ticket');
      }
      c.header('Location', `/v1/tickets/${outcome.answer.id}`);
      if (outcome.kind === 'replayed') c.header('Idempotent-Replayed', 'true');
      else
        ctx.events.emit('ticket.created', {
          ticketId: outcome.answer.id,
          reference: outcome.answer.reference,
          at: outcome.answer.receivedAt,
        });
      return c.json(outcome.answer, 201);
    },
  );
}

function computePromise(ctx: AppContext, now: Date, category: Category, log: AppContext['log']): ResponsePromise | undefined {
  const { options } = ctx;
  if (!options.computePromise) return undefined;
  try {
    const status = buildSupportStatus(ctx.db.getStatus(), now, options.schedule);
    const promise = options.computePromise({ now, status, category, statusSource: 'live' });
    // A promise that breaks the contract is dropped rather than stored: the ticket matters more.
    const parsed = ResponsePromiseSchema.safeParse(promise);
    if (parsed.success) return parsed.data;
    log('computeResponsePromise returned an invalid promise', parsed.error);
  } catch (error) {
    log('computeResponsePromise failed', error);
  }
  return undefined;
}
