/**
 * The handoff queue in SQLite (tables of step 3 in server/migrations.ts): events, one delivery per
 * (event, channel, destination) with its attempts, endpoints disabled by a 410, and the key of the
 * screenshot links. Everything the worker decides is written here before it acts on it, so a
 * restart resumes from the rows alone.
 */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

export type Channel = 'webhook' | 'email' | 'ack';
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'disabled';
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'disabled';

export interface HandoffEvent {
  id: string;
  ticketId: string;
  type: string;
  occurredAt: string;
  /** The webhook body, frozen when the event happened: every attempt sends the same bytes. */
  payloadJson: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  ticketId: string;
  channel: Channel;
  destination: string;
  state: DeliveryState;
  attempts: number;
  step: number;
  nextAttemptAt?: string;
  lastError?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Attempt {
  n: number;
  startedAt: string;
  finishedAt: string;
  outcome: AttemptOutcome;
  httpStatus?: number;
  error?: string;
  nextAttemptAt?: string;
}

export interface NewDelivery {
  channel: Channel;
  destination: string;
  /** 'disabled' when the endpoint is known gone: the log still shows the event was not sent. */
  state?: 'pending' | 'disabled';
  lastError?: string;
}

/** Ids without dots (the spec forbids them in webhook-id) and without guessable order. */
export function newId(prefix: 'msg' | 'evt'): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

export class HandoffQueue {
  constructor(private readonly db: Database.Database) {}

