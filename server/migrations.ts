/**
 * The database's schema as numbered steps. `PRAGMA user_version` records the last step applied,
 * so a database made by an older server is brought up to date on start, and every feature that
 * needs a table or a column adds a step at the end of the list (never edits an applied one).
 * Each step runs in one transaction with its version bump: a crash leaves the old version whole.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  /** What the step is for, in a few words (shown if it fails). */
  why: string;
  /**
   * Steps that rebuild a table referenced by foreign keys need them off while they run (SQLite's
   * documented 12-step procedure); PRAGMA foreign_keys cannot change inside a transaction.
   */
  foreignKeysOff?: boolean;
  /**
   * SQL that SQLite refuses inside a transaction (VACUUM), run just before the step's
   * transaction. It must be safe to run twice: a crash before the version bump repeats it.
   */
  before?: string;
  up: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    why: 'tickets, screenshots, idempotency records, support status',
    up: `
CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  access_token_sha256 BLOB NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'acknowledged', 'answered', 'closed')),
  category TEXT NOT NULL,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ticket_json TEXT NOT NULL,
  promise_json TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS tickets_by_received ON tickets (received_at DESC);

CREATE TABLE IF NOT EXISTS screenshots (
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (ticket_id, idx)
) STRICT;

-- The stored answer includes the access token in clear: a repeat with the same key must get
-- the very same 201 body, and the token cannot be rebuilt from its hash. Whoever can read this
-- table can read the tickets table anyway; the token only grants reading the ticket's status.
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  answer_json TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS support_status (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  mode TEXT NOT NULL CHECK (mode IN ('normal', 'peak', 'incident')),
  message TEXT,
  until TEXT,
  updated_at TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 2,
    why: "ticket status 'spam' (the inbox's Spam mailbox)",
    foreignKeysOff: true,
    up: `
CREATE TABLE tickets_v2 (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  access_token_sha256 BLOB NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'acknowledged', 'answered', 'closed', 'spam')),
  category TEXT NOT NULL,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ticket_json TEXT NOT NULL,
  promise_json TEXT
) STRICT;
INSERT INTO tickets_v2 SELECT id, reference, access_token_sha256, status, category, received_at, updated_at, ticket_json, promise_json FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_v2 RENAME TO tickets;
CREATE INDEX tickets_by_received ON tickets (received_at DESC);
`,
  },
  {
    version: 3,
    why: 'retention: when a ticket was closed; incremental vacuum so erased tickets shrink the file',
    // auto_vacuum can only change on an existing database through a full VACUUM (rewrites the
    // file once); afterwards PRAGMA incremental_vacuum hands freed pages back to the disk.
    before: 'PRAGMA auto_vacuum = INCREMENTAL; VACUUM;',
    up: `
ALTER TABLE tickets ADD COLUMN closed_at TEXT;
-- Tickets closed before this step start their retention clock at their last change.
UPDATE tickets SET closed_at = updated_at WHERE status IN ('closed', 'spam');
CREATE INDEX tickets_by_closed ON tickets (closed_at) WHERE closed_at IS NOT NULL;
`,
  },
];

/** The schema version this server writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies every step newer than the database's `user_version`, in order. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`the database is at schema version ${current}, newer than this server's ${SCHEMA_VERSION}: update the server`);
  }
  for (const step of migrations) {
    if (step.version <= current) continue;
    if (step.before) db.exec(step.before);
    if (step.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(step.up);
        if (step.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${step.version} (${step.why}) broke ${broken.length} foreign keys`);
        }
        db.pragma(`user_version = ${step.version}`);
      })();
    } finally {
      if (step.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
}
