/**
 * The queue's badge for a ticket's first-reply deadline: the window runs from the promise's
 * clockStartsAt to its latestReplyAt (the API stores both at reception, from support's schedule
 * and mode then). At risk when at most 25 % of the window is left or at most one hour, overdue
 * once it has passed; a ticket that got its first reply (acknowledged or answered) is done.
 */
import type { TicketSummary } from '../../utils/contract/schemas';

export type Badge = 'on_track' | 'at_risk' | 'overdue' | 'replied' | 'none';

const HOUR_MS = 3_600_000;
export const AT_RISK_SHARE = 0.25;

export function deadlineBadge(ticket: Pick<TicketSummary, 'status' | 'clockStartsAt' | 'dueAt' | 'firstReplyAt'>, now: Date): Badge {
  if (ticket.firstReplyAt) return 'replied';
  // Closed or filed as spam without a reply: nothing is due any more.
  if (ticket.status === 'closed' || ticket.status === 'spam') return 'none';
  const due = Date.parse(ticket.dueAt);
  const left = due - now.getTime();
  if (left <= 0) return 'overdue';
  const window = due - Date.parse(ticket.clockStartsAt);
  if (left <= HOUR_MS || left <= AT_RISK_SHARE * window) return 'at_risk';
  return 'on_track';
}
