import { describe, expect, it } from 'vitest';
import { CategorySchema, ResponsePromiseSchema, type Category, type SupportStatus } from '../contract/schemas';
import { COMPLEX_CATEGORIES, computeResponsePromise, effectiveMode, nextOpening } from './promise';
import { builtinStatus, defaultSchedule } from './schedule';
import { instantOfWallTime, wallTimeAt } from './zoned-time';

const TO = 'America/Toronto';

/** An instant given as Toronto wall-clock time, so each case reads like the schedule. */
const toronto = (date: string, hh: number, mm = 0) => instantOfWallTime(date, hh, mm, TO);

function promiseAt(now: Date, over: Partial<SupportStatus> = {}, category: Category = 'other') {
  const status: SupportStatus = { ...builtinStatus(now), ...over };
  const promise = computeResponsePromise({ now, status, category, statusSource: 'live' });
  // Every promise must be storable with the ticket.
  expect(ResponsePromiseSchema.parse(promise)).toEqual(promise);
  return promise;
}

describe('standard case, when the clock starts', () => {
  it('weekday within hours: starts now, latest reply 24 elapsed hours later', () => {
    const now = toronto('2026-06-09', 10, 17); // Tuesday
    expect(promiseAt(now)).toEqual({
      case: 'standard',
      mode: 'normal',
      window: { minHours: 6, maxHours: 24 },
      acknowledgmentFirst: false,
      clockStartsAt: '2026-06-09T14:17:00.000Z',
      outsideHours: false,
      latestReplyAt: '2026-06-10T14:17:00.000Z',
      reasons: ['within-hours'],
      statusSource: 'live',
    });
  });

  it('opening is inclusive, closing exclusive', () => {
    expect(promiseAt(toronto('2026-06-09', 9, 0)).outsideHours).toBe(false);
    const atClose = promiseAt(toronto('2026-06-09', 17, 0));
    expect(atClose.outsideHours).toBe(true);
    expect(atClose.clockStartsAt).toBe(toronto('2026-06-10', 9).toISOString());
  });

  it('weekday evening: starts at 09:00 the next morning', () => {
    const p = promiseAt(toronto('2026-06-09', 18, 30));
    expect(p.outsideHours).toBe(true);
    expect(p.clockStartsAt).toBe('2026-06-10T13:00:00.000Z');
    expect(p.latestReplyAt).toBe('2026-06-11T13:00:00.000Z');
    expect(p.reasons).toEqual(['evening']);
  });

  it('early morning: starts at 09:00 the same day', () => {
    const p = promiseAt(toronto('2026-06-10', 3, 0));
    expect(p.clockStartsAt).toBe('2026-06-10T13:00:00.000Z');
    expect(p.reasons).toEqual(['before-opening']);
  });

  it('Friday night → Monday 09:00', () => {
    const p = promiseAt(toronto('2026-06-12', 22, 0));
    expect(p.clockStartsAt).toBe('2026-06-15T13:00:00.000Z');
    expect(p.latestReplyAt).toBe('2026-06-16T13:00:00.000Z');
    expect(p.reasons).toEqual(['evening', 'weekend']);
  });

  it('Saturday → Monday 09:00', () => {
    const p = promiseAt(toronto('2026-06-13', 11, 0));
    expect(p.clockStartsAt).toBe('2026-06-15T13:00:00.000Z');
    expect(p.reasons).toEqual(['weekend']);
  });

  it('Friday night before Patriotes / Victoria Day → Tuesday 09:00', () => {
    const p = promiseAt(toronto('2026-05-15', 20, 0));
    expect(p.clockStartsAt).toBe('2026-05-19T13:00:00.000Z');
    expect(p.reasons).toEqual(['evening', 'weekend', 'closed-day']);
  });

  it('a Monday holiday after a weekend (Thanksgiving) → Tuesday 09:00', () => {
    const p = promiseAt(toronto('2026-10-10', 12, 0)); // Saturday
    expect(p.clockStartsAt).toBe('2026-10-13T13:00:00.000Z');
    expect(p.reasons).toEqual(['weekend', 'closed-day']);
  });

  it.each([
    [
      'Christmas 2026 (Friday) → Tuesday 29, Boxing Day observed on Monday 28',
      '2026-12-25',
      '2026-12-29T14:00:00.000Z',
      ['closed-day', 'weekend'],
    ],
    ['Canada Day 2026 (Wednesday) → Thursday', '2026-07-01', '2026-07-02T13:00:00.000Z', ['closed-day']],
    ['Fête nationale 2026 (Wednesday) → Thursday', '2026-06-24', '2026-06-25T13:00:00.000Z', ['closed-day']],
    ['Good Friday 2027 → Monday (Easter Monday is open)', '2027-03-26', '2027-03-29T13:00:00.000Z', ['closed-day', 'weekend']],
  ])('closed day: %s', (_, date, start, reasons) => {
    const p = promiseAt(toronto(date, 10, 0));
    expect(p.outsideHours).toBe(true);
    expect(p.clockStartsAt).toBe(start);
    expect(p.reasons).toEqual(reasons);
  });

  it('uses the closed days the status lists, not only the built-in ones', () => {
    const now = toronto('2026-06-09', 18, 0);
    const schedule = { ...defaultSchedule(now), closedDays: ['2026-06-10'] }; // team offsite
    expect(promiseAt(now, { schedule }).clockStartsAt).toBe('2026-06-11T13:00:00.000Z');
  });
});

