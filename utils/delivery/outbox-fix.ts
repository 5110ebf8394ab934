/**
 * A ticket the API refused (4xx other than 408/429) waits in the outbox for the customer. They
 * can correct what they typed and drop screenshots (a 413 or 415 is usually about those), then
 * send it again under the same idempotency key: the API stores nothing it refuses, so the key
 * is still free. Pure, so that the rules are tested without IndexedDB.
 */
import { TicketSchema } from '../contract/schemas';
import { requestBytes } from './api-client';
import type { OutboxRecord } from './outbox';

export interface TicketFix {
  email: string;
  description: string;
  /** Indexes (in the current ticket) of the screenshots to keep. */
  keepScreenshots: number[];
}

export type FixResult = { ok: true; record: OutboxRecord } | { ok: false; issues: { path: string; message: string }[] };

/** The corrected record, queued again; or the contract's objections to the correction. */
export function applyFix(record: OutboxRecord, fix: TicketFix, now: number): FixResult {
  const keep = record.ticket.screenshots.map((_, index) => index).filter((index) => fix.keepScreenshots.includes(index));
  const candidate = {
    ...record.ticket,
    email: fix.email.trim(),
    description: fix.description,
    screenshots: keep.map((index, position) => ({ ...record.ticket.screenshots[index]!, index: position })),
  };
  const parsed = TicketSchema.safeParse(candidate);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
  const screenshots = keep.map((index) => record.screenshots[index]!);
  return {
    ok: true,
    record: {
      ...record,
      ticket: parsed.data,
      screenshots,
      state: 'queued',
      nextAttemptAt: now,
      lastError: undefined,
      stage: undefined,
      bytes: requestBytes(parsed.data, screenshots),
    },
  };
}
