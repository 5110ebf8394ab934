/**
 * The recorder that runs in the page's own world from `document_start`: console errors and
 * warnings, uncaught errors, unhandled rejections, failed fetch/XHR calls, resources that fail
 * to load and CSP violations. It must stay tiny (it is injected into every Osortoo page) and
 * cheap (a page may log 100,000 errors): it serialises and folds on the spot, and only hands a
 * snapshot over when the content script asks for one.
 *
 * Nothing here is trusted by the extension: the page shares this world and can forge any of it,
 * so the content script scrubs it and the popup validates it against the contract.
 */
import type { DiagnosticEntry } from './contract';
import { serializeArgs, serializeReason } from './serialize';
import { createEntryBuffer } from './entry-buffer';
import { LIMITS } from './limits';
import { HOOK_EVENTS, INJECTED_MARKER } from './page-hook-protocol';


const HOOK_KEY = Symbol.for('osortoo-support.hook');

interface HookHandle {
  add(entry: DiagnosticEntry): void;
}

type Entry = DiagnosticEntry;

/** Installs the recorder once per window; frames of the same origin feed their top window's. */
export function installPageHook(): void {
  const win = window as unknown as Record<symbol, HookHandle | undefined>;
  if (win[HOOK_KEY]) return;

  const add = sinkFor(win);
  win[HOOK_KEY] = { add };

  const now = () => performance.now();
  const con = console;
  for (const level of ['error', 'warn'] as const) {
    const original = con[level];
    con[level] = function (this: unknown, ...args: unknown[]) {
      try {
        const { message, stack } = serializeArgs(args);
        add({ kind: 'console', level, t: now(), count: 1, message, stack });
      } catch {
        // Recording must never break the page's own logging.
      }
      return original.apply(this, args);
    };
  }

  addEventListener(
    'error',
    (event: Event) => {
      const target = event.target as Element | null;
      if (target && target !== (window as unknown) && 'tagName' in target) {
        const url = (target as HTMLImageElement).currentSrc || (target as HTMLScriptElement).src || (target as HTMLLinkElement).href || '';
        add({ kind: 'resource', t: now(), count: 1, tag: target.tagName.toLowerCase(), url, message: `Failed to load ${target.tagName.toLowerCase()}` });
        return;
      }
      const e = event as ErrorEvent;
      const { message, stack } = e.error !== undefined && e.error !== null ? serializeReason(e.error) : { message: e.message, stack: undefined };
      add({ kind: 'uncaught', t: now(), count: 1, message: message || e.message, stack, source: e.filename || undefined, line: e.lineno || undefined, column: e.colno || undefined });
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => {
    const { message, stack } = serializeReason(event.reason);
    add({ kind: 'rejection', t: now(), count: 1, message, stack });
  });
  addEventListener('securitypolicyviolation', (e) => {
    // Our own inline injection, refused by a strict page: the fallback took over, nothing to report.
    if (e.sample.startsWith(INJECTED_MARKER) || e.sourceFile.startsWith('chrome-extension:')) return;
    add({ kind: 'csp', t: now(), count: 1, directive: e.effectiveDirective || e.violatedDirective, blockedUrl: e.blockedURI, message: `CSP blocked ${e.blockedURI || 'inline'} (${e.effectiveDirective})` });
  });

  hookFetch(add, now);
  hookXhr(add, now);
}

/** Where entries go: the top window's buffer when it is reachable (same origin), else our own. */
function sinkFor(win: Record<symbol, HookHandle | undefined>): (entry: Entry) => void {
  if (window !== window.top) {
    try {
      const topHook = (window.top as unknown as Record<symbol, HookHandle | undefined>)[HOOK_KEY];
      const frame = location.href;
      const offset = performance.timeOrigin - (window.top as Window).performance.timeOrigin;
      if (topHook) return (entry) => topHook.add({ ...entry, t: entry.t + offset, frame });
    } catch {
      // Cross-origin frame: it keeps its own buffer, which nobody asks for (not the draw page).
    }
  }
  return ownBuffer(win);
}

function ownBuffer(_win: Record<symbol, HookHandle | undefined>): (entry: Entry) => void {
  const buffer = createEntryBuffer({ maxEntries: LIMITS.entries, maxBytes: 256 * 1024, now: () => performance.now() });
  let countTimer = 0;
  const notifyCount = () => {
    countTimer = 0;
    dispatchEvent(new CustomEvent(HOOK_EVENTS.count, { detail: String(buffer.errorCount()) }));
  };
  addEventListener(HOOK_EVENTS.pull, () => {
    dispatchEvent(new CustomEvent(HOOK_EVENTS.snapshot, { detail: JSON.stringify(buffer.snapshot()) }));
  });
  return (entry) => {
    buffer.add(entry);
    // The badge needs a number, not every event: at most two notifications a second.
    if (!countTimer) countTimer = setTimeout(notifyCount, 500) as unknown as number;
  };
}

const textual = /json|text|xml|problem/i;

function excerpt(text: string): string {
  return text.length > LIMITS.bodyExcerptBytes ? text.slice(0, LIMITS.bodyExcerptBytes - 1) + '…' : text;
}

function hookFetch(add: (e: Entry) => void, now: () => number): void {
  const original = window.fetch;
  if (typeof original !== 'function') return;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const start = now();
    const method = (init?.method || (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    return original.call(this, input, init).then(
      (response) => {
        if (response.status >= 400) {
          const durationMs = Math.round(now() - start);
          const record = (body?: string) =>
            add({ kind: 'network', api: 'fetch', t: start, count: 1, method, url: response.url || url, status: response.status, durationMs, body, message: `${method} ${response.status}` });
          if (textual.test(response.headers.get('content-type') || '')) {
            response.clone().text().then((text) => record(excerpt(text)), () => record());
          } else record();
        }
        return response;
      },
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          add({ kind: 'network', api: 'fetch', t: start, count: 1, method, url, status: 0, durationMs: Math.round(now() - start), message: `${method} failed: ${serializeReason(error).message}` });
        }
        throw error;
      },
    );
  } as typeof fetch;
}

function hookXhr(add: (e: Entry) => void, now: () => number): void {
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  const meta = new WeakMap<XMLHttpRequest, { method: string; url: string; start: number }>();
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    meta.set(this, { method: String(method).toUpperCase(), url: String(url), start: 0 });
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const m = meta.get(this);
    if (m) {
      m.start = now();
      this.addEventListener('loadend', () => {
        if (this.status !== 0 && this.status < 400) return;
        let body: string | undefined;
        try {
          if ((this.responseType === '' || this.responseType === 'text') && textual.test(this.getResponseHeader('content-type') || '')) body = excerpt(this.responseText);
        } catch {
          // responseText throws for some response types; the status alone still helps.
        }
        const status = this.status;
        add({ kind: 'network', api: 'xhr', t: m.start, count: 1, method: m.method, url: this.responseURL || m.url, status, durationMs: Math.round(now() - m.start), body, message: status ? `${m.method} ${status}` : `${m.method} failed` });
      });
    }
    return send.call(this, body);
  };
}
