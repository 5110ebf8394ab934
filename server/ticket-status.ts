/**
 * Changing a ticket's status, the one way both support doors do it (the bearer route
 * `PATCH /v1/tickets/:id` and the inbox's buttons): store it, then tell the subscribers
 * (`ticket.status_changed`: the inbox's history, the handoff) who changed what.
 */
import type { TicketStatus } from '../utils/contract/schemas';
import type { AppContext } from './app-context';
import type { TicketRow } from './db';

/** The updated ticket, or undefined when there is no such ticket. */
export function changeTicketStatus(ctx: AppContext, id: string, status: TicketStatus, by: string): TicketRow | undefined {
  const before = ctx.db.getTicket(id);
  if (!before) return undefined;
  const at = ctx.now().toISOString();
  const row = ctx.db.setTicketStatus(before.id, status, at);
  if (row && before.status !== row.status) {
    ctx.events.emit('ticket.status_changed', { ticketId: row.id, reference: row.reference, from: before.status, to: row.status, at, by });
  }
  return row;
}
