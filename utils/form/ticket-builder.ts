/**
 * Turns what the form holds into a contract ticket. Pure: the caller passes the clock and the
 * idempotency key, so tests pin the result.
 */
import { LIMITS } from '../contract/limits';
import { canonicalDrawUrl } from '../contract/draw-link';
import {
  CONTRACT_VERSION,
  TicketSchema,
  type Category,
  type Diagnostics,
  type DrawContext,
  type Environment,
  type Locale,
  type ResponsePromise,
  type ScreenshotMeta,
  type Ticket,
} from '../contract/schemas';

export interface TicketDraft {
  /** The customer's own answers where the page said nothing (draw link, Page or username). */
  typed?: { drawLink?: string; pageOrUsername?: string };
  /** Indexes (in diagnostics.entries) of the entries the customer left out in the review. */
  leftOut?: ReadonlySet<number>;
  category: Category;
  description: string;
  email: string;
  context: DrawContext;
  environment: Environment;
  diagnostics: Diagnostics;
  screenshots: Omit<ScreenshotMeta, 'index'>[];
  promise?: ResponsePromise;
  knownProblem?: Ticket['knownProblem'];
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
    context: contextWithTyped(draft.context, draft.typed),
    environment: draft.environment,
    diagnostics: withoutLeftOut(draft.diagnostics, draft.leftOut),
    screenshots: draft.screenshots.map((meta, index) => ({ ...meta, index })),
    promise: draft.promise,
    knownProblem: draft.knownProblem,
  };
  const parsed = TicketSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, ticket: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

/**
 * The diagnostics without the entries the customer left out: they are removed, not masked, and
 * only their number travels (diagnostics.leftOut), so support knows something was withheld.
 */
export function withoutLeftOut(diagnostics: Diagnostics, leftOut: ReadonlySet<number> | undefined): Diagnostics {
  if (!leftOut?.size) return diagnostics;
  const entries = diagnostics.entries.filter((_, index) => !leftOut.has(index));
  return { ...diagnostics, entries, leftOut: diagnostics.leftOut + (diagnostics.entries.length - entries.length) };
}

/**
 * The page's context completed by what the customer typed. The page's own facts win (they were
 * read, not remembered); a typed draw link is kept only when it is a web link, cleaned like the page's.
 */
export function contextWithTyped(context: DrawContext, typed: TicketDraft['typed']): DrawContext {
  const next: DrawContext = { ...context };
  const link = typed?.drawLink?.trim();
  // Same cleaning as a link read from the page: no tracking parameters, no tokens, no fragment.
  const url = link ? canonicalDrawUrl(link) : undefined;
  if (!next.url && url) next.url = url;
  const name = typed?.pageOrUsername?.trim();
  if (!next.pageOrUsername && name) next.pageOrUsername = name.slice(0, LIMITS.shortTextChars);
  return next;
}
