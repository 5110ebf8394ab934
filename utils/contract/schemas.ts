/**
 * The contract between the extension and the support API: one set of zod schemas that both
 * sides import. The extension validates what it sends and what it receives with them; the
 * server validates every request with them. `docs/*.schema.json` is generated from the
 * schemas published below (`npm run contract`), and a test fails when it is stale.
 *
 * One module to import, four parts by domain:
 * - diagnostics.ts: what is recorded in the page;
 * - ticket.ts: the ticket (draw context, environment, screenshots' metadata) and its multipart fields;
 * - support-status.ts: support's status and hours, and the response promise;
 * - api-answers.ts: what the API answers, errors included.
 *
 * Keep these modules free of extension and Node APIs: they are imported by the popup, the
 * worker and the server alike (never by the page hook, which must stay tiny).
 */
import { ApiErrorSchema, TicketCreatedSchema, TicketListSchema, TicketPublicSchema } from './api-answers';
import { SupportStatusSchema } from './support-status';
import { TicketSchema } from './ticket';

export * from './diagnostics';
export * from './ticket';
export * from './support-status';
export * from './api-answers';

/** The schemas published as JSON Schema under docs/. */
export const PUBLISHED_SCHEMAS = {
  ticket: TicketSchema,
  'ticket-created': TicketCreatedSchema,
  'ticket-public': TicketPublicSchema,
  'ticket-list': TicketListSchema,
  'support-status': SupportStatusSchema,
  'api-error': ApiErrorSchema,
} as const;