  /**
   * Stores an event and its deliveries in one transaction; undefined when an event with the same
   * dedupe key exists (the once-per-ticket events), so nothing is delivered twice.
   */
  addEvent(event: Omit<HandoffEvent, 'id'> & { dedupeKey: string }, deliveries: NewDelivery[], now: Date): HandoffEvent | undefined {
    const run = this.db.transaction((): HandoffEvent | undefined => {
      const id = newId('evt');
      const inserted = this.db
        .prepare(
          `INSERT OR IGNORE INTO handoff_events (id, ticket_id, type, dedupe_key, occurred_at, payload_json) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, event.ticketId, event.type, event.dedupeKey, event.occurredAt, event.payloadJson);
      if (inserted.changes === 0) return undefined;
      const at = now.toISOString();
      const insert = this.db.prepare(
        `INSERT INTO handoff_deliveries (id, event_id, ticket_id, channel, destination, state, next_attempt_at, last_error, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const d of deliveries) {
        const state = d.state ?? 'pending';
        insert.run(
          newId('msg'),
          id,
          event.ticketId,
          d.channel,
          d.destination,
          state,
          state === 'pending' ? at : null,
          d.lastError ?? null,
          at,
          at,
        );
      }
      return { id, ticketId: event.ticketId, type: event.type, occurredAt: event.occurredAt, payloadJson: event.payloadJson };
    });
    return run.immediate();
  }

  /** Whether an event with this dedupe key was recorded. */
  hasEvent(dedupeKey: string): boolean {
    return this.db.prepare('SELECT 1 FROM handoff_events WHERE dedupe_key = ?').get(dedupeKey) !== undefined;
  }

  getEvent(id: string): HandoffEvent | undefined {
    const row = this.db.prepare('SELECT * FROM handoff_events WHERE id = ?').get(id) as RawEvent | undefined;
    return row && decodeEvent(row);
  }

  getDelivery(id: string): Delivery | undefined {
    const row = this.db.prepare('SELECT * FROM handoff_deliveries WHERE id = ?').get(id) as RawDelivery | undefined;
    return row && decodeDelivery(row);
  }

  /** Pending deliveries due at `now`, oldest first. */
  due(now: Date, limit: number): Delivery[] {
    const rows = this.db
      .prepare(`SELECT * FROM handoff_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?`)
      .all(now.toISOString(), limit) as RawDelivery[];
    return rows.map(decodeDelivery);
  }

  /** When the next pending delivery is due, or undefined when none is pending. */
  nextDueAt(): Date | undefined {
    const row = this.db.prepare(`SELECT min(next_attempt_at) AS at FROM handoff_deliveries WHERE state = 'pending'`).get() as {
      at: string | null;
    };
    return row.at ? new Date(row.at) : undefined;
  }

  /** Records one attempt and the delivery's new state together. */
  recordAttempt(delivery: Delivery, attempt: Attempt, next: { state: DeliveryState; step: number }): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO handoff_attempts (delivery_id, n, started_at, finished_at, outcome, http_status, error, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          delivery.id,
          attempt.n,
          attempt.startedAt,
          attempt.finishedAt,
          attempt.outcome,
          attempt.httpStatus ?? null,
          attempt.error ?? null,
          attempt.nextAttemptAt ?? null,
        );
      this.db
        .prepare(
          'UPDATE handoff_deliveries SET state = ?, attempts = ?, step = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?',
        )
        .run(next.state, attempt.n, next.step, attempt.nextAttemptAt ?? null, attempt.error ?? null, attempt.finishedAt, delivery.id);
    })();
  }

  /** A delivery skipped without an attempt (its endpoint was disabled meanwhile). */
  markDisabled(deliveryId: string, reason: string, now: Date): void {
    this.db
      .prepare(`UPDATE handoff_deliveries SET state = 'disabled', next_attempt_at = NULL, last_error = ?, updated_at = ? WHERE id = ?`)
      .run(reason, now.toISOString(), deliveryId);
  }

  /**
   * Support's "send again": the delivery is due now with the schedule restarted, and an endpoint
   * disabled by a 410 is enabled again (support decided it is back). Same id, so a receiver that
   * already has it can still deduplicate.
   */
  retry(ticketId: string, deliveryId: string, now: Date): Delivery | undefined {
    const delivery = this.getDelivery(deliveryId);
    if (!delivery || delivery.ticketId !== ticketId) return undefined;
    this.db.transaction(() => {
      if (delivery.channel === 'webhook') this.enableEndpoint(delivery.destination);
      this.db
        .prepare(`UPDATE handoff_deliveries SET state = 'pending', step = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?`)
        .run(now.toISOString(), now.toISOString(), deliveryId);
    })();
    return this.getDelivery(deliveryId);
  }

  /** Every delivery of a ticket with its event type and attempts, oldest first. */
  forTicket(ticketId: string): (Delivery & { event: string; attemptLog: Attempt[] })[] {
    const rows = this.db
      .prepare(
        `SELECT d.*, e.type AS event_type FROM handoff_deliveries d JOIN handoff_events e ON e.id = d.event_id
         WHERE d.ticket_id = ? ORDER BY d.created_at, d.rowid`,
      )
      .all(ticketId) as (RawDelivery & { event_type: string })[];
    const attempts = this.db.prepare('SELECT * FROM handoff_attempts WHERE delivery_id = ? ORDER BY n');
    return rows.map((row) => ({
      ...decodeDelivery(row),
      event: row.event_type,
      attemptLog: (attempts.all(row.id) as RawAttempt[]).map(decodeAttempt),
    }));
  }

  disableEndpoint(url: string, reason: string, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO handoff_endpoints (url, disabled_at, reason) VALUES (?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason`,
      )
      .run(url, now.toISOString(), reason);
  }

  enableEndpoint(url: string): void {
    this.db.prepare('UPDATE handoff_endpoints SET disabled_at = NULL, reason = NULL WHERE url = ?').run(url);
  }

  /** The reason an endpoint is disabled, or undefined when it is enabled. */
  endpointDisabled(url: string): { at: string; reason: string } | undefined {
    const row = this.db.prepare('SELECT disabled_at, reason FROM handoff_endpoints WHERE url = ? AND disabled_at IS NOT NULL').get(url) as
      | { disabled_at: string; reason: string }
      | undefined;
    return row && { at: row.disabled_at, reason: row.reason };
  }

  /** The random key of the signed screenshot links (made by the migration). */
  linkKey(): Buffer {
    const row = this.db.prepare(`SELECT key FROM handoff_keys WHERE name = 'screenshot-links'`).get() as { key: Buffer } | undefined;
    if (!row) throw new Error('handoff_keys has no screenshot-links key: the database was not migrated');
    return row.key;
  }
}

interface RawEvent {
  id: string;
  ticket_id: string;
  type: string;
  occurred_at: string;
  payload_json: string;
}
interface RawDelivery {
  id: string;
  event_id: string;
  ticket_id: string;
  channel: Channel;
  destination: string;
  state: DeliveryState;
  attempts: number;
  step: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}
interface RawAttempt {
  n: number;
  started_at: string;
  finished_at: string;
  outcome: AttemptOutcome;
  http_status: number | null;
  error: string | null;
  next_attempt_at: string | null;
}

function decodeEvent(row: RawEvent): HandoffEvent {
  return { id: row.id, ticketId: row.ticket_id, type: row.type, occurredAt: row.occurred_at, payloadJson: row.payload_json };
}

function decodeDelivery(row: RawDelivery): Delivery {
  return {
    id: row.id,
    eventId: row.event_id,
    ticketId: row.ticket_id,
    channel: row.channel,
    destination: row.destination,
    state: row.state,
    attempts: row.attempts,
    step: row.step,
    ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function decodeAttempt(row: RawAttempt): Attempt {
  return {
    n: row.n,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    ...(row.http_status !== null ? { httpStatus: row.http_status } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at } : {}),
  };
}
