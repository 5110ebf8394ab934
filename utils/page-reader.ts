/**
 * Content-script side of the capture: pulls the page hook's buffer on demand, scrubs it, and
 * reads the draw's context from the page. Runs in the isolated world, so the page cannot call
 * into it; all it can do is feed it data, which is bounded here and validated by the popup.
 */
import { HOOK_EVENTS } from './page-hook-protocol';
import { onMessage, sendMessage, type PageSnapshot } from './messaging';
import { scrubEntry, scrubUrl } from './scrub';
import { drawContextFromPage } from './osortoo-pages';

/** A page may answer the pull with anything; beyond this it is not worth parsing. */
const MAX_SNAPSHOT_CHARS = 2 * 1024 * 1024;

/** Reads the hook's buffer synchronously: the hook answers the pull event before dispatch returns. */
export function pullHookBuffer(): { entries: unknown[]; dropped: number } {
  let raw: unknown = null;
  const onSnapshot = (event: Event) => {
    raw = (event as CustomEvent).detail;
  };
  window.addEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  window.dispatchEvent(new CustomEvent(HOOK_EVENTS.pull));
  window.removeEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  if (typeof raw !== 'string' || raw.length > MAX_SNAPSHOT_CHARS) return { entries: [], dropped: 0 };
  try {
    const parsed = JSON.parse(raw) as { entries?: unknown; dropped?: unknown };
    const entries = Array.isArray(parsed.entries) ? parsed.entries : [];
    const dropped = typeof parsed.dropped === 'number' ? parsed.dropped : 0;
    return { entries, dropped };
  } catch {
    return { entries: [], dropped: 0 };
  }
}

function absolutise(entry: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['url', 'source', 'blockedUrl'] as const) {
    const value = entry[key];
    if (typeof value === 'string' && value && !/^(data|blob|inline|eval):/i.test(value)) {
      try {
        entry[key] = new URL(value, location.href).href;
      } catch {
        // Not a URL: kept as the page gave it (it is scrubbed all the same).
      }
    }
  }
  return entry;
}

/** Builds the snapshot the form asks for. */
export function takeSnapshot(): PageSnapshot {
  const { entries, dropped } = pullHookBuffer();
  const scrubbed = entries
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => scrubEntry(absolutise({ ...entry }) as never));
  return {
    url: scrubUrl(location.href),
    title: document.title,
    context: drawContextFromPage({ url: location.href, doc: document }),
    diagnostics: { entries: scrubbed, dropped },
    page: {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      screen: { width: screen.width, height: screen.height },
      devicePixelRatio: window.devicePixelRatio || 1,
      online: navigator.onLine,
    },
  };
}

/** Answers the form's requests for a snapshot of this page. */
export function answerSnapshots(): void {
  onMessage('getPageSnapshot', () => takeSnapshot());
}

/** Forwards the hook's error count to the worker, which shows it on the toolbar badge. */
export function watchErrorCount(): void {
  window.addEventListener(HOOK_EVENTS.count, (event) => {
    const count = Number((event as CustomEvent).detail);
    if (Number.isFinite(count) && count >= 0) void sendMessage('reportErrorCount', { count: Math.floor(count) }).catch(() => {});
  });
}
