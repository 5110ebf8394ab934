/**
 * Turns what the form holds into a contract ticket. Pure: the caller passes the clock and the
 * idempotency key, so tests pin the result.
 */
import { CONTRACT_VERSION, TicketSchema, type Category, type Diagnostics, type DrawContext, type Environment, type Locale, type ResponsePromise, type ScreenshotMeta, type Ticket } from './contract';

export interface TicketDraft {
  category: Category;
  description: string;
  email: string;
  context: DrawContext;
  environment: Environment;
  diagnostics: Diagnostics;
  screenshots: Omit<ScreenshotMeta, 'index'>[];
  promise?: ResponsePromise;
}

export type BuildResult = { ok: true; ticket: Ticket } | { ok: false; issues: { path: string; message: string }[] };

/** Validates the draft against the contract, so the customer sees problems before sending. */
export function buildTicket(draft: TicketDraft, options: { idempotencyKey: string; now: Date; locale: Locale }): BuildResult {
  const candidate = {
    contractVersion: CONTRACT_VERSION,
    idempotencyKey: options.idempotencyKey,
    createdAt: options.now.toISOString(),
    locale: options.locale,
    category: draft.category,
    description: draft.description,
    email: draft.email.trim(),
    context: draft.context,
    environment: draft.environment,
    diagnostics: draft.diagnostics,
    screenshots: draft.screenshots.map((meta, index) => ({ ...meta, index })),
    promise: draft.promise,
  };
  const parsed = TicketSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, ticket: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}
