/**
 * The inbox's own gates, apart from the API's bearer gate: the page headers (a strict CSP with no
 * inline script, no framing, no referrer), the session cookie, and the Origin check that every
 * state change passes (a SameSite=Strict cookie already stays home; the Origin check also holds
 * against a same-site page on another port).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, type InboxSessions } from './sessions';

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function pageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', PAGE_CSP);
    c.header('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` on the inbox's own
    // form posts, which the Origin check must refuse. Other sites still get no referrer.
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

/** Over https (directly or as a proxy says), the cookie is Secure. */
function overHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function readSession(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function startSession(c: Context, sessions: InboxSessions): void {
  setCookie(c, SESSION_COOKIE, sessions.create(), {
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(c),
    path: '/inbox',
    maxAge: Math.floor(sessions.ttlMs / 1000),
  });
}

export function endSession(c: Context, sessions: InboxSessions): void {
  sessions.end(readSession(c));
  deleteCookie(c, SESSION_COOKIE, { path: '/inbox', httpOnly: true, sameSite: 'Strict', secure: overHttps(c) });
}

/** Whether a state-changing request came from the inbox's own origin. */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin;
}
