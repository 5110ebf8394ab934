import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../utils/contract/schemas';
import { weekFigures, weekStart } from './week-figures';

const base: TicketSummary = {
  id: 'x',
  reference: 'OSO-AAAAA',
  status: 'received',
  category: 'other',
  locale: 'en',
  email: 'a@example.com',
  firstLine: 'x',
  receivedAt: '2026-12-01T14:00:00.000Z',
  updatedAt: '2026-12-01T14:00:00.000Z',
  clockStartsAt: '2026-12-01T14:00:00.000Z',
  dueAt: '2026-12-02T14:00:00.000Z',
  mode: 'normal',
  screenshots: 0,
  entries: 0,
};
const now = new Date('2026-12-03T12:00:00.000Z');

describe('weekFigures', () => {
  it('counts the share within the promise over known outcomes, the overdue ones and the median delay, per mode', () => {
    const tickets: TicketSummary[] = [
      { ...base, status: 'acknowledged', firstReplyAt: '2026-12-01T16:00:00.000Z' }, // 2 h, within
      { ...base, status: 'answered', firstReplyAt: '2026-12-01T18:00:00.000Z' }, // 4 h, within
      { ...base, status: 'acknowledged', firstReplyAt: '2026-12-02T20:00:00.000Z' }, // 30 h, late
      { ...base }, // past due, no reply: overdue
      { ...base, dueAt: '2026-12-04T14:00:00.000Z' }, // still inside its window: unknown
      { ...base, mode: 'peak', dueAt: '2026-12-04T14:00:00.000Z' },
    ];
    const week = weekFigures(tickets, now);
    expect(week.normal).toEqual({ received: 5, withinShare: 0.5, overdue: 2, medianToReplyMs: 4 * 3_600_000 });
    expect(week.peak).toEqual({ received: 1, overdue: 0 });
    expect(week.incident).toEqual({ received: 0, overdue: 0 });
    expect(week.all.received).toBe(6);
  });

  it('starts the week on Monday 00:00 in support’s timezone', () => {
    // Thursday 3 Dec 2026, 12:00 UTC is 07:00 in Toronto; Monday 30 Nov 00:00 EST is 05:00 UTC.
    expect(weekStart(now, 'America/Toronto').toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });
});
