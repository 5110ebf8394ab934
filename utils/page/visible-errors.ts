/**
 * Reads, at the toolbar click, the error messages the page is showing: live regions
 * (`role="alert"`, `aria-live="assertive"`) and visible elements whose class or id names an
 * error, toast, snackbar or notification. They become `shown` entries (via `page`), the
 * customer's own view of the problem. Bounded (elements looked at, entries kept, characters),
 * deduplicated by text, bounded by utils/page/normalize-entry.ts and scrubbed by the worker
 * (utils/diagnosis/scrub-page-answers.ts) like every other entry.
 */

/** The selectors of error UI; class and id matched as substrings, case-insensitively. */
const NAMES = ['error', 'toast', 'snackbar', 'notification', 'notice', 'flash'];
export const ERROR_UI_SELECTOR = [
  '[role="alert"]',
  '[aria-live="assertive"]',
  ...NAMES.flatMap((name) => [`[class*="${name}" i]`, `[id*="${name}" i]`]),
].join(',');

/** Elements looked at (a page may have thousands of `.error` classes in a list). */
const MAX_LOOKED_AT = 200;
/** Messages kept. */
const MAX_MESSAGES = 10;
/** A longer text is a container (a whole panel), not a message. */
const MAX_TEXT = 500;

function isVisible(el: Element): boolean {
  const html = el as HTMLElement;
  if (typeof html.checkVisibility === 'function') {
    if (!html.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  }
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** The error messages visible in `doc` now, as raw `shown` entries for normalizeEntry. */
export function readVisibleErrors(doc: Document = document, now = performance.now()): Record<string, unknown>[] {
  const seen = new Set<string>();
  const picked: Element[] = [];
  const out: Record<string, unknown>[] = [];
  const candidates = doc.querySelectorAll(ERROR_UI_SELECTOR);
  for (let i = 0; i < candidates.length && i < MAX_LOOKED_AT && out.length < MAX_MESSAGES; i++) {
    const el = candidates[i]!;
    // A message inside one already taken (a toast and its text span) is the same message.
    if (picked.some((p) => p.contains(el))) continue;
    if (!isVisible(el)) continue;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the customer read (hidden parts left out).
    const text = ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_TEXT || seen.has(text)) continue;
    seen.add(text);
    picked.push(el);
    out.push({ kind: 'shown', via: 'page', t: now, count: 1, message: text });
  }
  return out;
}
