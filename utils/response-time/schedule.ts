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
 *   year rather than listed per year: see holidays.ts.
 *
 * Support can override all of it live: the API's status carries its own schedule.
 * Pure module: no extension or Node APIs.
 */
import type { Schedule, SupportStatus } from '../contract/schemas';
import { holidaysOfYear } from './holidays';
import { addDays, isoDateAt } from './zoned-time';

/** Eastern time; see the module comment for why Toronto stands for Montréal too. */
export const SUPPORT_TIMEZONE = 'America/Toronto';

const OFFICE_DAY = [{ open: '09:00', close: '17:00' }];

/** Monday–Friday 09:00–17:00, closed on weekends. Index 0 is Sunday, as in the contract. */
export const DEFAULT_WEEK: Schedule['week'] = [[], OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, []];

/** How many days ahead the built-in schedule lists closed days. */
export const DEFAULT_SCHEDULE_DAYS = 60;

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
