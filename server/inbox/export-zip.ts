/**
 * One ticket as a .zip to hand to a developer: the ticket JSON (as the inbox's Raw JSON tab shows
 * it) and each screenshot's stored bytes, in a folder named after the reference.
 */
import { strToU8, zipSync } from 'fflate';
import type { SupportDb, TicketRow } from '../db';
import { storedView } from '../stored-view';

/** The ticket as support's API gives it (GET /v1/tickets/:id/full), indented for a developer. */
export function ticketJson(row: TicketRow): string {
  return JSON.stringify(storedView(row), null, 2);
}

export function exportZip(db: SupportDb, row: TicketRow): Uint8Array {
  const folder = row.reference;
  const files: Record<string, Uint8Array> = { [`${folder}/ticket.json`]: strToU8(ticketJson(row)) };
  for (const meta of row.ticket.screenshots) {
    const shot = db.getScreenshot(row.id, meta.index);
    if (!shot) continue;
    // Images are already compressed: store them as they are.
    files[`${folder}/screenshot-${shot.index}.${shot.contentType.split('/')[1]}`] = new Uint8Array(shot.bytes);
  }
  return zipSync(files, { level: 6, mtime: new Date(row.receivedAt) });
}
