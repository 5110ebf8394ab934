import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';

/** A database left by a server that knew only the first `upTo` steps, with one ticket in it. */
function databaseAt(upTo: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((step) => step.version <= upTo),
  );
  db.prepare(
    `INSERT INTO tickets (id, reference, access_token_sha256, status, category, received_at, updated_at, ticket_json)
     VALUES ('t1', 'OSO-AAAAA', x'00', 'received', 'bug', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '{}')`,
  ).run();
  db.prepare(`INSERT INTO screenshots (ticket_id, idx, content_type, bytes) VALUES ('t1', 0, 'image/png', x'89')`).run();
  db.prepare(`INSERT INTO idempotency (key, fingerprint, ticket_id, answer_json, created_at) VALUES ('k', 'f', 't1', '{}', 'now')`).run();
  return db;
}

describe('migrate', () => {
  it('brings a new database to the latest version', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('step 2 allows the spam status and keeps every ticket, screenshot and idempotency record (foreign keys off)', () => {
    const db = databaseAt(1);
    expect(() => db.prepare(`UPDATE tickets SET status = 'spam'`).run()).toThrow(/CHECK/);
    migrate(db);
    db.prepare(`UPDATE tickets SET status = 'spam'`).run();
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('tickets'), count('screenshots'), count('idempotency')]).toEqual([1, 1, 1]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The cascade still holds after the rebuild: erasing a ticket erases its screenshots.
    db.prepare(`DELETE FROM tickets WHERE id = 't1'`).run();
    expect(count('screenshots')).toBe(0);
  });

  it('step 6 turns on incremental vacuum on an existing file and starts the retention clock of closed tickets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osortoo-migrate-'));
    try {
      const file = join(dir, 'old.sqlite');
      const old = new Database(file);
      migrate(
        old,
        MIGRATIONS.filter((step) => step.version <= 5),
      );
      old
        .prepare(
          `INSERT INTO tickets (id, reference, access_token_sha256, status, category, received_at, updated_at, ticket_json)
         VALUES ('t1', 'OSO-AAAAA', x'00', 'closed', 'bug', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '{}'),
                ('t2', 'OSO-BBBBB', x'00', 'received', 'bug', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', '{}')`,
        )
        .run();
      expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
      old.close();
      const db = new Database(file);
      migrate(db);
      // 2 = INCREMENTAL: only a VACUUM makes the pragma stick on a file that already has tables.
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
      expect(db.prepare('SELECT id, closed_at FROM tickets ORDER BY id').all()).toEqual([
        { id: 't1', closed_at: '2026-01-02T00:00:00Z' },
        { id: 't2', closed_at: null },
      ]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('step 7 orders the inbox queue index by arrival after the deadline, and keeps the tickets', () => {
    const db = databaseAt(6);
    const columns = () => (db.prepare(`PRAGMA index_info('summaries_queue')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns()).toEqual(['mailbox', 'replied', 'due_at', 'ticket_id']);
    migrate(db);
    expect(columns()).toEqual(['mailbox', 'replied', 'due_at', 'received_at', 'ticket_id']);
    expect(db.prepare('SELECT count(*) AS n FROM ticket_summaries').get()).toEqual({ n: 1 });
  });

  it('refuses a database written by a newer server', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this server/);
  });
});

describe('step 5 (known problems)', () => {
  it('adds the catalogue and deflections tables and keeps the tickets', () => {
    const db = databaseAt(4);
    migrate(db);
    db.prepare(`INSERT INTO deflections (problem_id, at) VALUES ('meta-rate-limit', '2026-12-01T10:00:00Z')`).run();
    db.prepare(`INSERT INTO known_problem_catalogue (id, catalogue_json, updated_at) VALUES (1, '{}', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO known_problem_catalogue (id, catalogue_json, updated_at) VALUES (2, '{}', 'now')`).run()).toThrow(
      /CHECK/,
    );
    expect((db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(1);
  });
});
