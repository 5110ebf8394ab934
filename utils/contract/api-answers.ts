/**
 * The support API's answers: the ticket once received (for the customer who sent it, and for
 * support), and every error.
 */
import { z } from 'zod';
import { isoInstant } from './fields';
import { CategorySchema, LocaleSchema, PlatformSchema, TicketSchema } from './ticket';
import { ResponsePromiseSchema, SupportModeSchema } from './support-status';

/** `spam`: support filed it away unanswered (the inbox's Spam mailbox); retention treats it as closed. */
export const TicketStatusSchema = z.enum(['received', 'acknowledged', 'answered', 'closed', 'spam']);
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

/**
 * One ticket in support's list (`GET /v1/tickets`): what a queue row needs, never the diagnostics
 * or the screenshots (a page of the list stays small whatever the tickets hold). The full ticket is
 * `GET /v1/tickets/:id/full`.
 */
export const TicketSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: TicketStatusSchema,
  category: CategorySchema,
  platform: PlatformSchema.optional(),
  locale: LocaleSchema,
  email: z.string(),
  drawId: z.string().optional(),
  url: z.string().optional(),
  /** `ticket.knownProblem.id`, when the ticket matched a known problem. */
  knownProblem: z.string().optional(),
  /** The description's first line, at most 200 characters. */
  firstLine: z.string(),
  receivedAt: isoInstant,
  updatedAt: isoInstant,
  /** The first-reply deadline: the stored promise's latestReplyAt (reception + 24 h without one). */
  dueAt: isoInstant,
  /** When the promise's clock started (the window is clockStartsAt → dueAt). */
  clockStartsAt: isoInstant,
  mode: SupportModeSchema,
  /** The first move to acknowledged or answered. */
  firstReplyAt: isoInstant.optional(),
  screenshots: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

/** A page of the list; `nextCursor` fetches the next page (absent on the last one). */
export const TicketListSchema = z.object({ tickets: z.array(TicketSummarySchema), nextCursor: z.string().optional() });
export type TicketList = z.infer<typeof TicketListSchema>;

export const ApiErrorCodeSchema = z.enum([
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'idempotency_conflict',
  'rate_limited',
  /** 507: the server's storage budget (or its disk) is full; retry after Retry-After. */
  'storage_full',
  /** 507: this address sent its daily byte budget; retry after Retry-After. */
  'quota_exceeded',
  /** 503: too many bytes being received at once; retry after Retry-After. */
  'busy',
  /** 408: the client stopped sending the body (no progress for the server's idle timeout). */
  'request_timeout',
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
