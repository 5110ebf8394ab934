/**
 * The contract between the extension and the support API: one set of zod schemas that both
 * sides import. The extension validates what it sends and what it receives with them; the
 * server validates every request with them. `docs/*.schema.json` is generated from this file
 * (`npm run contract`), and a test fails when it is stale.
 *
 * Keep this module free of extension and Node APIs: it is imported by the popup, the worker
 * and the server alike (never by the page hook, which must stay tiny).
 */
import { z } from 'zod';
import { LIMITS } from './limits';

export const CONTRACT_VERSION = 1;

const shortText = z.string().max(LIMITS.shortTextChars);
const url = z.string().max(LIMITS.urlChars);
const isoInstant = z.iso.datetime({ offset: true });

/** What the ticket is about; it decides the expected response (complex cases). */
export const CategorySchema = z.enum([
  'api_error',
  'permissions',
  'billing',
  'bug',
  'multi_platform',
  'other',
]);
export type Category = z.infer<typeof CategorySchema>;

export const PlatformSchema = z.enum(['facebook', 'instagram', 'youtube', 'multi']);
export type Platform = z.infer<typeof PlatformSchema>;

export const LocaleSchema = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

// ---------------------------------------------------------------------------------------------
// Diagnostics captured in the page
// ---------------------------------------------------------------------------------------------

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

export const DiagnosticEntrySchema = z.discriminatedUnion('kind', [
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
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

export const EnvironmentSchema = z.object({
  userAgent: z.string().max(1000),
  browser: z.object({ name: shortText, version: shortText }),
  engine: z.object({ name: shortText, version: shortText }),
  os: z.object({ name: shortText, version: shortText }),
  device: z.object({
    type: z.enum(['desktop', 'mobile', 'tablet', 'other']),
    vendor: shortText.optional(),
    model: shortText.optional(),
  }),
  screen: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  viewport: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  devicePixelRatio: z.number().positive(),
  languages: z.array(z.string().max(35)).max(20),
  timezone: shortText,
  online: z.boolean(),
  extensionVersion: shortText,
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** What the draw page tells about the draw; empty fields are asked in the form. */
export const DrawContextSchema = z.object({
  /** The page the ticket is about (canonical, scrubbed); empty for a general ticket. */
  url: url.optional(),
  drawId: shortText.optional(),
  platform: PlatformSchema.optional(),
  /** Facebook Page name or Instagram username, as the customer or the page gives it. */
  pageOrUsername: shortText.optional(),
  /** The account e-mail the page shows, if any. */
  accountEmail: shortText.optional(),
  /** Whether the ticket was opened from an Osortoo page (false: a general ticket). */
  onOsortooPage: z.boolean(),
});
export type DrawContext = z.infer<typeof DrawContextSchema>;

export const ImageTypeSchema = z.enum(['image/png', 'image/jpeg', 'image/webp']);
export type ImageType = z.infer<typeof ImageTypeSchema>;

/** Metadata of one screenshot; its bytes travel as the multipart file part `screenshot-<index>`. */
export const ScreenshotMetaSchema = z.object({
  index: z.number().int().min(0).max(LIMITS.screenshots - 1),
  source: z.enum(['visible', 'fullpage', 'attachment']),
  type: ImageTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive().max(LIMITS.screenshotBytes),
  /** True when the customer marked it up or blacked areas out (burned into the bytes). */
  edited: z.boolean(),
});
export type ScreenshotMeta = z.infer<typeof ScreenshotMetaSchema>;

// ---------------------------------------------------------------------------------------------
// Support status and the response promise
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The ticket and the API's answers
// ---------------------------------------------------------------------------------------------

/** The JSON part of `POST /v1/tickets`. */
export const TicketSchema = z
  .object({
    contractVersion: z.literal(CONTRACT_VERSION),
    /** Client-generated when the ticket is created; also sent as the Idempotency-Key header. */
    idempotencyKey: z.uuid(),
    createdAt: isoInstant,
    locale: LocaleSchema,
    category: CategorySchema,
    description: z.string().trim().min(1).max(LIMITS.descriptionChars),
    /** Where support replies. */
    email: z.email().max(254),
    context: DrawContextSchema,
    environment: EnvironmentSchema,
    diagnostics: DiagnosticsSchema,
    screenshots: z.array(ScreenshotMetaSchema).max(LIMITS.screenshots),
    promise: ResponsePromiseSchema.optional(),
  })
  .superRefine((ticket, ctx) => {
    ticket.screenshots.forEach((shot, i) => {
      if (shot.index !== i) {
        ctx.addIssue({ code: 'custom', path: ['screenshots', i, 'index'], message: `must be ${i}` });
      }
    });
  });
export type Ticket = z.infer<typeof TicketSchema>;
export type TicketInput = z.input<typeof TicketSchema>;

export const TicketStatusSchema = z.enum(['received', 'acknowledged', 'answered', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** 201 answer of `POST /v1/tickets` (and of each repeat with the same Idempotency-Key). */
export const TicketCreatedSchema = z.object({
  id: z.string().min(1).max(64),
  /** Human reference quoted in e-mails, e.g. OSO-7K3Q2. */
  reference: z.string().regex(/^OSO-[0-9A-Z]{5,8}$/),
  /** Lets the customer read the ticket's status; shown to nobody else. */
  accessToken: z.string().min(20).max(200),
  receivedAt: isoInstant,
  promise: ResponsePromiseSchema.optional(),
});
export type TicketCreated = z.infer<typeof TicketCreatedSchema>;

/** `GET /v1/tickets/:id` with the ticket's access token: what the customer may see. */
export const TicketPublicSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: TicketStatusSchema,
  category: CategorySchema,
  receivedAt: isoInstant,
  updatedAt: isoInstant,
  promise: ResponsePromiseSchema.optional(),
});
export type TicketPublic = z.infer<typeof TicketPublicSchema>;

/** One stored ticket as support sees it (`GET /v1/tickets`). */
export const StoredTicketSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: TicketStatusSchema,
  receivedAt: isoInstant,
  updatedAt: isoInstant,
  ticket: TicketSchema,
  /** What the API promised when it received the ticket (ticket.promise is the form's estimate). */
  promise: ResponsePromiseSchema.optional(),
});
export type StoredTicket = z.infer<typeof StoredTicketSchema>;

export const TicketListSchema = z.object({ tickets: z.array(StoredTicketSchema) });

export const ApiErrorCodeSchema = z.enum([
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'idempotency_conflict',
  'rate_limited',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** Every 4xx/5xx answer of the API. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: z.string(),
    /** For validation_failed: the failing field paths, e.g. "ticket.email". */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** The schemas published as JSON Schema under docs/. */
export const PUBLISHED_SCHEMAS = {
  ticket: TicketSchema,
  'ticket-created': TicketCreatedSchema,
  'ticket-public': TicketPublicSchema,
  'ticket-list': TicketListSchema,
  'support-status': SupportStatusSchema,
  'api-error': ApiErrorSchema,
} as const;

/** Multipart field names of `POST /v1/tickets`. */
export const MULTIPART = {
  ticket: 'ticket',
  screenshot: (index: number) => `screenshot-${index}`,
} as const;
