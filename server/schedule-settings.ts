/**
 * The support schedule is a setting of the API: its timezone (SUPPORT_TIMEZONE), its weekly
 * hours (SUPPORT_HOURS) and extra closed days (SUPPORT_CLOSED_DAYS), on top of the built-in
 * Quebec holidays. Parsed here, with errors that say what was expected.
 */
import type { Schedule } from '../utils/contract/schemas';
import { DayHoursSchema } from '../utils/contract/schemas';

/** What the API may change in the built-in schedule. */
export interface ScheduleSettings {
  timezone?: string;
  week?: Schedule['week'];
  /** Closed on these dates too (YYYY-MM-DD in the support timezone), e.g. a team day off. */
  extraClosedDays?: string[];
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Reads SUPPORT_HOURS, e.g. `Mon-Fri 09:00-17:00` or `Mon-Thu 09:00-12:00,13:00-17:00; Fri 09:00-15:00`.
 * Days not named are closed.
 * @throws Error naming the part it could not read.
 */
export function parseSupportHours(text: string): Schedule['week'] {
  const week: Schedule['week'] = [[], [], [], [], [], [], []];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(.+)$/i.exec(part);
    const first = match ? DAYS.indexOf(match[1]!.toLowerCase()) : -1;
    const last = match?.[2] ? DAYS.indexOf(match[2].toLowerCase()) : first;
    if (!match || first < 0 || last < first) throw new Error(`SUPPORT_HOURS: cannot read "${part}" (expected e.g. "Mon-Fri 09:00-17:00")`);
    const ranges = match[3]!.split(',').map((range) => {
      const [open, close] = range.trim().split('-');
      return { open: open ?? '', close: close ?? '' };
    });
    const parsed = DayHoursSchema.safeParse(ranges);
    if (!parsed.success || parsed.data.some((r) => r.open >= r.close))
      throw new Error(`SUPPORT_HOURS: bad hours in "${part}" (HH:MM-HH:MM, opening before closing)`);
    for (let day = first; day <= last; day += 1) week[day] = parsed.data;
  }
  return week;
}

/**
 * Reads SUPPORT_CLOSED_DAYS, a comma-separated list of dates (YYYY-MM-DD).
 * @throws Error naming the date it could not read.
 */
export function parseClosedDays(text: string): string[] {
  return text
    .split(',')
    .map((day) => day.trim())
    .filter(Boolean)
    .map((day) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
        throw new Error(`SUPPORT_CLOSED_DAYS: "${day}" is not a date (YYYY-MM-DD)`);
      return day;
    });
}

/**
 * The built-in schedule with the settings applied. Extra closed days before `fromDay`
 * (YYYY-MM-DD) are past and left out, as the built-in ones are.
 */
export function applyScheduleSettings(schedule: Schedule, settings: ScheduleSettings = {}, fromDay = ''): Schedule {
  const extra = (settings.extraClosedDays ?? []).filter((day) => day >= fromDay);
  return {
    timezone: settings.timezone ?? schedule.timezone,
    week: settings.week ?? schedule.week,
    closedDays: [...new Set([...schedule.closedDays, ...extra])].sort(),
  };
}
