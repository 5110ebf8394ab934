/**
 * The days support is closed for a public holiday, in Quebec and Canada, computed for any year
 * from the rules rather than listed per year (why these holidays: see schedule.ts).
 * Pure module: no extension or Node APIs.
 */
import { addDays, formatIsoDate, weekdayOf } from './zoned-time';

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
