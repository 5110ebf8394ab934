import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import {
  ResponsePromiseSchema,
  SupportStatusSchema,
  TicketStatusSchema,
  type Category,
  type ResponsePromise,
  type StoredTicket,
  type SupportStatus,
  type TicketPublic,
} from '../utils/contract/schemas';
import { LIMITS } from '../utils/contract/limits';
import type { SupportDb, TicketRow } from './db';
import { ApiFailure, errorBody } from './errors';
import { newAccessToken, newReference, newTicketId, secretsEqual, sha256, tokenMatchesHash } from './ids';
import { FixedWindowLimiter, type RateLimitOptions } from './rate-limit';
import { buildSupportStatus, etagMatches, statusEtag } from './support-status';
import { acceptTicket, parseIdempotencyHeader } from './ticket-intake';
import type { ScheduleSettings } from './schedule-settings';

/** Computes the response promise of a new ticket (utils/response-time/promise.ts once it exists). */
export type PromiseComputer = (input: {
  now: Date;
  status: SupportStatus;
  category: Category;
  statusSource: 'live' | 'cached' | 'builtin';
}) => ResponsePromise;

/** Everything the app needs; `startApi` builds it from its options. */
export interface AppOptions {
  db: SupportDb;
  /** Unset: the support routes are disabled and answer 401. */
  supportToken?: string;
  /** Origins allowed to call the API from a browser (requests without Origin are always allowed). */
  allowedOrigins: string[];
  rateLimit: RateLimitOptions;
  now: () => Date;
  /** The schedule's settings: timezone, weekly hours, extra closed days. */
  schedule?: ScheduleSettings;
  computePromise?: PromiseComputer;
  /** Where real server faults are logged. */
  log?: (message: string, error?: unknown) => void;
  /** Tests inject colliding references to prove the retry. */
  newReference?: () => string;
}

/** Default and highest `?limit=` of the support list. */
const LIST_DEFAULT = 100;
const LIST_MAX = 1000;
/** Small JSON bodies (PATCH, PUT): nothing legitimate comes close. */
const SMALL_BODY_BYTES = 16 * 1024;
/** A bearer token longer than this is garbage; refuse before hashing megabytes of header. */
const MAX_TOKEN_CHARS = 512;

const PatchTicketSchema = z.strictObject({ status: TicketStatusSchema });
const PutStatusSchema = SupportStatusSchema.pick({ mode: true, message: true, until: true }).strict();

/**
 * The support API as a Hono app (no socket: `app.request()` works in tests; `startApi` serves it).
 * Every refusal is an ApiErrorSchema JSON body; only real server faults answer 500.
 */
