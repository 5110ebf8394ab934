/**
 * Content-script side of the capture (isolated world). It:
 * - records what the page's DOM reports to every world: resources that fail to load and CSP
 *   violations (so the page hook does not have to carry that code);
 * - pulls the page hook's buffers on demand, the top window's and its same-origin frames',
 *   and puts them on the top page's timeline;
 * - turns the hook's raw facts into contract-shaped entries (messages, rounding, absolute
 *   URLs), scrubs them and bounds every field to the contract's limits;
 * - reads the draw's context from the page.
 * The page cannot call into this world; all it can do is feed it data (it can forge the hook's
 * events and answers), which is bounded here and validated again by the popup.
 */
import { HOOK_EVENTS, INJECTED_MARKER } from './hook/protocol';
import { onMessage, sendMessage, type PageSnapshot } from '../extension/messaging';
import { scrubText, scrubUrl } from './scrub';
import { drawContextFromPage } from './osortoo-pages';
import { createEntryBuffer, type EntryBuffer } from './hook/entry-buffer';
import { LIMITS } from '../contract/limits';

/** A page may answer the pull with anything; beyond this it is not worth parsing. */
const MAX_SNAPSHOT_CHARS = 2 * 1024 * 1024;
/** At most this many raw entries are looked at per window (the hook keeps 200). */
const MAX_RAW_ENTRIES = 400;
/** Same-origin frames read, nested ones included (a page could build thousands). */
const MAX_FRAMES = 20;
/** Where this world keeps the DOM-level entries of a window (read across same-origin frames). */
const DOM_ENTRIES = Symbol.for('osortoo-support.dom-entries');

type Raw = Record<string, unknown>;

/** Reads one window's hook answer synchronously: the hook answers the pull before dispatch returns. */
function pull(win: Window, detail?: string): unknown {
  let raw: unknown = null;
  const onSnapshot = (event: Event) => {
    raw = (event as CustomEvent).detail;
  };
  win.addEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  win.dispatchEvent(new CustomEvent(HOOK_EVENTS.pull, { detail }));
  win.removeEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  return raw;
}

/** Reads a window's hook buffer, or nothing when the answer is not a sane snapshot. */
export function pullHookBuffer(win: Window = window): { entries: unknown[]; dropped: number } {
  const raw = pull(win);
  if (typeof raw !== 'string' || raw.length > MAX_SNAPSHOT_CHARS) return { entries: [], dropped: 0 };
  try {
    const parsed = JSON.parse(raw) as { entries?: unknown; dropped?: unknown };
    const all = Array.isArray(parsed.entries) ? parsed.entries : [];
    const dropped = typeof parsed.dropped === 'number' && Number.isSafeInteger(parsed.dropped) && parsed.dropped > 0 ? parsed.dropped : 0;
    return { entries: all.slice(0, MAX_RAW_ENTRIES), dropped: dropped + Math.max(0, all.length - MAX_RAW_ENTRIES) };
  } catch {
    return { entries: [], dropped: 0 };
  }
}

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value ? scrubText(value).slice(0, max) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

function absolute(value: unknown, base: string): unknown {
  // CSP keywords ('inline', 'eval', 'wasm-eval'…) and data/blob/about URLs are kept as they are.
  if (typeof value !== 'string' || !value || /^[a-z-]+$|^(data|blob|about):/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value; // Not a URL: kept as the page gave it (it is scrubbed all the same).
  }
}

/**
 * Turns one raw entry from the hook (or the DOM recorder) into a contract-shaped entry:
 * human-readable message where the hook left it to us, absolute URLs, whole milliseconds,
 * scrubbed and bounded text. Unknown kinds and fields are dropped; the popup validates again.
 */
