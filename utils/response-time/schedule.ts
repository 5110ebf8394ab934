/**
 * The built-in support schedule: what the extension assumes when the support API cannot tell it
 * (first run offline, API down), and what the reference API serves by default on GET /v1/status.
 *
 * Source of truth: the help-center article (summarised in docs/support-policy.md), section 5: « Le
 * support fonctionne durant les heures ouvrables normales. Les messages envoyés en dehors de ces
 * horaires peuvent être traités le jour ouvrable suivant. » The article names neither hours nor
 * a timezone, so the values below are assumptions, documented here and in one place only:
 *
 * - Timezone: Osortoo is a Canadian company answering in French and English, so Eastern time.
 *   America/Toronto is the IANA zone; Montréal has followed exactly the same rules since 1970
 *   (America/Montreal is only a link to it), so it is the zone of Quebec as well.
 * - "Heures ouvrables normales": Monday to Friday, 09:00–17:00 Eastern.
 * - Closed days: the public holidays of Quebec's Act respecting labour standards, plus Boxing Day
 *   (not statutory in Quebec but a near-universal office closure in Canada), computed for any
 *   year rather than listed per year. See {@link holidaysOfYear}.
 *
 * Support can override all of it live: the API's status carries its own schedule.
 * Pure module: no extension or Node APIs.
 */
import type { Schedule, SupportStatus } from '../contract/schemas';
import { addDays, formatIsoDate, isoDateAt, weekdayOf } from './zoned-time';

/** Eastern time; see the module comment for why Toronto stands for Montréal too. */
export const SUPPORT_TIMEZONE = 'America/Toronto';

const OFFICE_DAY = [{ open: '09:00', close: '17:00' }];

/** Monday–Friday 09:00–17:00, closed on weekends. Index 0 is Sunday, as in the contract. */
export const DEFAULT_WEEK: Schedule['week'] = [[], OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, []];

/** How many days ahead the built-in schedule lists closed days. */
export const DEFAULT_SCHEDULE_DAYS = 60;

export type HolidayId =
  | 'new-year'
  | 'good-friday'
  | 'patriotes'
  | 'fete-nationale'
  | 'canada-day'
  | 'labour-day'
  | 'thanksgiving'
  | 'christmas'
  | 'boxing-day';

export interface Holiday {
  id: HolidayId;
  /** The day support is closed (`YYYY-MM-DD`). */
  date: string;
  /** When `date` is a weekday standing in for a holiday that fell on a weekend: that day. */
  observedFor?: string;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian ("Meeus/Jones/Butcher") algorithm. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** The `n`th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = formatIsoDate(year, month, 1);
  const shift = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, shift + 7 * (n - 1));
}

/** The last given weekday strictly before a date. */
function weekdayBefore(date: string, weekday: number): string {
  const back = (weekdayOf(date) - weekday + 7) % 7 || 7;
  return addDays(date, -back);
}

function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/**
 * Support's public holidays in a year, in date order, computed from the rules:
 *
 * - New Year's Day (Jan 1), Fête nationale du Québec (Jun 24), Canada Day (Jul 1), Christmas
 *   (Dec 25), Boxing Day (Dec 26): fixed dates.
 * - Good Friday (Easter − 2 days). Quebec lets employers observe Good Friday *or* Easter Monday;
 *   we pick Good Friday because it is also the federal holiday, so the Canadian platforms and
 *   partners support depends on are closed that day too. Easter Monday is a working day.
 * - Journée nationale des patriotes / Victoria Day: the Monday before May 25.
 * - Labour Day: first Monday of September. Thanksgiving: second Monday of October.
 *
 * Observed days: when a fixed-date holiday falls on a Saturday or Sunday, support is also
 * closed the next weekday that is not already a holiday (Dec 25 on Saturday → Monday 27, and
 * Boxing Day on Sunday → Tuesday 28). That matches Quebec's rule for Canada Day on a Sunday
 * (July 2) and the usual Canadian practice for the others; it never crosses into another year.
 * The weekend date itself is listed too, so a schedule that opens on weekends still closes.
 *
 * Not included: the National Day for Truth and Reconciliation (Sep 30), Remembrance Day and
 * Civic Holiday, which are not holidays for a Quebec private employer.
 */
export function holidaysOfYear(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed: Array<[HolidayId, string]> = [
    ['new-year', formatIsoDate(year, 1, 1)],
    ['fete-nationale', formatIsoDate(year, 6, 24)],
    ['canada-day', formatIsoDate(year, 7, 1)],
    ['christmas', formatIsoDate(year, 12, 25)],
    ['boxing-day', formatIsoDate(year, 12, 26)],
  ];
  const movable: Array<[HolidayId, string]> = [
    ['good-friday', addDays(easter, -2)],
    ['patriotes', weekdayBefore(formatIsoDate(year, 5, 25), 1)],
    ['labour-day', nthWeekday(year, 9, 1, 1)],
    ['thanksgiving', nthWeekday(year, 10, 1, 2)],
  ];
  const holidays: Holiday[] = [...fixed, ...movable].map(([id, date]) => ({ id, date }));
  const taken = new Set(holidays.map((h) => h.date));
  // In date order, so Christmas claims its substitute before Boxing Day looks for one.
  for (const [id, date] of fixed.sort((a, b) => a[1].localeCompare(b[1]))) {
    if (!isWeekend(date)) continue;
    let observed = addDays(date, 1);
    while (isWeekend(observed) || taken.has(observed)) observed = addDays(observed, 1);
    taken.add(observed);
    holidays.push({ id, date: observed, observedFor: date });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The built-in schedule: {@link DEFAULT_WEEK} in {@link SUPPORT_TIMEZONE}, with the closed days
 * from the date of `from` (in the support timezone) to `days` days later, both included.
 */
export function defaultSchedule(from: Date, days = DEFAULT_SCHEDULE_DAYS): Schedule {
  const start = isoDateAt(from, SUPPORT_TIMEZONE);
  const end = addDays(start, days);
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const closed = new Set<string>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of holidaysOfYear(year)) {
      if (holiday.date >= start && holiday.date <= end) closed.add(holiday.date);
    }
  }
  return {
    timezone: SUPPORT_TIMEZONE,
    week: DEFAULT_WEEK.map((hours) => hours.map((h) => ({ ...h }))),
    closedDays: [...closed].sort(),
  };
}

/** The status assumed when support's live status is unknown: normal mode, built-in schedule. */
export function builtinStatus(now: Date): SupportStatus {
  return { mode: 'normal', updatedAt: now.toISOString(), schedule: defaultSchedule(now) };
}
