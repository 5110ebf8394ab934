import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeResponsePromise } from '../utils/response-time/promise';
import { createApp } from './app';
import { SupportDb } from './db';
import { TicketEventBus } from './events';
import { DEFAULT_ALLOWED_ORIGIN, DEFAULT_RATE_LIMIT, type StartApiOptions } from './start-options';

/** A running API. */
export interface RunningApi {
  url: string;
  port: number;
  /** Ticket events of this API (features started beside it subscribe here). */
  events: TicketEventBus;
  /** Stops accepting, drops idle keep-alive connections, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database and serves the API over HTTP. Used by `server/main.ts` (npm run api) and
 * by the end-to-end tests, which start one on port 0 with a temporary data directory.
 */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const now = options.now ?? (() => new Date());
  const db = SupportDb.open(options.dataDir, now);
  const events = new TicketEventBus(options.log ?? ((message, error) => console.error(`[support-api] ${message}`, error ?? '')));
  const app = createApp({
    events,
    db,
    supportToken: options.supportToken || undefined,
    allowedOrigins: options.allowedOrigins ?? [DEFAULT_ALLOWED_ORIGIN],
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    now,
    schedule: { timezone: options.timezone, week: options.week, extraClosedDays: options.extraClosedDays },
    computePromise: computeResponsePromise,
    log: options.log,
    handoffConfigured: options.handoffConfigured,
  });
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: {
      // Slow or stalled clients (a truncated body that never ends) must not hold sockets for the
      // default five minutes.
      requestTimeout: 30_000,
      headersTimeout: 10_000,
    },
  }) as Server;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    events,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeIdleConnections();
        // Requests still in flight get a moment to finish before their sockets are cut.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      return closing;
    },
  };
}