export function createApp(options: AppOptions): Hono {
  const { db, now } = options;
  const log = options.log ?? ((message, error) => console.error(`[support-api] ${message}`, error ?? ''));
  const allowed = new Set(options.allowedOrigins);
  const limiter = options.rateLimit
    ? new FixedWindowLimiter(options.rateLimit.max, options.rateLimit.windowMs, () => now().getTime())
    : undefined;
  const makeReference = options.newReference ?? (() => newReference());

  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiFailure) {
      return c.json(errorBody(err.code, err.message, err.issues), err.status, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'payload_too_large' : 'validation_failed';
      return c.json(errorBody(code, err.message || 'Bad request'), err.status);
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
  app.use('*', corsGate(allowed));

  // --- Customer routes --------------------------------------------------------------------

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
      const promise = computePromise(options, receivedAt, accepted.ticket.category, log);
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
      return c.json(outcome.answer, 201);
    },
  );

  app.get('/v1/tickets/:id', (c) => {
    const token = bearer(c);
    const row = c.req.param('id').length <= 64 ? db.getTicket(c.req.param('id')) : undefined;
    // Hash and compare even when there is no such ticket, so timing does not tell ids apart;
    // 401 for both, so the answer does not either.
    const ok = token !== undefined && tokenMatchesHash(token, row?.accessTokenHash ?? DUMMY_HASH) && row !== undefined;
    if (!ok) throw new ApiFailure(401, 'unauthorized', 'Unknown ticket or wrong access token');
    return c.json(publicView(row), 200, { 'Cache-Control': 'no-store' });
  });

  // --- Status -------------------------------------------------------------------------------

  app.get('/v1/status', (c) => {
    const json = JSON.stringify(buildSupportStatus(db.getStatus(), now(), options.schedule));
    const etag = statusEtag(json);
    // Short: a customer opening the popup during an incident should learn it within a minute.
    c.header('Cache-Control', 'public, max-age=60');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  // --- Support routes -----------------------------------------------------------------------

  const support = supportGate(options.supportToken);
  const smallBody = bodyLimit({
    maxSize: SMALL_BODY_BYTES,
    onError: () => {
      throw tooLarge(SMALL_BODY_BYTES);
    },
  });

  app.put('/v1/status', support, smallBody, async (c) => {
    const body = await readJson(c, PutStatusSchema);
    db.setStatus({ ...body, updatedAt: now().toISOString() });
    const json = JSON.stringify(buildSupportStatus(db.getStatus(), now(), options.schedule));
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store' });
  });

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
      'Content-Disposition': `inline; filename="screenshot-${shot.index}.${shot.contentType.split('/')[1]}"`,
    });
  });

  app.patch('/v1/tickets/:id', support, smallBody, async (c) => {
    const body = await readJson(c, PatchTicketSchema);
    const row = db.setTicketStatus(c.req.param('id'), body.status, now().toISOString());
    if (!row) throw new ApiFailure(404, 'not_found', 'No such ticket');
    return c.json(storedView(row), 200, { 'Cache-Control': 'no-store' });
  });

  return app;
}

/** Compared against when the ticket does not exist, so both paths do the same work. */
const DUMMY_HASH = sha256('no ticket has this token');

function tooLarge(max: number): ApiFailure {
  return new ApiFailure(413, 'payload_too_large', `The request body is over ${max} bytes`);
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

/**
 * StoredTicketSchema, plus `promise`: what the server promised at reception (ticket.promise is
 * the extension's own estimate before sending). StoredTicketSchema has no such field yet, and
 * zod objects ignore unknown keys, so clients parsing the list are unaffected.
 */
function storedView(row: TicketRow): StoredTicket & { promise?: ResponsePromise } {
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

function computePromise(
  options: AppOptions,
  now: Date,
  category: Category,
  log: NonNullable<AppOptions['log']>,
): ResponsePromise | undefined {
  if (!options.computePromise) return undefined;
  try {
    const status = buildSupportStatus(options.db.getStatus(), now, options.schedule);
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

/** The token of `Authorization: Bearer <token>`, or undefined. */
function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_CHARS ? token : undefined;
}

function supportGate(supportToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!supportToken) {
      throw new ApiFailure(401, 'unauthorized', 'Support routes are disabled: the server has no SUPPORT_TOKEN');
    }
    const token = bearer(c);
    if (token === undefined || !secretsEqual(token, supportToken)) {
      throw new ApiFailure(401, 'unauthorized', 'Missing or wrong support token');
    }
    await next();
  };
}

/**
 * CORS for the extension's origins only. A refused Origin gets 403 (not just a missing
 * Access-Control-Allow-Origin): a multipart POST is a "simple" request that a browser sends
 * without preflight, so any web page could otherwise file tickets through a visitor's browser.
 * No Origin at all means a non-browser client (curl, the status CLI): allowed.
 */
function corsGate(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return next();
    }
    if (!allowed.has(origin)) {
      throw new ApiFailure(403, 'forbidden', 'This origin may not call the support API');
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed, ETag, Location');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-None-Match');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    return next();
  };
}

/** Remote address of the socket; proxies are not trusted (the reference server runs locally). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests: no socket
  }
}

async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new ApiFailure(400, 'validation_failed', 'The body is not valid JSON', [{ path: 'body', message: 'not valid JSON' }]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiFailure(
      400,
      'validation_failed',
      'The body does not match the contract',
      parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}
