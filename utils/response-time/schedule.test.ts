import { describe, expect, it } from 'vitest';
import { ScheduleSchema, SupportStatusSchema } from '../contract/schemas';
import {
  builtinStatus,
  DEFAULT_WEEK,
  defaultSchedule,
  easterSunday,
  holidaysOfYear,
  SUPPORT_TIMEZONE,
} from './schedule';

const datesOf = (year: number) => holidaysOfYear(year).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('holidaysOfYear', () => {
  it('lists 2026 with Good Friday, Patriotes on the Monday before May 25 and Boxing Day observed on Monday', () => {
    expect(holidaysOfYear(2026)).toEqual([
      { id: 'new-year', date: '2026-01-01' },
      { id: 'good-friday', date: '2026-04-03' },
      { id: 'patriotes', date: '2026-05-18' }, // May 25 is itself a Monday: the one before
      { id: 'fete-nationale', date: '2026-06-24' },
      { id: 'canada-day', date: '2026-07-01' },
      { id: 'labour-day', date: '2026-09-07' },
      { id: 'thanksgiving', date: '2026-10-12' },
      { id: 'christmas', date: '2026-12-25' },
      { id: 'boxing-day', date: '2026-12-26' },
      { id: 'boxing-day', date: '2026-12-28', observedFor: '2026-12-26' },
    ]);
  });

  it('does not close on Easter Monday (Good Friday is the one chosen)', () => {
    expect(datesOf(2026)).not.toContain('2026-04-06');
    expect(datesOf(2027)).toContain('2027-03-26');
    expect(datesOf(2027)).not.toContain('2027-03-29');
  });

  it('puts Patriotes / Victoria Day on the Monday before May 25', () => {
    expect(datesOf(2027)).toContain('2027-05-24'); // May 25 is a Tuesday
    expect(datesOf(2025)).toContain('2025-05-19');
    expect(datesOf(2022)).toContain('2022-05-23');
  });

  it('moves a Saturday New Year to Monday', () => {
    expect(datesOf(2022).slice(0, 2)).toEqual(['2022-01-01', '2022-01-03']);
  });

  it('moves Sunday Fête nationale and Canada Day to the Monday (Quebec: July 2)', () => {
    const dates = datesOf(2029);
    expect(dates).toEqual(expect.arrayContaining(['2029-06-24', '2029-06-25', '2029-07-01', '2029-07-02']));
  });

  it('gives Christmas and Boxing Day two distinct weekdays when both fall on the weekend', () => {
    expect(datesOf(2021).filter((d) => d >= '2021-12-24')).toEqual([
      '2021-12-25',
      '2021-12-26',
      '2021-12-27',
      '2021-12-28',
    ]);
  });

  it('shifts a Sunday Christmas past a Monday Boxing Day to Tuesday', () => {
    expect(holidaysOfYear(2022).filter((h) => h.date >= '2022-12-24')).toEqual([
      { id: 'christmas', date: '2022-12-25' },
      { id: 'boxing-day', date: '2022-12-26' },
      { id: 'christmas', date: '2022-12-27', observedFor: '2022-12-25' },
    ]);
  });
});

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
    expect(defaultSchedule(new Date('2026-05-18T12:00:00Z')).closedDays).toEqual([
      '2026-05-18',
      '2026-06-24',
      '2026-07-01',
    ]);
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
