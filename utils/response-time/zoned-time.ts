/**
 * Wall-clock time in an IANA timezone, with nothing but `Intl` (no date library is installed,
 * and the reference API imports the schedule too, so this stays free of extension and DOM APIs).
 *
 * Dates are handled as ISO calendar strings (`YYYY-MM-DD`) and civil arithmetic is done on UTC
 * midnight, where every day has exactly 24 hours; only the conversion between a wall-clock time
 * and an instant needs the timezone rules.
 */

/** A wall-clock reading in some timezone. `weekday`: 0 is Sunday, as in Date#getDay. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US with h23: numeric parts whose shape we know; h23 because some engines print "24"
    // for midnight with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA id this engine knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a wall clock in `timeZone` reads at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value);
        break;
      case 'weekday':
        wall.weekday = WEEKDAYS[part.value] ?? 0;
        break;
    }
  }
  return wall;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (e.g. -4 h for EDT). */
export function offsetMsAt(instant: Date, timeZone: string): number {
  const w = wallTimeAt(instant, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Intl drops milliseconds; compare with the instant truncated to the second.
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads the given date and time.
 *
 * Daylight-saving edges are resolved like Temporal's 'compatible' disambiguation: a time that
 * does not exist (spring forward, e.g. 02:30) moves forward by the gap; a time that exists twice
 * (fall back, e.g. 01:30) is the earlier of the two. Assumes at most one offset change within
 * a day either side, which holds for every real timezone.
 */
export function instantOfWallTime(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = parseIsoDate(date);
  const local = Date.UTC(y, m - 1, d, hour, minute);
  const before = offsetMsAt(new Date(local - DAY_MS), timeZone);
  const after = offsetMsAt(new Date(local + DAY_MS), timeZone);
  const candidates = [local - before, local - after].filter((t) => {
    const w = wallTimeAt(new Date(t), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === local;
  });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the gap: reading the wall time with the offset from before the change lands just after it.
  return new Date(local - before);
}

/** The calendar date (`YYYY-MM-DD`) in `timeZone` at `instant`. */
export function isoDateAt(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return formatIsoDate(w.year, w.month, w.day);
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Civil date arithmetic: `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return formatIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Day of the week of a calendar date; 0 is Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parseIsoDate(a);
  const [by, bm, bd] = parseIsoDate(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / DAY_MS);
}
