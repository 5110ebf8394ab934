import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';
import type { Category, ImageType, ResponsePromise, SupportMode, Ticket, TicketCreated, TicketStatus } from '../utils/contract/schemas';

/** One screenshot file as it is stored. */
export interface StoredScreenshot {
  index: number;
  contentType: ImageType;
  bytes: Uint8Array;
}

/** A tickets row, decoded. */
export interface TicketRow {
  id: string;
  reference: string;
  accessTokenHash: Buffer;
  status: TicketStatus;
  category: Category;
  receivedAt: string;
  updatedAt: string;
  ticket: Ticket;
  promise?: ResponsePromise;
}

/** The support status as support set it (the schedule is computed, not stored). */
export interface StoredStatus {
  mode: SupportMode;
  message?: string;
  until?: string;
  updatedAt: string;
}

/** What `createTicket` needs; the caller has validated everything. */
export interface NewTicket {
  idempotencyKey: string;
  fingerprint: string;
  ticket: Ticket;
  screenshots: StoredScreenshot[];
  receivedAt: string;
  promise?: ResponsePromise;
  /**
   * Builds the ids and the 201 answer with a reference of `referenceLength` characters; called
   * inside the transaction, retried on collision (with longer references after a while).
   */
  makeIdentity: (referenceLength: number) => { id: string; reference: string; accessToken: string; accessTokenHash: Buffer };
}

/** Result of `createTicket`: a new ticket, a replay of the key's first answer, or a conflict. */
export type CreateOutcome = { kind: 'created'; answer: TicketCreated } | { kind: 'replayed'; answer: TicketCreated } | { kind: 'conflict' };

/** How many references to try at one length before lengthening them (5 chars give 33 million values). */
const REFERENCE_ATTEMPTS = 8;
/** The lengths the contract allows after `OSO-` (TicketCreatedSchema: 5 to 8). */
const REFERENCE_LENGTHS = [5, 6, 7, 8];

/**
 * The API's storage: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every
 * method runs to completion without yielding to the event loop: together with BEGIN IMMEDIATE
 * this makes "look up the idempotency key, else insert" atomic, even for concurrent requests.
 */
