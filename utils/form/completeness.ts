/**
 * The help center's "Plus de détails = résolution plus rapide" list as a checklist: what support
 * really has. The description (what happened) and the e-mail are required (the contract refuses
 * a ticket without them), so they are counted and named as such; the article's other details
 * follow, some of them depending on the category. For each missing one, what to add. Pure: the form passes what was captured and what the customer typed; the strings
 * live in utils/i18n/form.ts (`details` and `detailHints`, keyed by the detail ids returned here).
 */
import type { Category, DiagnosticEntry, DrawContext, Platform } from '../contract/schemas';

/** What happened and the e-mail first (required), then the help article's details, in its order. */
export const DETAILS = [
  'description',
  'accountEmail',
  'drawLink',
  'pageOrUsername',
  'screenshots',
  'errorMessages',
  'browserDevice',
] as const;
export type Detail = (typeof DETAILS)[number];

/** The details without which the ticket cannot be sent (the contract's required fields). */
export const REQUIRED_DETAILS: ReadonlySet<Detail> = new Set(['description', 'accountEmail']);

/**
 * - `done`: the ticket carries it;
 * - `missing`: worth adding (the customer is nudged, never blocked);
 * - `optional`: not expected for this category (e.g. no draw link for a billing question).
 */
export type DetailState = 'done' | 'missing' | 'optional';

/** Which wording to use for the Page/username item and its hint, following the draw's platform. */
export type AccountKind = 'facebook' | 'instagram' | 'youtube' | 'multi' | 'unknown';

export interface DetailStatus {
  detail: Detail;
  state: DetailState;
  /** Set for the Page/username item: the platform-specific wording to use. */
  accountKind?: AccountKind;
  /** Set for a missing Browser and device item the customer has not allowed yet (Firefox). */
  withheld?: true;
}

export interface CompletenessInput {
  category: Category;
  /** What the page told (url, platform, pageOrUsername, accountEmail). */
  context: Pick<DrawContext, 'url' | 'platform' | 'pageOrUsername'>;
  /** What the customer typed or corrected. */
  form: { email: string; description: string; drawLink: string; pageOrUsername: string };
  screenshotCount: number;
  /** The diagnostic entries that will be sent (left-out ones already removed). */
  entries: readonly DiagnosticEntry[];
  /**
   * The browser and device: `read` (the ticket carries them), `withheld` (Firefox asks before
   * technical data leaves the browser and the customer has not allowed it yet: the review step
   * offers it) or `unreadable`.
   */
  environment: 'read' | 'withheld' | 'unreadable';
}

export interface Completeness {
  items: DetailStatus[];
  /** The items still missing, in order (what the nudge names). */
  missing: Detail[];
  /** The missing items that block sending (description, e-mail), in order. */
  requiredMissing: Detail[];
  done: number;
  /** Items that count (missing + done; optional ones are left out of the score). */
  expected: number;
}

/** A plausible e-mail: the contract's own check (zod) decides at sending time. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** A link the customer pasted: an http(s) URL with a host. */
const LINK = /^https?:\/\/[^\s/]+\.[^\s/]+\S*$|^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\/\S*$/i;
/**
 * Text that looks like a copied error message: quoted text (straight, curly or French quotes),
 * an HTTP status, or "error:"-style wording in either language.
 */
const QUOTED = /"[^"\n]{4,}"|“[^”\n]{4,}”|«[^»\n]{4,}»|'[^'\n]{8,}'|`[^`\n]{4,}`/;
const ERROR_WORDS = /\b(?:error|erreur|exception|code)\s*(?:\d{3}\b|[:#-])|\b(?:HTTP|status|statut)\s*[45]\d\d\b/i;
/** An error code in constant case, e.g. IG_PERMISSION_MISSING (case-sensitive on purpose). */
const ERROR_CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}\b/;

/** Categories whose questions are about the account, not a particular draw. */
const ACCOUNT_CATEGORIES: ReadonlySet<Category> = new Set(['billing']);
/** Categories where no error message is expected (a question). */
const NO_ERROR_CATEGORIES: ReadonlySet<Category> = new Set(['billing', 'other']);
/** Categories where a screenshot rarely helps (a question about the account or anything else). */
const NO_SCREENSHOT_CATEGORIES: ReadonlySet<Category> = new Set(['billing', 'other']);
/** The contract's minimum: a description is "what happened" once it says something. */
const DESCRIPTION_MIN_CHARS = 1;

/** Whether a captured entry is an error support can read word for word (not a mere warning). */
export function isErrorEntry(entry: DiagnosticEntry): boolean {
  switch (entry.kind) {
    case 'console':
      return entry.level === 'error';
    case 'network':
      return entry.status === 0 || entry.status >= 400;
    case 'uncaught':
    case 'rejection':
      return true;
    default:
      return false;
  }
}

/** Whether the description quotes an error message. */
export function quotesAnError(description: string): boolean {
  return QUOTED.test(description) || ERROR_WORDS.test(description) || ERROR_CODE.test(description);
}

/** Whether a pasted draw link looks like a link. */
export function looksLikeLink(text: string): boolean {
  return LINK.test(text.trim());
}

function accountKindOf(platform: Platform | undefined): AccountKind {
  return platform ?? 'unknown';
}

/** The checklist for the current form: ticked, missing or optional, item by item. */
export function assessCompleteness(input: CompletenessInput): Completeness {
  const { category, context, form } = input;
  const aboutAccount = ACCOUNT_CATEGORIES.has(category);
  const has = {
    description: form.description.trim().length >= DESCRIPTION_MIN_CHARS,
    accountEmail: EMAIL.test(form.email.trim()),
    drawLink: Boolean(context.url) || looksLikeLink(form.drawLink),
    pageOrUsername: Boolean(context.pageOrUsername?.trim()) || form.pageOrUsername.trim().length > 0,
    screenshots: input.screenshotCount > 0,
    errorMessages: input.entries.some(isErrorEntry) || quotesAnError(form.description),
    browserDevice: input.environment === 'read',
  } satisfies Record<Detail, boolean>;
  const optional: Record<Detail, boolean> = {
    description: false,
    accountEmail: false,
    drawLink: aboutAccount,
    pageOrUsername: aboutAccount,
    screenshots: NO_SCREENSHOT_CATEGORIES.has(category),
    errorMessages: NO_ERROR_CATEGORIES.has(category),
    browserDevice: false,
  };
  const items = DETAILS.map((detail): DetailStatus => {
    const state: DetailState = has[detail] ? 'done' : optional[detail] ? 'optional' : 'missing';
    if (detail === 'pageOrUsername') return { detail, state, accountKind: accountKindOf(context.platform) };
    if (detail === 'browserDevice' && input.environment === 'withheld') return { detail, state, withheld: true };
    return { detail, state };
  });
  const missing = items.filter((item) => item.state === 'missing').map((item) => item.detail);
  const requiredMissing = missing.filter((detail) => REQUIRED_DETAILS.has(detail));
  const done = items.filter((item) => item.state === 'done').length;
  return { items, missing, requiredMissing, done, expected: done + missing.length };
}
