/**
 * The persistent outbox: tickets waiting to be delivered, with their screenshots as blobs.
 * IndexedDB, not storage.local, because screenshots are binary and storage.local holds JSON
 * only (10 MB). The popup writes a ticket here and hands over; the worker delivers it.
 * Both run on the extension's origin, so they share this database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Ticket, TicketCreated, ApiErrorCode } from './contract';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'attention';

export interface OutboxRecord {
  /** The ticket's idempotency key: also the record's key, kept across every retry. */
  key: string;
  ticket: Ticket;
  /** The screenshot bytes, index for index with ticket.screenshots; emptied once sent. */
  screenshots: Blob[];
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which no new attempt is made. */
  nextAttemptAt: number;
  /** Why the last attempt failed; for 'attention', what the customer must fix. */
  lastError?: { code: ApiErrorCode | 'network' | 'timeout' | 'http'; status?: number; message?: string; issues?: { path: string; message: string }[] };
  /** The API's answer once delivered. */
  result?: TicketCreated;
  /** Upload progress of the current attempt, 0..1. */
  progress?: number;
  createdAt: number;
  updatedAt: number;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { state: OutboxState } };
}

const DB_NAME = 'osortoo-support';
const DB_VERSION = 1;
let dbPromise: Promise<IDBPDatabase<OutboxDb>> | undefined;

function db(): Promise<IDBPDatabase<OutboxDb>> {
  dbPromise ??= openDB<OutboxDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const store = database.createObjectStore('outbox', { keyPath: 'key' });
      store.createIndex('state', 'state');
    },
  });
  return dbPromise;
}

/** Adds a ticket to the outbox; a ticket already there (same key) is left as it is. */
export async function enqueue(ticket: Ticket, screenshots: Blob[], now = Date.now()): Promise<OutboxRecord> {
  const database = await db();
  const tx = database.transaction('outbox', 'readwrite');
  const existing = await tx.store.get(ticket.idempotencyKey);
  if (existing) {
    await tx.done;
    return existing;
  }
  const record: OutboxRecord = { key: ticket.idempotencyKey, ticket, screenshots, state: 'queued', attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now };
  await tx.store.put(record);
  await tx.done;
  return record;
}

export async function getRecord(key: string): Promise<OutboxRecord | undefined> {
  return (await db()).get('outbox', key);
}

export async function allRecords(): Promise<OutboxRecord[]> {
  return (await db()).getAll('outbox');
}

/** Applies a change to one record atomically; returns the new record, or undefined if gone. */
export async function updateRecord(key: string, change: (record: OutboxRecord) => OutboxRecord): Promise<OutboxRecord | undefined> {
  const database = await db();
  const tx = database.transaction('outbox', 'readwrite');
  const current = await tx.store.get(key);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = { ...change(current), updatedAt: Date.now() };
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function removeRecord(key: string): Promise<void> {
  await (await db()).delete('outbox', key);
}

/** For tests: forget the cached connection (e.g. after fake-indexeddb is reset). */
export function resetOutboxConnection(): void {
  dbPromise = undefined;
}
