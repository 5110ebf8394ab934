import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantOfWallTime, isoDateAt, isValidTimeZone, offsetMsAt, wallTimeAt, weekdayOf } from './zoned-time';

const TO = 'America/Toronto';
const iso = (d: Date) => d.toISOString();

describe('wallTimeAt / isoDateAt', () => {
  it('reads the wall clock, with midnight as hour 0', () => {
    expect(wallTimeAt(new Date('2026-07-01T04:00:00Z'), TO)).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 3,
    });
    expect(isoDateAt(new Date('2026-07-01T03:59:59Z'), TO)).toBe('2026-06-30');
  });

  it('knows the offset on both sides of DST', () => {
    expect(offsetMsAt(new Date('2026-01-15T12:00:00Z'), TO)).toBe(-5 * 3_600_000);
    expect(offsetMsAt(new Date('2026-07-15T12:00:00Z'), TO)).toBe(-4 * 3_600_000);
    expect(offsetMsAt(new Date('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(2 * 3_600_000);
  });
});

describe('instantOfWallTime', () => {
  it('converts ordinary times in winter and summer', () => {
    expect(iso(instantOfWallTime('2026-01-15', 9, 0, TO))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(instantOfWallTime('2026-07-15', 9, 0, TO))).toBe('2026-07-15T13:00:00.000Z');
  });

  it('handles the spring-forward day (2026-03-08 in Toronto)', () => {
    expect(iso(instantOfWallTime('2026-03-08', 1, 30, TO))).toBe('2026-03-08T06:30:00.000Z'); // EST
    expect(iso(instantOfWallTime('2026-03-08', 3, 0, TO))).toBe('2026-03-08T07:00:00.000Z'); // EDT
    // 02:30 does not exist: moved forward by the hour, to 03:30 EDT.
    expect(iso(instantOfWallTime('2026-03-08', 2, 30, TO))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(instantOfWallTime('2026-03-09', 9, 0, TO))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('handles the fall-back day (2026-11-01 in Toronto): the earlier of two 01:30', () => {
    expect(iso(instantOfWallTime('2026-11-01', 1, 30, TO))).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(iso(instantOfWallTime('2026-11-01', 3, 0, TO))).toBe('2026-11-01T08:00:00.000Z'); // EST
    expect(iso(instantOfWallTime('2026-11-02', 9, 0, TO))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('round-trips every quarter hour across both 2027 transitions', () => {
    for (const date of ['2027-03-14', '2027-11-07']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        const instant = instantOfWallTime(date, h, m, TO);
        const wall = wallTimeAt(instant, TO);
        if (date === '2027-03-14' && h === 2) {
          expect(wall.hour).toBe(3); // the gap
        } else {
          expect([wall.hour, wall.minute, isoDateAt(instant, TO)]).toEqual([h, m, date]);
        }
      }
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
    expect(weekdayOf('2026-12-25')).toBe(5);
  });

  it('validates timezone ids', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
