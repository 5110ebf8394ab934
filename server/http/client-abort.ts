/**
 * A client that hangs up mid-body (a closed tab, a lost connection, an attacker) makes the body
 * reader throw. That is the client's doing, not a server fault: it gets one log line and a 4xx,
 * not the 500 path with a stack trace per request, which an attacker could use to flood the log.
 */
import type { Context } from 'hono';

const ABORT_CODES = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ABORT_ERR', 'UND_ERR_ABORTED']);

export function isClientAbort(error: unknown, c: Context): boolean {
  if (c.req.raw.signal?.aborted) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  return (typeof code === 'string' && ABORT_CODES.has(code)) || message === 'aborted' || name === 'AbortError';
}
