/**
 * When a promised first reply is at risk or overdue: one rule for the inbox's badges
 * (server/inbox/deadline.ts) and the handoff's deadline events (server/handoff/handoff.ts).
 * At risk: at most 25 % of the window left, or at most one hour (whichever comes first);
 * overdue: past `latestReplyAt`. The promise is met by the first reply, which is an
 * acknowledgement or an answer (support's policy: complex cases get a quick acknowledgement,
 * then the detailed answer), so only a `received` ticket is still waiting; answered, closed and
 * spam tickets have no deadline.
 */
import type { ResponsePromise, TicketStatus } from '../utils/contract/schemas';

export const AT_RISK_FRACTION = 0.25;
export const AT_RISK_MS = 60 * 60 * 1000;
export const WAITING_STATUSES: readonly TicketStatus[] = ['received'];

export type DeadlineState = 'on-time' | 'at-risk' | 'overdue';

export function deadlineState(promise: Pick<ResponsePromise, 'clockStartsAt' | 'latestReplyAt'>, now: Date): DeadlineState {
  const due = Date.parse(promise.latestReplyAt);
  const window = Math.max(0, due - Date.parse(promise.clockStartsAt));
  const left = due - now.getTime();
  if (left <= 0) return 'overdue';
  if (left <= Math.max(window * AT_RISK_FRACTION, AT_RISK_MS)) return 'at-risk';
  return 'on-time';
}

/** Whole minutes left before the due time (0 once past). */
export function minutesLeft(latestReplyAt: string, now: Date): number {
  return Math.max(0, Math.floor((Date.parse(latestReplyAt) - now.getTime()) / 60_000));
}
