/**
 * The expected response time shown in the form and stored with the ticket: pure functions of
 * the clock, support's status and the ticket's category.
 *
 * Source of truth: the help-center article (summarised in docs/support-policy.md):
 * 1. standard reply "6 to 24 heures" during normal support hours;
 * 2. peak periods (holidays, major social-network problems, platform outages): 24 to 48 hours,
 *    every message answered, in the order received;
 * 3. complex cases (API errors, Facebook/Instagram permissions, billing verification, technical
 *    bugs, multi-platform problems): a quick acknowledgment, then a detailed answer once the
 *    analysis is done;
 * 5. support works during normal business hours; messages sent outside them may be handled the
 *    next business day.
 *
 * How the hours are counted: as elapsed wall-clock hours from the moment the clock starts
 * (now, or the next opening when the ticket arrives outside support hours). The article states
 * a plain delay, "6 to 24 heures", and separately that out-of-hours messages wait for the next
 * business day; it never says the delay counts only business hours. Counting business hours
 * would silently turn "24 heures" into three business days (24 / 8 h), a promise the article does
 * not make, so we do not invent it: latestReplyAt = clockStartsAt + maxHours. One consequence,
 * kept on purpose because it is what the article says: a window that starts on Friday afternoon
 * ends on Saturday. Elapsed hours are real hours, so across a DST change the wall clock of the
 * deadline moves by an hour (Friday 10:00 + 48 h = Sunday 11:00 on spring-forward weekend).
 */
import type { Category, ResponsePromise, Schedule, SupportMode, SupportStatus } from '../contract/schemas';
import { addDays, daysBetween, instantOfWallTime, isoDateAt, weekdayOf } from './zoned-time';

/** Section 1 of the article: "6 to 24 heures". */
export const STANDARD_WINDOW = { minHours: 6, maxHours: 24 } as const;
/** Section 2 of the article: "24 à 48 heures" during peak periods. */
export const PEAK_WINDOW = { minHours: 24, maxHours: 48 } as const;

/** Section 3 of the article, mapped onto the contract's categories. */
export const COMPLEX_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'api_error',
  'permissions',
  'billing',
  'bug',
  'multi_platform',
]);

export type StatusSource = ResponsePromise['statusSource'];

export interface ResponsePromiseInput {
  now: Date;
  status: SupportStatus;
  category: Category;
  statusSource: StatusSource;
}

const HOUR_MS = 3_600_000;
/** The contract allows 400 closed days; look a little further so a long closure still ends. */
const MAX_SCAN_DAYS = 410;

/**
 * The support mode in force at `now`: the status's mode, or normal once its `until` has passed
 * (support may forget to switch a peak off; the promise must not stay at 48 h forever).
 */
export function effectiveMode(status: SupportStatus, now: Date): { mode: SupportMode; ended: boolean } {
  if (status.mode !== 'normal' && status.until !== undefined && Date.parse(status.until) <= now.getTime()) {
    return { mode: 'normal', ended: true };
  }
  return { mode: status.mode, ended: false };
}

/** When support's clock starts for a ticket sent at `now`, and why. */
export interface Opening {
  clockStartsAt: Date;
  outsideHours: boolean;
  /** 'within-hours', or how the ticket missed the hours: 'before-opening', 'evening', 'break',
   * 'weekend', 'closed-day' (one per kind of day skipped), or 'no-opening-hours'. */
  reasons: string[];
}

