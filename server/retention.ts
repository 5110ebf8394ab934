/**
 * Retention and erasure: closed (and spam) tickets, with their screenshots and idempotency
 * records, are deleted RETENTION_DAYS after they were closed (PRIVACY.md); support erases one
 * ticket at once on a customer's request (DELETE /v1/tickets/:id). After a delete the freed
 * pages go back to the disk (incremental vacuum, set up by migration step 3) and the WAL is
 * truncated, so the file shrinks and the erased bytes are not left in it.
 */
import type Database from 'better-sqlite3';
import type { Log } from './app-context';

export const DEFAULT_RETENTION_DAYS = 90;
/** How often the sweep runs: deletions are due by the day, an hour late is fine. */
export const SWEEP_INTERVAL_MS = 60 * 60_000;

/** Hands free pages back to the file system and empties the WAL (both hold erased bytes otherwise). */
export function reclaim(db: Database.Database): void {
  db.pragma('incremental_vacuum');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Deletes one ticket with its screenshots and idempotency records (ON DELETE CASCADE).
 * @returns whether there was such a ticket.
 */
export function eraseTicket(db: Database.Database, id: string): boolean {
  const deleted = db.prepare('DELETE FROM tickets WHERE id = ?').run(id).changes > 0;
  if (deleted) reclaim(db);
  return deleted;
}

/**
 * Deletes every ticket closed (or marked spam) more than `days` days before `now`.
 * @returns how many tickets were deleted.
 */
export function sweepExpired(db: Database.Database, now: Date, days: number): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const deleted = db
    .prepare(`DELETE FROM tickets WHERE closed_at IS NOT NULL AND closed_at < ? AND status IN ('closed', 'spam')`)
    .run(cutoff).changes;
  if (deleted > 0) reclaim(db);
  return deleted;
}

/** Runs the sweep now and every SWEEP_INTERVAL_MS; returns a function that stops it. */
export function startRetention(
  db: Database.Database,
  options: { days: number; now: () => Date; log: Log; intervalMs?: number },
): () => void {
  const run = () => {
    try {
      const deleted = sweepExpired(db, options.now(), options.days);
      if (deleted > 0) options.log(`retention: deleted ${deleted} ticket(s) closed more than ${options.days} days ago`);
    } catch (error) {
      options.log('retention sweep failed', error);
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
