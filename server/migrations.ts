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
    why: 'handoff: events, deliveries and attempts to mail and webhooks (server/handoff/)',
    up: `
-- One row per thing that happened to a ticket and is handed off; dedupe_key makes the deadline
-- events (and ticket.created) happen once per ticket even when the scheduler runs twice.
CREATE TABLE handoff_events (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  occurred_at TEXT NOT NULL,
  payload_json TEXT NOT NULL
) STRICT;

-- One row per (event, channel, destination); its id is the webhook-id of every attempt.
CREATE TABLE handoff_deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES handoff_events (id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email', 'ack')),
  destination TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'disabled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  step INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, channel, destination)
) STRICT;
CREATE INDEX handoff_deliveries_due ON handoff_deliveries (state, next_attempt_at);
CREATE INDEX handoff_deliveries_by_ticket ON handoff_deliveries (ticket_id);

CREATE TABLE handoff_attempts (
  delivery_id TEXT NOT NULL REFERENCES handoff_deliveries (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed', 'disabled')),
  http_status INTEGER,
  error TEXT,
  next_attempt_at TEXT,
  PRIMARY KEY (delivery_id, n)
) STRICT;

-- A webhook endpoint that answered 410 Gone stays disabled until support sends again by hand.
CREATE TABLE handoff_endpoints (
  url TEXT PRIMARY KEY,
  disabled_at TEXT,
  reason TEXT
) STRICT;

-- The key of the signed, expiring screenshot links in webhook payloads: random, made once.
CREATE TABLE handoff_keys (
  name TEXT PRIMARY KEY,
  key BLOB NOT NULL
) STRICT;
INSERT INTO handoff_keys (name, key) VALUES ('screenshot-links', randomblob(32));
`,
  },
  {
    version: 4,
    why: 'ticket summaries for the paginated list and the inbox queue; status history',
    // The list must not read ticket_json (up to 512 KB, in overflow pages) or promise_json (stored
    // after it): a summary row per ticket, kept by triggers in the same transaction as the ticket
    // itself, so db.ts's writes need no change and no summary can be missing. A later step that
    // rebuilds the tickets table must recreate these triggers.
    up: `
CREATE TABLE ticket_summaries (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  reference TEXT NOT NULL,
  status TEXT NOT NULL,
  mailbox TEXT NOT NULL,
  category TEXT NOT NULL,
  platform TEXT,
  locale TEXT NOT NULL,
  email TEXT NOT NULL,
  draw_id TEXT,
  url TEXT,
  known_problem TEXT,
  description TEXT NOT NULL,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  clock_starts_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  mode TEXT NOT NULL,
  screenshots INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  first_reply_at TEXT,
  replied INTEGER NOT NULL
) STRICT;

-- A ticket without a stored promise (none so far, but the column is nullable) gets the standard
-- 24 hours from reception.
CREATE TRIGGER ticket_summaries_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_summaries (ticket_id, reference, status, mailbox, category, platform, locale, email, draw_id, url,
    known_problem, description, received_at, updated_at, clock_starts_at, due_at, mode, screenshots, entries, first_reply_at, replied)
  VALUES (NEW.id, NEW.reference, NEW.status,
    CASE NEW.status WHEN 'closed' THEN 'closed' WHEN 'spam' THEN 'spam' ELSE 'open' END,
    NEW.category,
    json_extract(NEW.ticket_json, '$.context.platform'),
    COALESCE(json_extract(NEW.ticket_json, '$.locale'), ''),
    COALESCE(json_extract(NEW.ticket_json, '$.email'), ''),
    json_extract(NEW.ticket_json, '$.context.drawId'),
    json_extract(NEW.ticket_json, '$.context.url'),
    json_extract(NEW.ticket_json, '$.knownProblem.id'),
    COALESCE(json_extract(NEW.ticket_json, '$.description'), ''),
    NEW.received_at, NEW.updated_at,
    COALESCE(json_extract(NEW.promise_json, '$.clockStartsAt'), NEW.received_at),
    COALESCE(json_extract(NEW.promise_json, '$.latestReplyAt'), strftime('%Y-%m-%dT%H:%M:%fZ', NEW.received_at, '+24 hours')),
    COALESCE(json_extract(NEW.promise_json, '$.mode'), 'normal'),
    COALESCE(json_array_length(NEW.ticket_json, '$.screenshots'), 0),
    COALESCE(json_array_length(NEW.ticket_json, '$.diagnostics.entries'), 0),
    NULL, 0);
END;

-- The first reply is the first move to acknowledged or answered; it stays once set.
CREATE TRIGGER ticket_summaries_status AFTER UPDATE OF status, updated_at ON tickets BEGIN
  UPDATE ticket_summaries SET
    status = NEW.status,
    mailbox = CASE NEW.status WHEN 'closed' THEN 'closed' WHEN 'spam' THEN 'spam' ELSE 'open' END,
    updated_at = NEW.updated_at,
    first_reply_at = COALESCE(first_reply_at, CASE WHEN NEW.status IN ('acknowledged', 'answered') THEN NEW.updated_at END),
    replied = (COALESCE(first_reply_at, CASE WHEN NEW.status IN ('acknowledged', 'answered') THEN NEW.updated_at END) IS NOT NULL)
  WHERE ticket_id = NEW.id;
END;

INSERT INTO ticket_summaries (ticket_id, reference, status, mailbox, category, platform, locale, email, draw_id, url,
  known_problem, description, received_at, updated_at, clock_starts_at, due_at, mode, screenshots, entries, first_reply_at, replied)
SELECT id, reference, status,
  CASE status WHEN 'closed' THEN 'closed' WHEN 'spam' THEN 'spam' ELSE 'open' END,
  category,
  json_extract(ticket_json, '$.context.platform'),
  COALESCE(json_extract(ticket_json, '$.locale'), ''),
  COALESCE(json_extract(ticket_json, '$.email'), ''),
  json_extract(ticket_json, '$.context.drawId'),
  json_extract(ticket_json, '$.context.url'),
  json_extract(ticket_json, '$.knownProblem.id'),
  COALESCE(json_extract(ticket_json, '$.description'), ''),
  received_at, updated_at,
  COALESCE(json_extract(promise_json, '$.clockStartsAt'), received_at),
  COALESCE(json_extract(promise_json, '$.latestReplyAt'), strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+24 hours')),
  COALESCE(json_extract(promise_json, '$.mode'), 'normal'),
  COALESCE(json_array_length(ticket_json, '$.screenshots'), 0),
  COALESCE(json_array_length(ticket_json, '$.diagnostics.entries'), 0),
  CASE WHEN status IN ('acknowledged', 'answered') THEN updated_at END,
  status IN ('acknowledged', 'answered')
FROM tickets;

-- The API's list (newest first) and the inbox's queue (awaiting a first reply, by deadline).
CREATE INDEX summaries_newest ON ticket_summaries (received_at DESC, ticket_id DESC);
CREATE INDEX summaries_mailbox_newest ON ticket_summaries (mailbox, received_at DESC, ticket_id DESC);
CREATE INDEX summaries_queue ON ticket_summaries (mailbox, replied, due_at, ticket_id);
CREATE INDEX summaries_known_problem ON ticket_summaries (known_problem) WHERE known_problem IS NOT NULL;
CREATE INDEX summaries_received ON ticket_summaries (received_at);

-- Who changed a ticket's status, from what, and when (the inbox's history).
CREATE TABLE ticket_status_history (
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  by TEXT
) STRICT;
CREATE INDEX status_history_by_ticket ON ticket_status_history (ticket_id, at);
`,
  },
  {
    version: 5,
    why: 'known problems: support catalogue, anonymous deflections, the known problem of each ticket',
    up: `
-- Support's current catalogue (one row; absent: the bundled seed is served).
CREATE TABLE known_problem_catalogue (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  catalogue_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- "That solved it": a problem id and a time, nothing about who.
CREATE TABLE deflections (
  problem_id TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX deflections_by_problem ON deflections (problem_id, at);
-- A ticket's known problem is read from its stored JSON (ticket.knownProblem), not copied into
-- a column: the tickets table is left alone, so later steps that rebuild it need not know of it.
`,
  },
  {
    version: 6,
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
  {
    version: 7,
    why: 'inbox queue: tickets with the same deadline in the order they came in',
    // Tickets that arrive outside support's hours all start their clock at the next opening, so
    // their deadlines are equal: the queue now breaks the tie by arrival, not by random id.
    up: `
DROP INDEX summaries_queue;
CREATE INDEX summaries_queue ON ticket_summaries (mailbox, replied, due_at, received_at, ticket_id);
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
