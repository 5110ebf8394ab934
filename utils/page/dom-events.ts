/**
 * Records what the page's DOM reports to every world: resources that fail to load and CSP
 * violations. They are DOM events, so the content script (isolated world) sees them itself and
 * the page hook does not have to carry that code. One folding, bounded buffer per window,
 * frames included: the top window's content script reads the same-origin frames' buffers
 * (utils/page/collect-diagnostics.ts).
 */
import { INJECTED_MARKER } from './hook/protocol';
import { createEntryBuffer, type EntryBuffer } from './hook/entry-buffer';

/** Where this world keeps the DOM-level entries of a window (read across same-origin frames). */
const DOM_ENTRIES = Symbol.for('osortoo-support.dom-entries');

type WithDomEntries = Record<symbol, EntryBuffer | undefined>;

/** The DOM-level buffer of a window, when its content script records one. */
export function domEntriesOf(win: Window): EntryBuffer | undefined {
  return (win as unknown as WithDomEntries)[DOM_ENTRIES];
}

/** The DOM-level recorder of one window: resource failures and CSP violations, folded and bounded. */
export function recordDomEvents(win: Window & typeof globalThis = window): EntryBuffer {
  const existing = domEntriesOf(win);
  if (existing) return existing;
  const buffer = createEntryBuffer({ maxEntries: 100, maxBytes: 64 * 1024, now: () => win.performance.now() });
  (win as unknown as WithDomEntries)[DOM_ENTRIES] = buffer;
  win.addEventListener(
    'error',
    (event) => {
      const target = event.target as (Element & { currentSrc?: string; src?: string; href?: string }) | null;
      // Element errors do not bubble: capturing at the window sees every one of them.
      if (!target || !(target instanceof win.Element)) return;
      const url = target.currentSrc || target.src || target.href || '';
      buffer.add({
        kind: 'resource',
        t: win.performance.now(),
        count: 1,
        tag: target.tagName,
        url: typeof url === 'string' ? url : '',
        message: '',
      });
    },
    true,
  );
  win.addEventListener(
    'securitypolicyviolation',
    (event) => {
      // Our own inline injection, refused by a strict page: the fallback took over, nothing to
      // report. Chromium names its source "chrome-extension" (no colon, no URL) and, with
      // 'report-sample', the sample starts with our marker.
      if (event.sample.startsWith(INJECTED_MARKER) || event.sourceFile.startsWith('chrome-extension')) return;
      buffer.add({
        kind: 'csp',
        t: win.performance.now(),
        count: 1,
        directive: event.effectiveDirective || event.violatedDirective,
        blockedUrl: event.blockedURI,
        message: '',
      });
    },
    true,
  );
  return buffer;
}
