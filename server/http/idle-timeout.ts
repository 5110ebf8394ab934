/**
 * Slow links: a request is cut when its connection makes no progress for `idleMs`, not after
 * a fixed total time (Node's requestTimeout cut a 6 MiB ticket at 90 KiB/s after 30 s, with an
 * empty 408). Node's socket timeout fires after `idleMs` without a byte read or written; when
 * the request is still unanswered we answer 408 with the JSON error shape, then close.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from '../errors';

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export function applyIdleTimeout(
  server: Server,
  options: { idleMs: number; allowedOrigins: string[]; log: (message: string) => void },
): void {
  const allowed = new Set(options.allowedOrigins);
  /** The request each socket is serving, until its answer is finished. */
  const serving = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  // Total-time limits off: a moving upload may take as long as it needs. Headers still have to
  // arrive within headersTimeout (a few hundred bytes, even on the slowest link).
  server.requestTimeout = 0;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    serving.set(socket, { req, res });
    res.once('close', () => {
      if (serving.get(socket)?.res === res) serving.delete(socket);
    });
  });
  server.setTimeout(options.idleMs, (socket: Socket) => {
    const current = serving.get(socket);
    if (!current || current.res.headersSent || current.res.writableEnded) {
      // An idle keep-alive socket, or an answer the client stopped reading: nothing to say.
      socket.destroy();
      return;
    }
    const seconds = Math.round(options.idleMs / 1000);
    options.log(`${current.req.method} ${current.req.url}: no bytes for ${seconds} s; answered 408`);
    const body = JSON.stringify(errorBody('request_timeout', `No data received for ${seconds} s; send the request again`));
    const origin = current.req.headers.origin;
    current.res.writeHead(408, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Content-Length': Buffer.byteLength(body),
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
      ...(origin !== undefined && allowed.has(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
    });
    // The rest of the body will not come: close once the answer is out, which also ends the
    // handler still waiting for it (and frees its share of the bytes in flight).
    current.res.end(body, () => socket.destroy());
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
}
