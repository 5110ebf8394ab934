/**
 * The contract's diagnostics: what the page hook and the content script record in an Osortoo
 * page (console errors, uncaught errors, rejections, failed requests and resources, CSP
 * violations), folded and bounded, as they travel in a ticket.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { url } from './fields';

const entryBase = {
  /** Milliseconds since the page started (performance.now() of the page). */
  t: z.number().nonnegative(),
  /** Identical entries are folded into one; this says how many there were. */
  count: z.number().int().positive(),
  /** Time of the latest occurrence of a folded entry. */
  lastT: z.number().nonnegative().optional(),
  message: z.string().max(LIMITS.messageChars),
  /** URL of the frame that produced it, when not the top document. */
  frame: url.optional(),
};

export const ConsoleEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('console'),
  level: z.enum(['error', 'warn']),
  stack: z.string().max(LIMITS.stackChars).optional(),
});

export const UncaughtEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('uncaught'),
  source: url.optional(),
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
  stack: z.string().max(LIMITS.stackChars).optional(),
});

export const RejectionEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('rejection'),
  stack: z.string().max(LIMITS.stackChars).optional(),
});

export const NetworkEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('network'),
  api: z.enum(['fetch', 'xhr']),
  method: z.string().max(16),
  url,
  /** 0 when the request failed without an answer (offline, DNS, CORS, aborted). */
  status: z.number().int().min(0).max(999),
  durationMs: z.number().nonnegative(),
  /** A short excerpt of a JSON or text error body, scrubbed. */
  body: z.string().max(LIMITS.bodyExcerptBytes).optional(),
});

export const ResourceEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('resource'),
  tag: z.string().max(32),
  url,
});

export const CspEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('csp'),
  directive: z.string().max(200),
  blockedUrl: url,
});

/**
 * A message the page showed the customer: an `alert()` or `confirm()` dialog, or visible error
 * UI read at the click (role="alert", aria-live="assertive", error/toast/snackbar elements).
 * Often the customer's own words for the problem, so the review and support list them first.
 */
export const ShownEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('shown'),
  via: z.enum(['alert', 'confirm', 'page']),
});

export const DiagnosticEntrySchema = z.discriminatedUnion('kind', [
  ShownEntrySchema,
  ConsoleEntrySchema,
  UncaughtEntrySchema,
  RejectionEntrySchema,
  NetworkEntrySchema,
  ResourceEntrySchema,
  CspEntrySchema,
]);
export type DiagnosticEntry = z.infer<typeof DiagnosticEntrySchema>;
export type DiagnosticKind = DiagnosticEntry['kind'];

export const DiagnosticsSchema = z.object({
  entries: z.array(DiagnosticEntrySchema).max(LIMITS.entries),
  /** Occurrences the bounded buffer evicted (it keeps the first entries and the most recent ones). */
  dropped: z.number().int().nonnegative(),
  /** Entries the customer chose to leave out in the review step. */
  leftOut: z.number().int().nonnegative().default(0),
  /**
   * What could not be collected, so that an absence is not read as "nothing happened":
   * `page-snapshot` when the page's content script did not answer within the worker's limit (a
   * busy page), so the page's errors, failed calls and draw context are missing from the ticket.
   */
  missing: z
    .array(z.enum(['page-snapshot']))
    .max(1)
    .optional(),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;
