/**
 * The body of the ticket writer's thread (started by ./writer-thread.ts): one SQLite connection
 * per API it serves, opened like the API's own (WAL, `synchronous=FULL`), and the same
 * `SupportDb.createTicket` as the inline writer. The commit's fsync blocks this thread only.
 * Requests run one at a time in arrival order; BEGIN IMMEDIATE still orders them against the
 * API's own connection (status changes, erasure), so "look up the key, else insert" stays atomic.
 */
import { parentPort } from 'node:worker_threads';
import { SupportDb } from '../db';
import { identityMaker, type TicketToWrite } from './ticket-writer';

export type WriterRequest = { id: number; handle: number; dataDir: string } & (
  | { kind: 'open' }
  | { kind: 'create'; input: TicketToWrite }
  | { kind: 'pragma'; sql: string }
  | { kind: 'close' }
);

export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; code?: string; stack?: string } };

const connections = new Map<number, SupportDb>();
const makeIdentity = identityMaker();

function connection(handle: number, dataDir: string): SupportDb {
  let db = connections.get(handle);
  if (!db) {
    // Opened lazily, so a restarted thread picks up where the last one stopped.
    db = SupportDb.open(dataDir, () => new Date());
    connections.set(handle, db);
  }
  return db;
}

function handle(request: WriterRequest): unknown {
  switch (request.kind) {
    case 'open':
      connection(request.handle, request.dataDir);
      return undefined;
    case 'create':
      return connection(request.handle, request.dataDir).createTicket({ ...request.input, makeIdentity });
    case 'pragma':
      return connection(request.handle, request.dataDir).db.pragma(request.sql, { simple: true });
    case 'close':
      connections.get(request.handle)?.close();
      connections.delete(request.handle);
      return undefined;
  }
}

parentPort?.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id: request.id, ok: true, value: handle(request) };
  } catch (error) {
    const { message, code, stack } = error as { message?: string; code?: unknown; stack?: string };
    reply = {
      id: request.id,
      ok: false,
      error: { message: message ?? String(error), code: typeof code === 'string' ? code : undefined, stack },
    };
  }
  // The screenshot bytes go back with the reply: this thread allocates little, so its garbage
  // collector runs rarely and would keep dead megabytes resident; the API's thread, which
  // allocates a lot, frees them as it did before the writer had a thread.
  const buffers = request.kind === 'create' ? request.input.screenshots.map((shot) => shot.bytes.buffer) : [];
  parentPort?.postMessage(
    reply,
    [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer && buffer.byteLength > 0),
  );
});
