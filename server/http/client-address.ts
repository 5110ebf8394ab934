import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Remote address of the socket; proxies are not trusted (the reference server runs locally). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests: no socket
  }
}
