import { describe, expect, it } from 'vitest';
import { ScheduleSchema, SupportStatusSchema } from '../contract/schemas';
import { builtinStatus, DEFAULT_WEEK, defaultSchedule, SUPPORT_TIMEZONE } from './schedule';

describe('defaultSchedule', () => {
  it('is valid per the contract, in Eastern time, Monday–Friday 9 to 5', () => {
    const schedule = defaultSchedule(new Date('2026-06-01T12:00:00Z'));
    expect(ScheduleSchema.parse(schedule)).toEqual(schedule);
    expect(schedule.timezone).toBe(SUPPORT_TIMEZONE);
    expect(schedule.week[0]).toEqual([]);
    expect(schedule.week[6]).toEqual([]);
    for (const day of [1, 2, 3, 4, 5]) expect(schedule.week[day]).toEqual([{ open: '09:00', close: '17:00' }]);
  });

  it('lists the closed days of the next 60 days, both ends included', () => {
    expect(defaultSchedule(new Date('2026-06-01T12:00:00Z')).closedDays).toEqual(['2026-06-24', '2026-07-01']);
    // 2026-05-18 + 60 days = 2026-07-17
    expect(defaultSchedule(new Date('2026-05-18T12:00:00Z')).closedDays).toEqual(['2026-05-18', '2026-06-24', '2026-07-01']);
  });

  it('takes the start date in the support timezone, not UTC', () => {
    // 03:00 UTC on May 19 is still May 18 in Toronto: Patriotes day is in range.
    expect(defaultSchedule(new Date('2026-05-19T03:00:00Z'), 1).closedDays).toEqual(['2026-05-18']);
    expect(defaultSchedule(new Date('2026-05-19T05:00:00Z'), 1).closedDays).toEqual([]);
  });

  it('spans the new year', () => {
    expect(defaultSchedule(new Date('2026-12-20T12:00:00Z'), 30).closedDays).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
      '2027-01-01',
    ]);
  });

  it('honours a custom length', () => {
    expect(defaultSchedule(new Date('2026-01-02T12:00:00Z'), 0).closedDays).toEqual([]);
    expect(defaultSchedule(new Date('2026-01-02T12:00:00Z'), 365).closedDays).toHaveLength(10);
  });

  it('returns a copy of the week that callers may change', () => {
    const schedule = defaultSchedule(new Date('2026-06-01T12:00:00Z'));
    schedule.week[1]!.push({ open: '18:00', close: '19:00' });
    expect(DEFAULT_WEEK[1]).toHaveLength(1);
  });
});

describe('builtinStatus', () => {
  it('is a valid normal-mode status stamped now', () => {
    const now = new Date('2026-12-20T15:30:00Z');
    const status = builtinStatus(now);
    expect(SupportStatusSchema.parse(status)).toEqual(status);
    expect(status.mode).toBe('normal');
    expect(status.updatedAt).toBe('2026-12-20T15:30:00.000Z');
    expect(status.message).toBeUndefined();
    expect(status.schedule).toEqual(defaultSchedule(now));
  });
});
