/**
 * The queue's strip of this week's figures, per support mode (normal, peak, incident) and for all:
 * tickets received since Monday 00:00 in support's timezone, the share acknowledged within their
 * promise, how many are overdue, and the median time to the first reply. "Acknowledged within the
 * promise" is counted over the tickets whose outcome is known (replied, or past their deadline),
 * so a ticket still inside its window counts neither way.
 */
import type { SupportMode } from '../../utils/contract/schemas';
import type { WeekRow } from '../ticket-summaries';
import { addDays, instantOfWallTime, isoDateAt, weekdayOf } from '../../utils/response-time/zoned-time';

export interface Figures {
  received: number;
  /** 0–1, or undefined when no outcome is known yet. */
  withinShare?: number;
  overdue: number;
  /** Milliseconds from reception to the first reply, or undefined without any reply. */
  medianToReplyMs?: number;
}

export type WeekFigures = Record<SupportMode | 'all', Figures>;

/** Monday 00:00 of `now`'s week, in `timeZone`. */
export function weekStart(now: Date, timeZone: string): Date {
  const today = isoDateAt(now, timeZone);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  return instantOfWallTime(monday, 0, 0, timeZone);
}

export function weekFigures(tickets: WeekRow[], now: Date): WeekFigures {
  const figures = (subset: WeekRow[]): Figures => {
    let within = 0;
    let known = 0;
    let overdue = 0;
    const delays: number[] = [];
    for (const ticket of subset) {
      const due = Date.parse(ticket.dueAt);
      if (ticket.firstReplyAt) {
        const replied = Date.parse(ticket.firstReplyAt);
        known++;
        if (replied <= due) within++;
        else overdue++;
        delays.push(replied - Date.parse(ticket.receivedAt));
      } else if (due <= now.getTime() && ticket.status !== 'closed' && ticket.status !== 'spam') {
        known++;
        overdue++;
      }
    }
    return {
      received: subset.length,
      ...(known > 0 ? { withinShare: within / known } : {}),
      overdue,
      ...(delays.length > 0 ? { medianToReplyMs: median(delays) } : {}),
    };
  };
  return {
    all: figures(tickets),
    normal: figures(tickets.filter((t) => t.mode === 'normal')),
    peak: figures(tickets.filter((t) => t.mode === 'peak')),
    incident: figures(tickets.filter((t) => t.mode === 'incident')),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