describe('daylight-saving time in the support timezone', () => {
  it('spring 2026: Friday evening EST → Monday 09:00 EDT (13:00Z, not 14:00Z)', () => {
    const p = promiseAt(toronto('2026-03-06', 18, 0));
    expect(p.clockStartsAt).toBe('2026-03-09T13:00:00.000Z');
    expect(p.latestReplyAt).toBe('2026-03-10T13:00:00.000Z');
  });

  it('fall 2026: Friday evening EDT → Monday 09:00 EST (14:00Z)', () => {
    const p = promiseAt(toronto('2026-10-30', 20, 0));
    expect(p.clockStartsAt).toBe('2026-11-02T14:00:00.000Z');
  });

  it('spring 2027 and fall 2027', () => {
    expect(promiseAt(toronto('2027-03-12', 17, 30)).clockStartsAt).toBe('2027-03-15T13:00:00.000Z');
    expect(promiseAt(toronto('2027-11-05', 17, 0)).clockStartsAt).toBe('2027-11-08T14:00:00.000Z');
  });

  it('a window across the change is counted in elapsed hours (48 h from Friday 10:00 EST = Sunday 11:00 EDT)', () => {
    const p = promiseAt(toronto('2026-03-06', 10, 0), { mode: 'peak' });
    expect(p.latestReplyAt).toBe('2026-03-08T15:00:00.000Z');
    const wall = wallTimeAt(new Date(p.latestReplyAt), TO);
    expect([wall.day, wall.hour]).toEqual([8, 11]);
  });

  it('a schedule open on the change day opens at the right instant', () => {
    const now = toronto('2026-03-07', 20, 0); // Saturday, EST
    const base = defaultSchedule(now);
    const week = base.week.map((d, i) => (i === 0 ? [{ open: '09:00', close: '17:00' }] : d));
    expect(nextOpening(now, { ...base, week }).clockStartsAt.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // Fall back: Sunday 2026-11-01 opening at 01:30 is the first (EDT) one.
    const fallNow = toronto('2026-10-31', 20, 0);
    const night = base.week.map((d, i) => (i === 0 ? [{ open: '01:30', close: '03:00' }] : d));
    const opening = nextOpening(fallNow, { ...defaultSchedule(fallNow), week: night });
    expect(opening.clockStartsAt.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('a customer in another timezone', () => {
  it('gets the same instants: Paris changes DST on 2026-03-29, Toronto on 2026-03-08', () => {
    // Friday 2026-03-20 23:30 in Paris (CET, UTC+1) = 18:30 in Toronto (EDT): evening there.
    const now = instantOfWallTime('2026-03-20', 23, 30, 'Europe/Paris');
    expect(now.toISOString()).toBe('2026-03-20T22:30:00.000Z');
    const p = promiseAt(now);
    expect(p.reasons).toEqual(['evening', 'weekend']);
    // Monday 09:00 EDT, which is 14:00 in Paris that week (not 15:00 as after March 29).
    expect(p.clockStartsAt).toBe('2026-03-23T13:00:00.000Z');
    expect(wallTimeAt(new Date(p.clockStartsAt), 'Europe/Paris').hour).toBe(14);
  });

  it('a Paris afternoon is within Toronto hours', () => {
    const now = instantOfWallTime('2026-10-28', 16, 0, 'Europe/Paris'); // 11:00 EDT (Paris already on CET)
    expect(promiseAt(now).reasons).toEqual(['within-hours']);
  });
});

describe('support modes', () => {
  const now = toronto('2026-12-22', 11, 0);

  it('peak: 24–48 h, in the order received', () => {
    const p = promiseAt(now, { mode: 'peak', message: 'Fêtes de fin d’année', until: '2027-01-05T05:00:00Z' });
    expect(p).toMatchObject({
      case: 'peak',
      mode: 'peak',
      window: { minHours: 24, maxHours: 48 },
      acknowledgmentFirst: false,
      latestReplyAt: '2026-12-24T16:00:00.000Z',
      reasons: ['within-hours', 'peak'],
      message: 'Fêtes de fin d’année',
    });
  });

  it('incident without until: 24–48 h', () => {
    const p = promiseAt(now, { mode: 'incident', message: 'Instagram API outage' });
    expect(p).toMatchObject({ case: 'incident', mode: 'incident', window: { minHours: 24, maxHours: 48 } });
    expect(p.reasons).toEqual(['within-hours', 'incident']);
    expect(p.message).toBe('Instagram API outage');
  });

  it('incident whose until has passed: normal again, its message dropped', () => {
    const p = promiseAt(now, { mode: 'incident', message: 'Instagram API outage', until: '2026-12-22T15:59:59Z' });
    expect(p).toMatchObject({ case: 'standard', mode: 'normal', window: { minHours: 6, maxHours: 24 } });
    expect(p.reasons).toEqual(['within-hours', 'mode-ended']);
    expect(p.message).toBeUndefined();
  });

  it('until exactly now counts as ended; a second later it is still on', () => {
    expect(effectiveMode({ ...builtinStatus(now), mode: 'peak', until: now.toISOString() }, now)).toEqual({ mode: 'normal', ended: true });
    const later = new Date(now.getTime() + 1000).toISOString();
    expect(effectiveMode({ ...builtinStatus(now), mode: 'peak', until: later }, now)).toEqual({ mode: 'peak', ended: false });
  });

  it('normal mode keeps its message', () => {
    expect(promiseAt(now, { message: 'Fermé le 24 après-midi' }).message).toBe('Fermé le 24 après-midi');
  });

  it('peak outside hours: the peak window starts at the next opening', () => {
    const p = promiseAt(toronto('2026-12-23', 19, 0), { mode: 'peak' });
    // Dec 24 is open in the built-in schedule (not a holiday).
    expect(p.clockStartsAt).toBe('2026-12-24T14:00:00.000Z');
    expect(p.latestReplyAt).toBe('2026-12-26T14:00:00.000Z');
    expect(p.reasons).toEqual(['evening', 'peak']);
  });
});

describe('categories', () => {
  const now = toronto('2026-06-09', 10, 0);

  it.each(CategorySchema.options)('%s in normal mode', (category) => {
    const p = promiseAt(now, {}, category);
    const complex = category !== 'other';
    expect(COMPLEX_CATEGORIES.has(category)).toBe(complex);
    expect(p.case).toBe(complex ? 'complex' : 'standard');
    expect(p.acknowledgmentFirst).toBe(complex);
    expect(p.window).toEqual({ minHours: 6, maxHours: 24 });
    expect(p.reasons.includes('complex-category')).toBe(complex);
  });

  it.each(['peak', 'incident'] as const)('a complex category in %s mode keeps the peak window and the acknowledgment', (mode) => {
    const p = promiseAt(now, { mode }, 'permissions');
    expect(p).toMatchObject({ case: mode, acknowledgmentFirst: true, window: { minHours: 24, maxHours: 48 } });
    expect(p.reasons).toEqual(['within-hours', mode, 'complex-category']);
  });
});

describe('statusSource and odd schedules', () => {
  it('copies the status source', () => {
    const now = toronto('2026-06-09', 10, 0);
    for (const statusSource of ['live', 'cached', 'builtin'] as const) {
      expect(computeResponsePromise({ now, status: builtinStatus(now), category: 'other', statusSource }).statusSource).toBe(statusSource);
    }
  });

  it('a schedule with no hours at all starts now, flagged outside hours', () => {
    const now = toronto('2026-06-09', 10, 0);
    const schedule = { ...defaultSchedule(now), week: [[], [], [], [], [], [], []] };
    const p = promiseAt(now, { schedule });
    expect(p).toMatchObject({ outsideHours: true, clockStartsAt: now.toISOString(), reasons: ['no-opening-hours'] });
  });

  it('an overnight interval from yesterday still counts as open', () => {
    const now = toronto('2026-06-10', 1, 0); // Wednesday 01:00
    const base = defaultSchedule(now);
    const week = base.week.map((d, i) => (i === 2 ? [{ open: '22:00', close: '02:00' }] : d)); // Tuesday night
    expect(nextOpening(now, { ...base, week }).outsideHours).toBe(false);
  });

  it('a lunch break is reported as such', () => {
    const now = toronto('2026-06-10', 12, 30);
    const base = defaultSchedule(now);
    const split = [
      { open: '13:00', close: '17:00' },
      { open: '09:00', close: '12:00' },
    ];
    const week = base.week.map((d, i) => (i === 3 ? split : d));
    const opening = nextOpening(now, { ...base, week });
    expect(opening.clockStartsAt.toISOString()).toBe('2026-06-10T17:00:00.000Z');
    expect(opening.reasons).toEqual(['break']);
  });
});