export class SupportDb {
  readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (and creates, if needed) `${dataDir}/support.sqlite`. */
  static open(dataDir: string, now: () => Date): SupportDb {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'support.sqlite'));
    db.pragma('journal_mode = WAL');
    // FULL: every commit syncs the WAL, so a 201 (after which the extension drops its copy)
    // means the ticket survives a power cut. NORMAL may lose the last commits. Cost measured in
    // server/README.md ("Limits").
    db.pragma('synchronous = FULL');
    // A ticket erased for a customer (DELETE, retention) leaves zeros, not its text, in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // A fixed first status row, so its updatedAt (and the status ETag) is stable until support changes it.
    db.prepare(`INSERT OR IGNORE INTO support_status (id, mode, message, until, updated_at) VALUES (1, 'normal', NULL, NULL, ?)`).run(
      now().toISOString(),
    );
    return new SupportDb(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Stores a ticket with its screenshots and its idempotency record in one transaction, or
   * returns the first answer given for the same key (or a conflict when the body differs).
   */
  createTicket(input: NewTicket): CreateOutcome {
    const run = this.db.transaction((): CreateOutcome => {
      const existing = this.db.prepare('SELECT fingerprint, answer_json FROM idempotency WHERE key = ?').get(input.idempotencyKey) as
        | { fingerprint: string; answer_json: string }
        | undefined;
      if (existing) {
        if (existing.fingerprint !== input.fingerprint) return { kind: 'conflict' };
        return { kind: 'replayed', answer: JSON.parse(existing.answer_json) as TicketCreated };
      }
      const identity = this.uniqueIdentity(input.makeIdentity);
      this.db
        .prepare(
          `INSERT INTO tickets (id, reference, access_token_sha256, status, category, received_at, updated_at, ticket_json, promise_json)
           VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
        )
        .run(
          identity.id,
          identity.reference,
          identity.accessTokenHash,
          input.ticket.category,
          input.receivedAt,
          input.receivedAt,
          JSON.stringify(input.ticket),
          input.promise ? JSON.stringify(input.promise) : null,
        );
      const insertShot = this.db.prepare('INSERT INTO screenshots (ticket_id, idx, content_type, bytes) VALUES (?, ?, ?, ?)');
      for (const shot of input.screenshots) {
        insertShot.run(
          identity.id,
          shot.index,
          shot.contentType,
          Buffer.from(shot.bytes.buffer, shot.bytes.byteOffset, shot.bytes.byteLength),
        );
      }
      const answer: TicketCreated = {
        id: identity.id,
        reference: identity.reference,
        accessToken: identity.accessToken,
        receivedAt: input.receivedAt,
        ...(input.promise ? { promise: input.promise } : {}),
      };
      this.db
        .prepare('INSERT INTO idempotency (key, fingerprint, ticket_id, answer_json, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.idempotencyKey, input.fingerprint, identity.id, JSON.stringify(answer), input.receivedAt);
      return { kind: 'created', answer };
    });
    return run.immediate();
  }

  /**
   * A reference nobody holds: 8 tries at 5 characters, then 8 at 6, and so on up to 8. Many
   * collisions mean the short space is filling up (or the generator is poor): a longer reference
   * is still a valid one, while throwing would lose the customer's ticket.
   */
  private uniqueIdentity(make: NewTicket['makeIdentity']): ReturnType<NewTicket['makeIdentity']> {
    const taken = this.db.prepare('SELECT 1 FROM tickets WHERE reference = ? OR id = ?');
    for (const length of REFERENCE_LENGTHS) {
      for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
        const identity = make(length);
        if (!taken.get(identity.reference, identity.id)) return identity;
      }
    }
    throw new Error(`no free ticket reference after ${REFERENCE_ATTEMPTS * REFERENCE_LENGTHS.length} attempts`);
  }

  /**
   * The stored hash of a ticket's access token, and nothing else: the customer's route compares
   * the token before it decodes anything, so an unknown id and a wrong token cost the same.
   */
  getTokenHash(id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT access_token_sha256 FROM tickets WHERE id = ?').get(id) as
      | { access_token_sha256: Buffer }
      | undefined;
    return row?.access_token_sha256;
  }

  /** One ticket by id, or undefined. */
  getTicket(id: string): TicketRow | undefined {
    const row = this.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as RawTicketRow | undefined;
    return row ? decodeTicket(row) : undefined;
  }

  /** The newest tickets first. */
  listTickets(limit: number): TicketRow[] {
    const rows = this.db.prepare('SELECT * FROM tickets ORDER BY received_at DESC, rowid DESC LIMIT ?').all(limit) as RawTicketRow[];
    return rows.map(decodeTicket);
  }

  /** Bytes the database holds: pages in use × page size (free pages do not count). */
  usedBytes(): number {
    const pages =
      (this.db.pragma('page_count', { simple: true }) as number) - (this.db.pragma('freelist_count', { simple: true }) as number);
    return pages * (this.db.pragma('page_size', { simple: true }) as number);
  }

  /** Number of stored tickets, screenshots and idempotency records (tests count them). */
  counts(): { tickets: number; screenshots: number; idempotency: number } {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { tickets: count('tickets'), screenshots: count('screenshots'), idempotency: count('idempotency') };
  }

  getScreenshot(ticketId: string, index: number): StoredScreenshot | undefined {
    const row = this.db.prepare('SELECT idx, content_type, bytes FROM screenshots WHERE ticket_id = ? AND idx = ?').get(ticketId, index) as
      | { idx: number; content_type: ImageType; bytes: Buffer }
      | undefined;
    return row ? { index: row.idx, contentType: row.content_type, bytes: row.bytes } : undefined;
  }

  /** Changes a ticket's status; returns the updated row, or undefined when there is no such ticket. */
  setTicketStatus(id: string, status: TicketStatus, updatedAt: string): TicketRow | undefined {
    // closed_at starts the retention clock (server/retention.ts): set when a ticket becomes
    // closed or spam, kept while it moves between those two, cleared when it is reopened.
    const result = this.db
      .prepare(
        `UPDATE tickets SET status = @status, updated_at = @at,
           closed_at = CASE WHEN @status IN ('closed', 'spam') THEN coalesce(closed_at, @at) ELSE NULL END
         WHERE id = @id`,
      )
      .run({ status, at: updatedAt, id });
    return result.changes === 0 ? undefined : this.getTicket(id);
  }

  getStatus(): StoredStatus {
    const row = this.db.prepare('SELECT mode, message, until, updated_at FROM support_status WHERE id = 1').get() as {
      mode: SupportMode;
      message: string | null;
      until: string | null;
      updated_at: string;
    };
    return {
      mode: row.mode,
      ...(row.message !== null ? { message: row.message } : {}),
      ...(row.until !== null ? { until: row.until } : {}),
      updatedAt: row.updated_at,
    };
  }

  setStatus(status: StoredStatus): void {
    this.db
      .prepare('UPDATE support_status SET mode = ?, message = ?, until = ?, updated_at = ? WHERE id = 1')
      .run(status.mode, status.message ?? null, status.until ?? null, status.updatedAt);
  }
}

interface RawTicketRow {
  id: string;
  reference: string;
  access_token_sha256: Buffer;
  status: TicketStatus;
  category: Category;
  received_at: string;
  updated_at: string;
  ticket_json: string;
  promise_json: string | null;
}

function decodeTicket(row: RawTicketRow): TicketRow {
  return {
    id: row.id,
    reference: row.reference,
    accessTokenHash: row.access_token_sha256,
    status: row.status,
    category: row.category,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    ticket: JSON.parse(row.ticket_json) as Ticket,
    ...(row.promise_json ? { promise: JSON.parse(row.promise_json) as ResponsePromise } : {}),
  };
}