export function normalizeEntry(input: unknown, base: string, offset = 0, frame?: string): Raw | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const e = input as Raw;
  const kind = e.kind;
  const t = num(e.t);
  if (t === undefined || !['console', 'uncaught', 'rejection', 'network', 'resource', 'csp'].includes(kind as string)) return undefined;
  const count = typeof e.count === 'number' && Number.isSafeInteger(e.count) && e.count > 0 ? e.count : 1;
  const lastT = num(e.lastT);
  const out: Raw = { kind, t: Math.round(t + offset), count };
  if (lastT !== undefined) out.lastT = Math.round(lastT + offset);
  if (frame) out.frame = text(scrubUrl(frame), LIMITS.urlChars);
  let message = typeof e.message === 'string' ? e.message : '';
  if (kind === 'console') {
    out.level = e.level === 'warn' ? 'warn' : 'error';
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'uncaught') {
    out.source = text(absolute(e.source, base), LIMITS.urlChars);
    for (const key of ['line', 'column'] as const) {
      const value = num(e[key]);
      if (value !== undefined) out[key] = Math.floor(value);
    }
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'rejection') {
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'network') {
    const method = (typeof e.method === 'string' && e.method ? e.method : 'GET').toUpperCase().slice(0, 16);
    const status = typeof e.status === 'number' && Number.isInteger(e.status) && e.status >= 0 && e.status <= 999 ? e.status : 0;
    Object.assign(out, {
      api: e.api === 'xhr' ? 'xhr' : 'fetch',
      method,
      url: text(absolute(e.url, base), LIMITS.urlChars) ?? '',
      status,
      durationMs: Math.round(num(e.durationMs) ?? 0),
      body: text(e.body, LIMITS.bodyExcerptBytes),
    });
    // The hook leaves the message empty (or the failure's reason for status 0).
    message = status ? `${method} ${status}` : `${method} failed${message ? `: ${message}` : ''}`;
  } else if (kind === 'resource') {
    const tag = (typeof e.tag === 'string' ? e.tag : 'element').toLowerCase().slice(0, 32);
    Object.assign(out, { tag, url: text(absolute(e.url, base), LIMITS.urlChars) ?? '' });
    message ||= `Failed to load ${tag}`;
  } else {
    const directive = (typeof e.directive === 'string' ? e.directive : '').slice(0, 200);
    const blockedUrl = text(absolute(e.blockedUrl, base), LIMITS.urlChars) ?? '';
    Object.assign(out, { directive, blockedUrl });
    message ||= `CSP blocked ${blockedUrl || 'inline'} (${directive})`;
  }
  out.message = text(message, LIMITS.messageChars) ?? '';
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** The DOM-level recorder of one window: resource failures and CSP violations, folded and bounded. */
export function recordDomEvents(win: Window & typeof globalThis = window): EntryBuffer {
  const existing = (win as unknown as Record<symbol, EntryBuffer | undefined>)[DOM_ENTRIES];
  if (existing) return existing;
  const buffer = createEntryBuffer({ maxEntries: 100, maxBytes: 64 * 1024, now: () => win.performance.now() });
  (win as unknown as Record<symbol, EntryBuffer>)[DOM_ENTRIES] = buffer;
  win.addEventListener(
    'error',
    (event) => {
      const target = event.target as (Element & { currentSrc?: string; src?: string; href?: string }) | null;
      // Element errors do not bubble: capturing at the window sees every one of them.
      if (!target || !(target instanceof win.Element)) return;
      const url = target.currentSrc || target.src || target.href || '';
      buffer.add({ kind: 'resource', t: win.performance.now(), count: 1, tag: target.tagName, url: typeof url === 'string' ? url : '', message: '' });
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
      buffer.add({ kind: 'csp', t: win.performance.now(), count: 1, directive: event.effectiveDirective || event.violatedDirective, blockedUrl: event.blockedURI, message: '' });
    },
    true,
  );
  return buffer;
}

/** The top window and its same-origin frames, nested ones included, with their time offsets. */
function windowsOfPage(): { win: Window; offset: number; frame?: string }[] {
  const found: { win: Window; offset: number; frame?: string }[] = [{ win: window, offset: 0 }];
  for (let i = 0; i < found.length && found.length < MAX_FRAMES + 1; i++) {
    const frames = found[i]!.win.frames;
    for (let k = 0; k < frames.length && found.length < MAX_FRAMES + 1; k++) {
      try {
        const win = frames[k]!;
        // Throws for a cross-origin frame: not the draw page, left out.
        const href = win.location.href;
        found.push({ win, offset: win.performance.timeOrigin - performance.timeOrigin, frame: href });
      } catch {
        // Cross-origin frame.
      }
    }
  }
  return found;
}

/** Everything recorded in the page and its same-origin frames, normalised, in time order. */
export function collectDiagnostics(): { entries: Raw[]; dropped: number } {
  const entries: Raw[] = [];
  let dropped = 0;
  for (const { win, offset, frame } of windowsOfPage()) {
    const hook = pullHookBuffer(win);
    const dom = (win as unknown as Record<symbol, EntryBuffer | undefined>)[DOM_ENTRIES]?.snapshot() ?? { entries: [], dropped: 0 };
    dropped += hook.dropped + dom.dropped;
    let base = location.href;
    try {
      base = win.location.href;
    } catch {
      // Unreachable frame: relative URLs resolve against the top page.
    }
    for (const raw of [...hook.entries, ...dom.entries]) {
      const entry = normalizeEntry(raw, base, offset, frame);
      if (entry) entries.push(entry);
      else dropped += 1;
    }
  }
  entries.sort((a, b) => (a.t as number) - (b.t as number));
  // The contract keeps LIMITS.entries; the earliest are kept (the hook's buffers already chose).
  dropped += Math.max(0, entries.length - LIMITS.entries);
  return { entries: entries.slice(0, LIMITS.entries), dropped };
}

/** Builds the snapshot the form asks for. */
export function takeSnapshot(): PageSnapshot {
  return {
    url: scrubUrl(location.href),
    title: document.title.slice(0, LIMITS.shortTextChars),
    context: drawContextFromPage({ url: location.href, doc: document }),
    diagnostics: collectDiagnostics(),
    page: {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      screen: { width: screen.width, height: screen.height },
      devicePixelRatio: window.devicePixelRatio || 1,
      online: navigator.onLine,
    },
  };
}

/** Answers the form's requests for a snapshot of this page (top window only). */
export function answerSnapshots(): void {
  onMessage('getPageSnapshot', () => takeSnapshot());
}

/**
 * Keeps the toolbar badge's error count current: polls the hook's count once a second (one
 * synchronous event; the hook has no timer of its own) and tells the worker when it changes.
 */
export function watchErrorCount(intervalMs = 1000): () => void {
  let last = -1;
  const timer = setInterval(() => {
    const hook = Number(pull(window, 'count'));
    const dom = (window as unknown as Record<symbol, EntryBuffer | undefined>)[DOM_ENTRIES]?.errorCount() ?? 0;
    const count = (Number.isSafeInteger(hook) && hook >= 0 ? hook : 0) + dom;
    if (count === last) return;
    last = count;
    void sendMessage('reportErrorCount', { count }).catch(() => {});
  }, intervalMs);
  return () => clearInterval(timer);
}
