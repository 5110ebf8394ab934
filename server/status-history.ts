/**
 * Who changed a ticket's status, from what, and when: a subscriber of `ticket.status_changed`
 * writes each change to `ticket_status_history` (migration step 3); the inbox's ticket page reads it.
 */
import type Database from 'better-sqlite3';
import type { TicketStatus } from '../utils/contract/schemas';
import type { TicketEventBus } from './events';

export interface StatusChange {
  at: string;
  from: TicketStatus;
  to: TicketStatus;
  by?: string;
}

/** Starts recording; returns the unsubscribe function. */
export function recordStatusHistory(db: Database.Database, events: TicketEventBus): () => void {
  const insert = db.prepare('INSERT INTO ticket_status_history (ticket_id, at, from_status, to_status, by) VALUES (?, ?, ?, ?, ?)');
  return events.on('ticket.status_changed', (event) => {
    insert.run(event.ticketId, event.at, event.from, event.to, event.by ?? null);
  });
}

/** A ticket's changes, oldest first. */
export function statusHistory(db: Database.Database, ticketId: string): StatusChange[] {
  const rows = db
    .prepare('SELECT at, from_status, to_status, by FROM ticket_status_history WHERE ticket_id = ? ORDER BY at, rowid')
    .all(ticketId) as { at: string; from_status: TicketStatus; to_status: TicketStatus; by: string | null }[];
  return rows.map((row) => ({ at: row.at, from: row.from_status, to: row.to_status, ...(row.by ? { by: row.by } : {}) }));
}
