/**
 * The persistent outbox: tickets waiting to be delivered, with their screenshots as blobs.
 * IndexedDB, not storage.local, because screenshots are binary and storage.local holds JSON
 * only (10 MB). The popup writes a ticket here and hands over; the worker delivers it.
 * Both run on the extension's origin, so they share this database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Ticket, TicketCreated, ApiErrorCode } from '../contract/schemas';
import { requestBytes, type SendStage } from './api-client';

/**
 * queued → sending → sent (2xx only), or back to queued (retryable failure), or attention
 * (a 4xx that judges the ticket). A record found in 'sending' when the worker starts was
 * interrupted (worker stopped mid-upload) and goes back to queued with the same key.
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'attention';

/** Why an attempt failed: an API error code, or a failure that never reached a readable answer. */
export type FailureCode = ApiErrorCode | 'network' | 'timeout' | 'http' | 'interrupted' | 'too_slow';

export interface OutboxFailure {
  code: FailureCode;
  status?: number;
  message?: string;
  issues?: { path: string; message: string }[];
  /** too_slow: the bytes that could not go out in time (for "this ticket (6 MB)"). */
  bytes?: number;
}

export interface OutboxRecord {
  /** The ticket's idempotency key: also the record's key, kept across every retry. */
  key: string;
  ticket: Ticket;
  /** The screenshot bytes, index for index with ticket.screenshots; emptied once sent. */
  screenshots: Blob[];
  state: OutboxState;
  attempts: number;
  /** Attempts in a row that timed out; at DELIVERY.timeoutAttempts the ticket needs attention (too_slow). */
  timeouts?: number;
  /** Epoch ms before which no new attempt is made. */
  nextAttemptAt: number;
  /** Why the last attempt failed; for 'attention', what the customer must fix. */
  lastError?: OutboxFailure;
  /** The API's answer once delivered. */
  result?: TicketCreated;
  /**
   * Stage of the attempt in flight ('sending' only). Stages rather than a percentage: fetch()
   * reports no upload progress (see SendStage).
   */
  stage?: 'preparing' | SendStage;
  /** Bytes to upload (ticket JSON and screenshots), for "sending 1.2 MB"; kept once sent. */
  bytes?: number;
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
  const bytes = requestBytes(ticket, screenshots);
  const record: OutboxRecord = {
    key: ticket.idempotencyKey,
    ticket,
    screenshots,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    bytes,
    createdAt: now,
    updatedAt: now,
  };
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** The record of one ticket, or undefined once discarded (or never queued). */
export async function getRecord(key: string): Promise<OutboxRecord | undefined> {
  return (await db()).get('outbox', key);
}

/** Every record, oldest first (the order tickets are delivered in). */
export async function allRecords(): Promise<OutboxRecord[]> {
  return (await (await db()).getAll('outbox')).sort((a, b) => a.createdAt - b.createdAt);
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
  // The key is the ticket's identity for the API: no change may alter it.
  const next = { ...change(current), key: current.key, updatedAt: Date.now() };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Discards a ticket (the customer's choice) or forgets a delivered one. */
export async function removeRecord(key: string): Promise<void> {
  await (await db()).delete('outbox', key);
}

/** For tests: forget the cached connection (e.g. after fake-indexeddb is reset). */
export function resetOutboxConnection(): void {
  dbPromise = undefined;
}
