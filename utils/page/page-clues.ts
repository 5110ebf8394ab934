/**
 * Reads, from a page's DOM, the clues the draw-context rules need (utils/page/draw-context.ts):
 * one small function, bounded and read-only, that never throws on a hostile or half-loaded page.
 * The rules then work on plain data, which the tests build by hand.
 *
 * What is an assumption (guessed, to be checked against the real app): where the app shows the
 * platform, the account and the participants (SELECTORS below). Explicit hook points win over
 * every heuristic, so the app (or the demo page) can state what it knows:
 * `[data-osortoo-draw-id]`, `[data-osortoo-platform]`, `[data-osortoo-username]`,
 * `[data-osortoo-page-name]`, `[data-osortoo-account-email]` (attribute value, or the element's
 * text when the value is empty), and `<meta name="osortoo:draw-id|platform|username|account-email">`.
 */

/** Where to look, in the DOM, for each kind of clue (read by readPageClues). */
const SELECTORS = {
  /** Headings and labels that may name the platform or the account of the giveaway. */
  labels:
    'h1, h2, h3, [class*="platform" i], [class*="network" i], [class*="source" i], [class*="post-author" i], [class*="owner" i], [aria-label*="platform" i]',
  /** An account menu, where a logged-in app shows the user's e-mail. */
  account:
    '[class*="account" i], [id*="account" i], [class*="user-menu" i], [class*="usermenu" i], [class*="profile-menu" i], [class*="avatar-menu" i], nav [class*="user" i], header [class*="user" i]',
  /** Lists of participants or comments: their links and handles are not the organiser's. */
  participants: '[data-osortoo-participants], [class*="comment" i], [class*="participant" i], [class*="entries" i], [class*="winner" i]',
};

const MAX_LINKS = 400;
const MAX_TEXTS = 60;
const MAX_TEXT_CHARS = 300;

/** What the draw-context rules need from a page; tests build it by hand, readPageClues from the DOM. */
export interface PageClues {
  url: string;
  /** `<meta name|property>` → content, for `osortoo:*` names. */
  meta: Record<string, string>;
  /** `data-osortoo-<name>` → values (attribute value, or element text when it is empty). */
  data: Record<string, string[]>;
  /** Links of the page, with whether they sit inside a participants/comments list. */
  links: { href: string; text: string; inParticipants: boolean }[];
  /** Texts of headings and platform/owner labels (outside participant lists). */
  labels: string[];
  /** Texts of account menus (outside participant lists). */
  accountTexts: string[];
}

/** The part of the DOM API readPageClues uses (a real Document satisfies it). */
export interface ElementLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  closest?(selector: string): unknown;
  readonly attributes?: ArrayLike<{ name: string; value: string }>;
}
export interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

const clean = (s: string | null | undefined) => (s || '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS);

/** Texts of the elements matching `selector`, leaving out those inside participant lists. */
function textsOf(doc: DocumentLike, selector: string): string[] {
  const out: string[] = [];
  const els = doc.querySelectorAll(selector);
  for (let i = 0; i < els.length && out.length < MAX_TEXTS; i++) {
    if (els[i]!.closest?.(SELECTORS.participants)) continue;
    const text = clean(els[i]!.textContent);
    if (text) out.push(text);
  }
  return out;
}

/** Extracts the page's clues from a document: bounded, read-only, never throws. */
export function readPageClues(doc: DocumentLike, url: string): PageClues {
  const clues: PageClues = { url, meta: {}, data: {}, links: [], labels: [], accountTexts: [] };
  try {
    const metas = doc.querySelectorAll('meta[name^="osortoo:"], meta[property^="osortoo:"]');
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i]!;
      const name = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
      const content = clean(m.getAttribute('content'));
      if (content && !(name in clues.meta)) clues.meta[name] = content;
    }
    for (const key of ['draw-id', 'platform', 'username', 'page-name', 'account-email']) {
      const els = doc.querySelectorAll(`[data-osortoo-${key}]`);
      const values: string[] = [];
      for (let i = 0; i < els.length && values.length < MAX_TEXTS; i++) {
        const value = clean(els[i]!.getAttribute(`data-osortoo-${key}`)) || clean(els[i]!.textContent);
        if (value) values.push(value);
      }
      if (values.length) clues.data[key] = values;
    }
    const anchors = doc.querySelectorAll('a[href]');
    for (let i = 0; i < anchors.length && clues.links.length < MAX_LINKS; i++) {
      const a = anchors[i]!;
      const href = (a.getAttribute('href') || '').trim();
      if (!/^https?:\/\//i.test(href)) continue;
      clues.links.push({ href, text: clean(a.textContent), inParticipants: !!a.closest?.(SELECTORS.participants) });
    }
    clues.labels = textsOf(doc, SELECTORS.labels);
    clues.accountTexts = textsOf(doc, SELECTORS.account);
  } catch {
    // A hostile or half-loaded page: whatever was read so far is used.
  }
  return clues;
}
