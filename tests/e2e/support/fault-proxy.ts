/**
 * A fault-injecting HTTP proxy for end-to-end tests: it sits between the extension and the
 * real reference API and, over real sockets, makes the API look down, overloaded, hung, or
 * lossy. Switch its mode at any time; requests already held stay held until `release`.
 *
 * - `pass`: forwards to the API.
 * - `down`: stops listening (connections are refused) and drops open connections.
 * - `unavailable`: reads the request, answers 503 with `Retry-After`.
 * - `hang`: reads the request and never answers (the client's timeout must fire). The body is
 *   read because a proxy that stops reading cannot see the client hang up (it would never get
 *   the FIN); on loopback the kernel takes a ~100 KB body at once anyway, so "mid-upload" means
 *   "sent, no answer yet" from the client's side.
 * - `swallow`: forwards the whole request, the API stores the ticket, and the answer is
 *   dropped: the client never learns it was delivered (the "lost answer" case).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode = 'pass' | 'down' | 'unavailable' | 'hang' | 'swallow';

export interface ProxyLogEntry {
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  path: string;
  key: string | undefined;
  mode: FaultMode;
  /** What the client got: the status, or 'held' (never answered), 'refused' (down). */
  answer: number | 'held';
  /** The API's status when the request reached it. */
  upstream?: number;
}

export interface FaultProxy {
  url: string;
  readonly mode: FaultMode;
  setMode(mode: FaultMode, options?: { retryAfterSeconds?: number }): Promise<void>;
  /** Every ticket POST seen, in order. */
  log: ProxyLogEntry[];
  /** Requests held right now (hang, swallow) whose client is still connected. */
  heldCount(): number;
  /** Ends every held request's connection (as a crashed proxy would). */
  release(): void;
  close(): Promise<void>;
}

/** Starts the proxy on a free port of 127.0.0.1 in front of `apiUrl`. */
export async function startFaultProxy(apiUrl: string, initial: FaultMode = 'pass'): Promise<FaultProxy> {
  const upstream = new URL(apiUrl);
  let mode: FaultMode = initial;
  let retryAfterSeconds = 2;
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const log: ProxyLogEntry[] = [];

  const hold = (res: ServerResponse, entry: ProxyLogEntry) => {
    entry.answer = 'held';
    held.add(res);
    res.on('close', () => held.delete(res));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const isTicketPost = req.method === 'POST' && req.url?.startsWith('/v1/tickets');
    const entry: ProxyLogEntry = {
      at: Date.now(),
      method: req.method ?? '',
      path: req.url ?? '',
      key: req.headers['idempotency-key'] as string | undefined,
      mode,
      answer: 'held',
    };
    if (isTicketPost) log.push(entry);
    const current = isTicketPost ? mode : 'pass';
    if (current === 'hang' || current === 'unavailable') {
      req.resume();
      req.on('end', () => {
        if (current === 'hang') return hold(res, entry);
        entry.answer = 503;
        res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': String(retryAfterSeconds) });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'Service unavailable (fault proxy)' } }));
      });
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        entry.upstream = answer.statusCode;
        if (current === 'swallow') {
          answer.resume();
          return hold(res, entry);
        }
        entry.answer = answer.statusCode ?? 502;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 2_000;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let listening = true;

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    async setMode(next, options = {}) {
      if (options.retryAfterSeconds !== undefined) retryAfterSeconds = options.retryAfterSeconds;
      if (next === 'down' && listening) {
        listening = false;
        const closed = new Promise((resolve) => server.close(resolve));
        dropConnections();
        await closed;
      } else if (next !== 'down' && !listening) {
        // The same port again: the extension was pointed at it once.
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
        listening = true;
      }
      mode = next;
    },
    log,
    heldCount: () => held.size,
    release() {
      for (const res of held) res.destroy();
      held.clear();
    },
    async close() {
      proxy.release();
      dropConnections();
      if (listening) await new Promise((resolve) => server.close(resolve));
      listening = false;
    },
  };
  return proxy;
}
