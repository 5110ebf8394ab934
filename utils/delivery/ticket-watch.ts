/**
 * Support's answer reaches the customer without the popup open: the worker reads the status of
 * the tickets it delivered that are still open (entrypoints/background/ticket-status.ts), keeps
 * what it saw here, and counts the changes the customer has not looked at yet (the toolbar
 * badge). "My tickets" shows the stored statuses at once and marks them seen.
 */
import { storage } from 'wxt/utils/storage';
import type { TicketStatus } from '../contract/schemas';
import { fetchTicketStatus, type StatusOutcome } from './my-tickets';
import type { OutboxRecord } from './outbox';

/** What the watch knows of one delivered ticket. */
export interface WatchedTicket {
  status: TicketStatus;
  /** Epoch ms of the last successful read. */
  checkedAt: number;
  /** Reads in a row that found no change: each one doubles the wait before the next (up to MAX_BACKOFF). */
  unchanged: number;
  /** The status changed since the customer last looked at "My tickets". */
  unseen: boolean;
}

export type WatchState = Record<string, WatchedTicket>;

/** Statuses after which support has nothing more to say. A ticket support marked as spam reads
 * "Closed" to the customer (utils/i18n/my-tickets.ts) and is never answered: no reason to ask again. */
const FINAL: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['closed', 'spam']);
/** A quiet ticket is read at most every 2^3 periods: an answer still shows within the hour in release builds. */
const MAX_BACKOFF = 3;
/** Tickets older than this are not followed any more (support answers within days). */
export const WATCH_MAX_AGE_MS = 30 * 24 * 3_600_000;

export const watchItem = storage.defineItem<WatchState>('local:ticketWatch', { fallback: {}, version: 1 });

/** The delivered tickets worth reading at `now`: open, recent, and due after their backoff. */
export function dueTickets(records: readonly OutboxRecord[], state: WatchState, now: number, periodMs: number): OutboxRecord[] {
  return records.filter((record) => {
    if (record.state !== 'sent' || !record.result) return false;
    if (now - record.createdAt > WATCH_MAX_AGE_MS) return false;
    const known = state[record.key];
    if (!known) return true;
    if (FINAL.has(known.status)) return false;
    return now - known.checkedAt >= periodMs * 2 ** Math.min(known.unchanged, MAX_BACKOFF) - periodMs / 4;
  });
}

/**
 * The watch after reading `outcomes`. A ticket seen for the first time counts as a change only if
 * support already moved it past "received"; a failed read changes nothing (tried again next time).
 */
export function applyOutcomes(state: WatchState, outcomes: readonly [string, StatusOutcome][], now: number): WatchState {
  const next = { ...state };
  for (const [key, outcome] of outcomes) {
    if (!outcome.ok) continue;
    const status = outcome.ticket.status;
    const before = state[key];
    const changed = before ? before.status !== status : status !== 'received';
    next[key] = {
      status,
      checkedAt: now,
      unchanged: changed ? 0 : (before?.unchanged ?? 0) + 1,
      unseen: changed || (before?.unseen ?? false),
    };
  }
  return next;
}

/** How many tickets changed since the customer last looked. */
export function unseenCount(state: WatchState): number {
  return Object.values(state).filter((ticket) => ticket.unseen).length;
}

/** Reads every due ticket's status and stores what changed; returns the new state. Never throws. */
export async function refreshWatch(
  apiUrl: string,
  records: readonly OutboxRecord[],
  periodMs: number,
  now = Date.now(),
  options: { fetch?: typeof fetch } = {},
): Promise<WatchState> {
  const state = await watchItem.getValue();
  const due = dueTickets(records, state, now, periodMs);
  if (due.length === 0) return state;
  const outcomes = await Promise.all(
    due.map(async (record) => [record.key, await fetchTicketStatus(apiUrl, record.result!, options)] as [string, StatusOutcome]),
  );
  // Re-read before writing: "My tickets" may have marked tickets seen meanwhile.
  const latest = await watchItem.getValue();
  const next = applyOutcomes(latest, outcomes, now);
  await watchItem.setValue(next);
  return next;
}

/** The customer looked at "My tickets": every change is seen. */
export async function markAllSeen(): Promise<void> {
  const state = await watchItem.getValue();
  if (unseenCount(state) === 0) return;
  await watchItem.setValue(Object.fromEntries(Object.entries(state).map(([key, ticket]) => [key, { ...ticket, unseen: false }])));
}

/** "m***@example.com": enough for the customer to recognise the address on a shared screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  return `${email[0]}***${email.slice(at)}`;
}
