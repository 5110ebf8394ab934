/**
 * Slow links: a request is cut when its connection makes no progress for `idleMs`, not after
 * a fixed total time (Node's requestTimeout cut a 6 MiB ticket at 90 KiB/s after 30 s, with an
 * empty 408). Node's socket timeout fires after `idleMs` without a byte read or written.
 * A handler still reading the body (`whenIdle`) then answers 408 with the JSON error shape
 * through the app (so CORS and the shared headers apply) and the connection is closed; where no
 * answer is possible any more (an idle keep-alive socket, an answer under way), it is closed.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiFailure } from '../errors';

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const IDLE_EVENT = 'osortoo:idle';

export function applyIdleTimeout(server: Server, options: { idleMs: number; log: (message: string) => void }): void {
  /** The request each socket is serving, until its answer is finished. */
  const serving = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  // Total-time limit off: a moving upload may take as long as it needs. Headers still have to
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
    const seconds = Math.round(options.idleMs / 1000);
    if (current && !current.res.headersSent && current.req.listenerCount(IDLE_EVENT) > 0) {
      options.log(`${current.req.method} ${current.req.url}: no bytes for ${seconds} s; answered 408`);
      current.req.emit(IDLE_EVENT, seconds);
      // The answer carries Connection: close; this is the backstop if it never gets out.
      setTimeout(() => socket.destroy(), 2_000).unref();
      return;
    }
    if (current && !current.res.writableEnded)
      options.log(`${current.req.method} ${current.req.url}: no progress for ${seconds} s; closed`);
    socket.destroy();
  });
}

/**
 * A promise that rejects with 408 request_timeout when the connection of `incoming` goes idle;
 * race the body read against it. `incoming` is `c.env.incoming` under @hono/node-server
 * (undefined in app.request() tests: never rejects).
 */
export function whenIdle(incoming: IncomingMessage | undefined): Promise<never> {
  const idle = new Promise<never>((_, reject) => {
    incoming?.once(IDLE_EVENT, (seconds: number) => {
      reject(
        new ApiFailure(408, 'request_timeout', `No data received for ${seconds} s; send the request again`, undefined, {
          Connection: 'close',
        }),
      );
    });
  });
  // Once the body has been read nobody awaits this any more: a late rejection is not an error.
  idle.catch(() => {});
  return idle;
}
