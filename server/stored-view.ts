/** One stored ticket as support reads it: the API's full view, and the inbox's JSON download and export. */
import type { ResponsePromise, StoredTicket } from '../utils/contract/schemas';
import type { TicketRow } from './db';

/**
 * StoredTicketSchema, plus `promise`: what the server promised at reception (ticket.promise is
 * the extension's own estimate before sending).
 */
export function storedView(row: TicketRow): StoredTicket & { promise?: ResponsePromise } {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    ticket: row.ticket,
    ...(row.promise ? { promise: row.promise } : {}),
  };
}
