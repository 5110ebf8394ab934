import { describe, expect, it } from 'vitest';
import { deadlineState } from './deadline';

const H = 3600_000;

describe('deadlineState', () => {
  const start = new Date('2026-11-24T14:00:00Z');
  const promise = (hours: number) => ({
    clockStartsAt: start.toISOString(),
    latestReplyAt: new Date(start.getTime() + hours * H).toISOString(),
  });
  const at = (hours: number) => new Date(start.getTime() + hours * H);

  it('is at risk with 25 % of a long window left, one hour of a short one, and overdue past the due time', () => {
    expect(deadlineState(promise(24), at(17.9))).toBe('on-time');
    expect(deadlineState(promise(24), at(18))).toBe('at-risk');
    expect(deadlineState(promise(2), at(0.9))).toBe('on-time');
    expect(deadlineState(promise(2), at(1))).toBe('at-risk');
    expect(deadlineState(promise(24), at(23.99))).toBe('at-risk');
    expect(deadlineState(promise(24), at(24))).toBe('overdue');
  });
});
