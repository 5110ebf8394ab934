/**
 * A bound on the request bytes the intake holds at once. The multipart body is read whole into
 * memory before it is checked, so without a bound 100 concurrent 24 MiB uploads held 2.4 GB.
 * Each request reserves its Content-Length (the largest request when it is chunked) before a
 * byte is read; past the budget it gets 503 + Retry-After, and the extension's outbox retries.
 */
import type { MiddlewareHandler } from 'hono';
import { LIMITS } from '../../utils/contract/limits';
import { ApiFailure } from '../errors';

/**
 * Request bytes held at once by default: three maximum-size tickets, or dozens of usual ones.
 * Measured: 100 concurrent maximum-size uploads keep the API under 512 MB RSS (server/README.md).
 * It was four (100 MiB) while the commit held the event loop; with the commit on the writer
 * thread the next upload is parsed while one commits, and four reached 406–504 MiB.
 */
export const DEFAULT_INFLIGHT_BYTES = 75 * 1024 * 1024;

/** What a busy server asks the client to wait: uploads in progress end within seconds. */
export const BUSY_RETRY_SECONDS = 3;

export class ByteBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Takes `bytes`, or returns false when they do not fit (one request alone always fits). */
  take(bytes: number): boolean {
    if (this.used > 0 && this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}

/** The request's declared size, or the largest allowed one when it is chunked (or lies badly). */
export function declaredBytes(contentLength: string | undefined): number {
  const value = contentLength !== undefined && /^\d{1,12}$/.test(contentLength.trim()) ? Number(contentLength) : Number.NaN;
  return Number.isFinite(value) ? Math.min(value, LIMITS.requestBytes) : LIMITS.requestBytes;
}

/** Middleware: holds the request's bytes in `budget` until its answer is ready. */
export function boundBytesInFlight(budget: ByteBudget): MiddlewareHandler {
  return async (c, next) => {
    const bytes = declaredBytes(c.req.header('content-length'));
    if (!budget.take(bytes)) {
      throw new ApiFailure(503, 'busy', 'The server is receiving too many tickets at once; retry shortly', undefined, {
        'Retry-After': String(BUSY_RETRY_SECONDS),
        // The body is not read: closing is cheaper than draining megabytes we refuse.
        Connection: 'close',
      });
    }
    try {
      await next();
    } finally {
      budget.give(bytes);
    }
  };
}
