/** `POST /v1/tickets`: the customer's ticket, validated against the contract and stored once. */
import type { IncomingMessage } from 'node:http';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ResponsePromiseSchema, type Category, type ResponsePromise } from '../../utils/contract/schemas';
import { LIMITS } from '../../utils/contract/limits';
import type { AppContext } from '../app-context';
import { ApiFailure } from '../errors';
import { tooLarge } from '../http/bodies';
import { clientAddress } from '../http/client-address';
import { whenIdle } from '../http/idle-timeout';
import { ByteBudget, DEFAULT_INFLIGHT_BYTES, boundBytesInFlight, declaredBytes } from '../http/inflight';
import { diskFullFailure, isDiskFull } from '../storage/disk-full';
import { DEFAULT_QUOTA, StorageQuota, type QuotaHold } from '../storage/quota';
import { inlineTicketWriter } from '../storage/ticket-writer';
import { FixedWindowLimiter } from '../rate-limit';
import { buildSupportStatus } from '../support-status';
import { acceptTicket, parseIdempotencyHeader } from '../ticket-intake';

export function intakeRoutes(app: Hono, ctx: AppContext): void {
  const { db, now, log, options } = ctx;
  const quota = new StorageQuota(
    options.quota ?? DEFAULT_QUOTA,
    () => db.usedBytes(),
    () => now().getTime(),
  );
  const inflight = new ByteBudget(options.inflightBytes ?? DEFAULT_INFLIGHT_BYTES);
  /** Each request's quota reservation, for the handler to settle with the bytes it stored. */
  const holds = new WeakMap<Request, QuotaHold>();
  const limiter = options.rateLimit
    ? new FixedWindowLimiter(options.rateLimit.max, options.rateLimit.windowMs, () => now().getTime())
    : undefined;
  const writer = options.ticketWriter ?? inlineTicketWriter(db, options.newReference);

  app.post(
    '/v1/tickets',
    async (c, next) => {
      if (limiter) {
        const decision = limiter.hit(clientAddress(c, options.trustProxy));
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
    boundBytesInFlight(inflight),
    // Reserved before the body is read, settled with what was stored (nothing on a refusal).
    async (c, next) => {
      const hold = quota.reserve(clientAddress(c, options.trustProxy), declaredBytes(c.req.header('content-length')));
      holds.set(c.req.raw, hold);
      try {
        await next();
      } finally {
        hold.settle(0);
      }
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
        // A client that stops sending mid-body gets 408 after the idle timeout (http/idle-timeout.ts).
        form = await Promise.race([c.req.raw.formData(), whenIdle((c.env as { incoming?: IncomingMessage } | undefined)?.incoming)]);
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure(400, 'validation_failed', 'Malformed or truncated multipart body');
      }
      const accepted = await acceptTicket(form, headerKey);
      const receivedAt = now();
      const promise = computePromise(ctx, receivedAt, accepted.ticket.category, log);
      let outcome: Awaited<ReturnType<typeof writer.create>>;
      try {
        outcome = await writer.create({ ...accepted, receivedAt: receivedAt.toISOString(), promise });
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        log(`POST /v1/tickets: disk full (${(error as { code: string }).code}); answered 507`);
        throw diskFullFailure();
      }
      if (outcome.kind === 'created') holds.get(c.req.raw)?.settle(accepted.storedBytes);
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