interface Interval {
  start: Date;
  end: Date;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Opening intervals that start on `date`; a close at or before the open (e.g. 22:00–02:00,
 * or 09:00–00:00) ends on the next day. */
function intervalsOn(date: string, schedule: Schedule, closed: ReadonlySet<string>): Interval[] {
  if (closed.has(date)) return [];
  const hours = schedule.week[weekdayOf(date)] ?? [];
  return hours
    .map(({ open, close }) => {
      const o = minutesOf(open);
      const c = minutesOf(close);
      const closeDate = c <= o ? addDays(date, 1) : date;
      return {
        start: instantOfWallTime(date, Math.floor(o / 60), o % 60, schedule.timezone),
        end: instantOfWallTime(closeDate, Math.floor(c / 60), c % 60, schedule.timezone),
      };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Why a whole day has no hours: a listed closed day, or a day the week leaves empty. */
function closedReason(date: string, closed: ReadonlySet<string>): string {
  if (closed.has(date)) return 'closed-day';
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6 ? 'weekend' : 'closed-day';
}

/**
 * When the support clock starts for a message sent at `now`: `now` itself within opening
 * hours (start inclusive, close exclusive), otherwise the next opening in the schedule's
 * timezone, skipping evenings, weekends and closed days (Friday 20:00 → Monday 09:00, or
 * Tuesday 09:00 when Monday is a holiday).
 */
export function nextOpening(now: Date, schedule: Schedule): Opening {
  const closed = new Set(schedule.closedDays);
  const today = isoDateAt(now, schedule.timezone);
  const t = now.getTime();
  // From yesterday: an interval that started yesterday may run past midnight.
  for (let k = -1; k <= MAX_SCAN_DAYS; k++) {
    const date = addDays(today, k);
    for (const interval of intervalsOn(date, schedule, closed)) {
      if (interval.start.getTime() <= t && t < interval.end.getTime()) {
        return { clockStartsAt: now, outsideHours: false, reasons: ['within-hours'] };
      }
      if (interval.start.getTime() > t) {
        return { clockStartsAt: interval.start, outsideHours: true, reasons: missedReasons(now, today, date, schedule, closed) };
      }
    }
  }
  // A schedule without any opening: nothing to wait for, start now but say it is outside hours.
  return { clockStartsAt: now, outsideHours: true, reasons: ['no-opening-hours'] };
}

function missedReasons(now: Date, today: string, openingDate: string, schedule: Schedule, closed: ReadonlySet<string>): string[] {
  const reasons: string[] = [];
  const todays = intervalsOn(today, schedule, closed);
  if (todays.length === 0) {
    reasons.push(closedReason(today, closed));
  } else if (openingDate !== today) {
    reasons.push('evening');
  } else {
    reasons.push(todays[0]!.start.getTime() > now.getTime() ? 'before-opening' : 'break');
  }
  const skipped = daysBetween(today, openingDate);
  for (let k = 1; k < skipped; k++) reasons.push(closedReason(addDays(today, k), closed));
  return [...new Set(reasons)];
}

/**
 * What support promises for a ticket sent at `now` (see the module comment for the rules and
 * how hours are counted). The mode is the one in force at `now`; a mode whose `until` has
 * passed counts as normal and its message (which described it) is dropped.
 */
export function computeResponsePromise({ now, status, category, statusSource }: ResponsePromiseInput): ResponsePromise {
  const { mode, ended } = effectiveMode(status, now);
  const complex = COMPLEX_CATEGORIES.has(category);
  const responseCase = mode === 'incident' ? 'incident' : mode === 'peak' ? 'peak' : complex ? 'complex' : 'standard';
  const window = mode === 'normal' ? STANDARD_WINDOW : PEAK_WINDOW;
  const opening = nextOpening(now, status.schedule);
  const reasons = [...opening.reasons];
  if (ended) reasons.push('mode-ended');
  if (mode !== 'normal') reasons.push(mode);
  if (complex) reasons.push('complex-category');
  const promise: ResponsePromise = {
    case: responseCase,
    mode,
    window: { ...window },
    acknowledgmentFirst: complex,
    clockStartsAt: opening.clockStartsAt.toISOString(),
    outsideHours: opening.outsideHours,
    latestReplyAt: new Date(opening.clockStartsAt.getTime() + window.maxHours * HOUR_MS).toISOString(),
    reasons,
    statusSource,
  };
  if (!ended && status.message !== undefined) promise.message = status.message;
  return promise;
}
