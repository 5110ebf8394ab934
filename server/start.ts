import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeResponsePromise } from '../utils/response-time/promise';
import { createApp } from './app';
import { SupportDb } from './db';
import { TicketEventBus } from './events';
import { DEFAULT_IDLE_TIMEOUT_MS, applyIdleTimeout } from './http/idle-timeout';
import { DEFAULT_RETENTION_DAYS, startRetention } from './retention';
import { ThreadTicketWriter } from './storage/writer-thread';
import { DEFAULT_ALLOWED_ORIGIN, DEFAULT_RATE_LIMIT, type StartApiOptions } from './start-options';

/** A running API. */
export interface RunningApi {
  url: string;
  port: number;
  /** Ticket events of this API (features started beside it subscribe here). */
  events: TicketEventBus;
  /** The open database (tests fill it). */
  db: SupportDb;
  /** The connection that writes tickets, on its own thread (tests make it "full" with PRAGMA max_page_count). */
  writer: ThreadTicketWriter;
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
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[support-api] ${message}`, error ?? ''));
  const events = new TicketEventBus(log);
  const allowedOrigins = options.allowedOrigins ?? [DEFAULT_ALLOWED_ORIGIN];
  // After SupportDb.open: the schema is migrated before the writer's connection opens.
  const writer = new ThreadTicketWriter(options.dataDir);
  const app = createApp({
    events,
    db,
    supportToken: options.supportToken || undefined,
    allowedOrigins,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    quota: options.quota,
    inflightBytes: options.inflightBytes,
    trustProxy: options.trustProxy,
    now,
    schedule: { timezone: options.timezone, week: options.week, extraClosedDays: options.extraClosedDays },
    computePromise: computeResponsePromise,
    ticketWriter: writer,
    log: options.log,
    handoffConfigured: options.handoffConfigured,
  });
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: { headersTimeout: 10_000 },
  }) as Server;
  // Stalled clients (a truncated body that never ends) are cut on lack of progress, slow ones are not.
  applyIdleTimeout(server, { idleMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, log });
  const stopRetention = startRetention(db.db, { days: options.retentionDays ?? DEFAULT_RETENTION_DAYS, now, log });
  const host = options.host ?? '127.0.0.1';
  try {
    // Listening means ready to store: the writer thread starts (a few hundred ms) meanwhile.
    await Promise.all([
      writer.ready(),
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    ]);
  } catch (error) {
    if (server.listening) server.close();
    stopRetention();
    await writer.close();
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
    db,
    writer,
    close() {
      stopRetention();
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          writer.close().then(() => {
            db.close();
            resolve();
          });
        });
        server.closeIdleConnections();
        // Requests still in flight get a moment to finish before their sockets are cut.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      return closing;
    },
  };
}
