import { describe, expect, it } from 'vitest';
import { applyScheduleSettings, parseClosedDays, parseSupportHours } from './schedule-settings';
import { configFromEnv } from './config';
import { buildSupportStatus } from './support-status';
import { computeResponsePromise } from '../utils/response-time/promise';

describe('support schedule settings', () => {
  it('reads weekly hours, with several ranges a day and days left closed', () => {
    const week = parseSupportHours('Mon-Thu 09:00-12:00,13:00-17:00; Fri 09:00-15:00');
    expect(week[0]).toEqual([]);
    expect(week[1]).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '13:00', close: '17:00' },
    ]);
    expect(week[4]).toEqual(week[1]);
    expect(week[5]).toEqual([{ open: '09:00', close: '15:00' }]);
    expect(week[6]).toEqual([]);
  });

  it('says what it could not read', () => {
    expect(() => parseSupportHours('Weekdays 9-5')).toThrow(/SUPPORT_HOURS: cannot read "Weekdays 9-5"/);
    expect(() => parseSupportHours('Mon-Fri 17:00-09:00')).toThrow(/opening before closing/);
    expect(() => parseClosedDays('2026-12-24, tomorrow')).toThrow(/"tomorrow" is not a date/);
    expect(() => configFromEnv({ SUPPORT_HOURS: 'Fri-Mon 09:00-17:00' })).toThrow(/SUPPORT_HOURS/);
  });

  it('applies to the served status, and so to the promise', () => {
    const now = new Date('2026-12-21T15:00:00Z'); // Monday 10:00 in Toronto
    const { options } = configFromEnv({
      SUPPORT_HOURS: 'Tue-Fri 08:00-16:00',
      SUPPORT_CLOSED_DAYS: '2026-12-22,2020-01-01',
      SUPPORT_TIMEZONE: 'America/Toronto',
    });
    const status = buildSupportStatus({ mode: 'normal', updatedAt: now.toISOString() }, now, {
      timezone: options.timezone,
      week: options.week,
      extraClosedDays: options.extraClosedDays,
    });
    expect(status.schedule.week[1]).toEqual([]);
    expect(status.schedule.closedDays).toContain('2026-12-22');
    expect(status.schedule.closedDays).toContain('2026-12-25');
    expect(status.schedule.closedDays).not.toContain('2020-01-01');
    // Monday is now closed and so is Tuesday the 22nd: the clock starts Wednesday 08:00.
    const promise = computeResponsePromise({ now, status, category: 'other', statusSource: 'live' });
    expect(promise.clockStartsAt).toBe('2026-12-23T13:00:00.000Z');
  });

  it('leaves the built-in schedule alone without settings', () => {
    const schedule = { timezone: 'America/Toronto', week: parseSupportHours('Mon-Fri 09:00-17:00'), closedDays: ['2026-12-25'] };
    expect(applyScheduleSettings(schedule)).toEqual(schedule);
  });
});
