/**
 * The contract's support status (normal, peak or incident; the team's hours and closed days),
 * which the API publishes, and the response promise computed from it
 * (utils/response-time/promise.ts), which travels with the ticket.
 */
import { z } from 'zod';
import { isoInstant } from './fields';

export const SupportModeSchema = z.enum(['normal', 'peak', 'incident']);
export type SupportMode = z.infer<typeof SupportModeSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Opening hours of one weekday; an empty array means closed that day. */
export const DayHoursSchema = z.array(z.object({ open: hhmm, close: hhmm })).max(4);

export const ScheduleSchema = z.object({
  /** IANA timezone of the support team, e.g. America/Toronto. */
  timezone: z.string().min(1).max(64),
  /** Index 0 is Sunday, as in Date#getDay. */
  week: z.array(DayHoursSchema).length(7),
  /** Dates (in the support timezone) when support is closed, e.g. public holidays. */
  closedDays: z.array(isoDate).max(400),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const SupportStatusSchema = z.object({
  mode: SupportModeSchema,
  /** Support's own words for the customer, e.g. "Instagram API outage". */
  message: z.string().max(500).optional(),
  /** When support expects the mode to end. */
  until: isoInstant.optional(),
  updatedAt: isoInstant,
  schedule: ScheduleSchema,
});
export type SupportStatus = z.infer<typeof SupportStatusSchema>;

export const ResponseCaseSchema = z.enum(['standard', 'peak', 'incident', 'complex']);
export type ResponseCase = z.infer<typeof ResponseCaseSchema>;

/** What was promised to the customer; computed by utils/response-time/promise.ts, stored with the ticket. */
export const ResponsePromiseSchema = z.object({
  case: ResponseCaseSchema,
  mode: SupportModeSchema,
  /** The reply window: elapsed hours from `clockStartsAt` (the article's plain reading). */
  window: z.object({ minHours: z.number().nonnegative(), maxHours: z.number().positive() }),
  /** Complex cases get a quick acknowledgment first, then the detailed answer. */
  acknowledgmentFirst: z.boolean(),
  /** Now, or the next opening when the ticket arrives outside support hours. */
  clockStartsAt: isoInstant,
  outsideHours: z.boolean(),
  latestReplyAt: isoInstant,
  /** Machine-readable reason, e.g. 'closed-day', 'weekend', 'evening', 'peak', 'complex-category'. */
  reasons: z.array(z.string().max(40)).max(10),
  message: z.string().max(500).optional(),
  /** Whether the support status was fresh, or the last known / built-in one. */
  statusSource: z.enum(['live', 'cached', 'builtin']),
});
export type ResponsePromise = z.infer<typeof ResponsePromiseSchema>;
