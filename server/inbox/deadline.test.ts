import { describe, expect, it } from 'vitest';
import { deadlineBadge } from './deadline';

const start = '2026-12-01T14:00:00.000Z';
const due = '2026-12-02T14:00:00.000Z'; // a 24 h window
const at = (iso: string) => new Date(iso);
const open = { status: 'received' as const, clockStartsAt: start, dueAt: due };

describe('deadlineBadge', () => {
  it('is on track with more than 25 % of the window and more than an hour left', () => {
    expect(deadlineBadge(open, at('2026-12-01T15:00:00.000Z'))).toBe('on_track');
    expect(deadlineBadge(open, at('2026-12-02T07:59:00.000Z'))).toBe('on_track'); // 6 h 1 min left of 24 h
  });

  it('is at risk at 25 % of the window left, or one hour left of a short window', () => {
    expect(deadlineBadge(open, at('2026-12-02T08:00:00.000Z'))).toBe('at_risk'); // exactly 6 h of 24 h
    const short = { ...open, dueAt: '2026-12-01T16:00:00.000Z' }; // 2 h window: 25 % is 30 min
    expect(deadlineBadge(short, at('2026-12-01T14:59:00.000Z'))).toBe('on_track');
    expect(deadlineBadge(short, at('2026-12-01T15:00:00.000Z'))).toBe('at_risk');
  });

  it('is overdue once the deadline has passed, and on track before a clock that has not started', () => {
    expect(deadlineBadge(open, at(due))).toBe('overdue');
    expect(deadlineBadge(open, at('2026-11-30T20:00:00.000Z'))).toBe('on_track');
  });

  it('is done once replied, and owes nothing once closed or spam', () => {
    expect(deadlineBadge({ ...open, firstReplyAt: '2026-12-03T00:00:00.000Z' }, at('2026-12-04T00:00:00.000Z'))).toBe('replied');
    expect(deadlineBadge({ ...open, status: 'spam' }, at('2026-12-04T00:00:00.000Z'))).toBe('none');
  });
});
