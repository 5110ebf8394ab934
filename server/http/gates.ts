/** Who may call what: the browser-origin gate (CORS) and support's bearer-token gate. */
import type { Context, MiddlewareHandler } from 'hono';
import { ApiFailure } from '../errors';
import { secretsEqual } from '../ids';
import { originAllowed } from './extension-origins';

/** A bearer token longer than this is garbage; refuse before hashing megabytes of header. */
const MAX_TOKEN_CHARS = 512;

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_CHARS ? token : undefined;
}

export function supportGate(supportToken: string | undefined): MiddlewareHandler {
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
export function corsGate(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return next();
    }
    if (!originAllowed(allowed, origin)) {
      throw new ApiFailure(403, 'forbidden', 'This origin may not call the support API');
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed, ETag, Location');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-None-Match');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    return next();
  };
}
