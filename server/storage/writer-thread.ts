/**
 * The ticket writer on a worker thread (./writer-worker.ts), so that the commit's fsync and
 * the WAL checkpoints never hold the API's event loop. One thread serves every API of the
 * process (tests start many; a thread costs a few hundred ms to start); it is started on first
 * use, holds the process open only while a request waits for it, and is started again if it
 * dies (the requests it held fail with a 500, the ticket stays in the customer's outbox).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CreateOutcome } from '../db';
import type { TicketToWrite, TicketWriter } from './ticket-writer';
import type { WriterReply, WriterRequest } from './writer-worker';

const require = createRequire(import.meta.url);

/** The thread's entry (CommonJS, evaluated): tsx's require hook, then the TypeScript body. */
const BOOT = `
const { workerData } = require('node:worker_threads');
require(workerData.tsx).register();
require(workerData.entry);
`;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

class WriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;

  constructor() {
    // The body is TypeScript, and a worker does not inherit its parent's loader (tsx for
    // `npm run api`, vitest in tests): the thread registers tsx's require hook first. The CommonJS
    // hook runs in the thread itself; the ES module one would start one more loader thread
    // (about 20 MiB more resident memory, against the 512 MB bound of server/load.test.ts).
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: { tsx: require.resolve('tsx/cjs/api'), entry: fileURLToPath(new URL('./writer-worker.ts', import.meta.url)) },
    });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code, stack: reply.error.stack }));
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the ticket writer thread exited (${code})`)));
  }

  request(message: WriterRequest, transfer: ArrayBuffer[] = []): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(message, transfer);
    });
  }

  newId(): number {
    return this.nextId++;
  }
}

let shared: WriterThread | undefined;
function thread(): WriterThread {
  if (!shared || shared.dead) shared = new WriterThread();
  return shared;
}

let nextHandle = 1;

/** Writes the tickets of the database in `dataDir` on the shared writer thread. */
export class ThreadTicketWriter implements TicketWriter {
  private readonly handle = nextHandle++;
  private readonly opened: Promise<unknown>;

  /** Opens its connection at once, in the background: `ready()` tells when it is open. */
  constructor(private readonly dataDir: string) {
    this.opened = this.send({ kind: 'open' });
    this.opened.catch(() => {}); // surfaces in ready() and on the first create
  }

  /** Resolves once the thread runs and its connection is open (it rejects when it cannot open). */
  async ready(): Promise<void> {
    await this.opened;
  }

  async create(input: TicketToWrite): Promise<CreateOutcome> {
    await this.opened;
    // Screenshot bytes move to the thread without a copy when they own their whole buffer.
    const transfer = input.screenshots
      .map((shot) => shot.bytes)
      .filter((bytes) => bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength)
      .map((bytes) => bytes.buffer as ArrayBuffer);
    return (await this.send({ kind: 'create', input }, [...new Set(transfer)])) as CreateOutcome;
  }

  /** A PRAGMA on the writer's own connection (tests: its synchronous mode, a "full" file). */
  pragma(sql: string): Promise<unknown> {
    return this.send({ kind: 'pragma', sql });
  }

  async close(): Promise<void> {
    await this.opened.catch(() => {});
    // A thread that died took its connections with it: none to close, and none to start for that.
    if (shared && !shared.dead) await this.send({ kind: 'close' }).catch(() => {});
  }

  private send(
    message: { kind: 'open' } | { kind: 'create'; input: TicketToWrite } | { kind: 'pragma'; sql: string } | { kind: 'close' },
    transfer: ArrayBuffer[] = [],
  ) {
    const writer = thread();
    return writer.request({ ...message, id: writer.newId(), handle: this.handle, dataDir: this.dataDir } as WriterRequest, transfer);
  }
}
