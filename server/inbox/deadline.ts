/**
 * The queue's badge for a ticket's first-reply deadline: the window runs from the promise's
 * clockStartsAt to its latestReplyAt (the API stores both at reception, from support's schedule
 * and mode then), judged by the one rule of server/deadline.ts; a ticket that got its first
 * reply (acknowledged or answered) is done.
 */
import type { TicketSummary } from '../../utils/contract/schemas';
import { deadlineState } from '../deadline';

export type Badge = 'on_track' | 'at_risk' | 'overdue' | 'replied' | 'none';

export function deadlineBadge(ticket: Pick<TicketSummary, 'status' | 'clockStartsAt' | 'dueAt' | 'firstReplyAt'>, now: Date): Badge {
  if (ticket.firstReplyAt) return 'replied';
  // Closed or filed as spam without a reply: nothing is due any more.
  if (ticket.status === 'closed' || ticket.status === 'spam') return 'none';
  const state = deadlineState({ clockStartsAt: ticket.clockStartsAt, latestReplyAt: ticket.dueAt }, now);
  return state === 'overdue' ? 'overdue' : state === 'at-risk' ? 'at_risk' : 'on_track';
}
