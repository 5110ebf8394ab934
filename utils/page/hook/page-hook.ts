/**
 * The recorder that runs in the page's own world from `document_start`: console errors and
 * warnings, uncaught errors, unhandled rejections, failed fetch/XHR calls, resources that fail
 * to load and CSP violations. Resource failures and CSP violations are DOM events, which the
 * content script (utils/page/dom-events.ts) receives in its own world: they are recorded there, and
 * this script does not carry them. It is injected into every Osortoo page, so it must stay tiny
 * (≤ 3 KB gzipped with its content script) and cheap (a page may log 100,000 errors): it
 * serialises and folds on the spot, and hands a snapshot over only when the content script
 * asks for one.
 *
 * It records raw facts only. Everything that can wait until the customer opens the form
 * happens in the content script instead (utils/page/normalize-entry.ts): human-readable messages of
 * network, resource and CSP entries, rounding, absolute URLs, bounds; the worker scrubs.
 *
 * Nothing here is trusted by the extension: the page shares this world and can forge any of it,
 * so the content script bounds it and the worker scrubs it and validates it against the contract.
 *
 * This folder, and only this one, uses loose equality (`==`, `!=`) on purpose: esbuild keeps
 * `===` as written, and measured on this bundle the loose forms save 13 bytes minified and 3
 * gzipped, which count within a 3 KB budget (`x == null` also stands for null or undefined).
 */
import { serializeArgs, serializeReason } from './serialize';
import { createEntryBuffer } from './entry-buffer';
import { BODY_EXCERPT_CHARS, HOOK_EVENTS } from './protocol';

/** Marks a window whose recorder is installed (and, on an XHR, its method and URL). */
const HOOK_KEY = Symbol.for('osortoo-support.hook');

type Add = (entry: any) => void;

/**
 * Installs the recorder once per window. Every window keeps its own buffer, frames included:
 * the content script of the top window reads the buffers of its same-origin frames too, and
 * puts them on the top page's timeline (that work is done there, not here, to keep this small).
 */
export function installPageHook(): void {
  const win = window as any;
  if (win[HOOK_KEY]) return;
  const now = () => performance.now();
  const add: Add = (win[HOOK_KEY] = ownBuffer(now));
  const record = (kind: string, fields: object) => add({ kind, t: now(), count: 1, message: '', ...fields });

  for (const level of ['error', 'warn'] as const) {
    const original = console[level];
    console[level] = function (this: unknown, ...args: unknown[]) {
      try {
        record('console', { level, ...serializeArgs(args) });
      } catch {
        // Recording must never break the page's own logging.
      }
      return original.apply(this, args);
    };
  }

  // Dialogs: some pages tell the customer what failed only with alert(), in words that are the
  // customer's own name for the problem. Recorded before the dialog blocks, with the page's time.
  for (const via of ['alert', 'confirm']) {
    const original = win[via];
    win[via] = function (this: unknown, message?: unknown) {
      try {
        record('shown', { via, ...serializeArgs(arguments.length ? [message] : []) });
      } catch {}
      return original.apply(this, arguments);
    };
  }

  addEventListener('error', (e) => {
    // Resources that fail to load are DOM events the content script sees itself (they do not
    // reach this window-level listener, which does not capture); this is the uncaught error.
    const { message, stack } = serializeReason(e.error ?? e.message);
    record('uncaught', { message: e.error == null ? e.message : message, stack, source: e.filename, line: e.lineno, column: e.colno });
  });
  addEventListener('unhandledrejection', (e) => record('rejection', serializeReason(e.reason)));
  // Failed network calls. Successful ones cost one comparison and are not recorded.
  const textual = /json|text|xml|problem/i;
  const excerpt = (text: string) => text.slice(0, BODY_EXCERPT_CHARS);
  const failed = (api: string, method: string, url: string, start: number, status: number, fields?: object) =>
    add({ kind: 'network', api, t: start, count: 1, message: '', method, url, status, durationMs: now() - start, ...fields });

  const fetch0 = win.fetch;
  if (typeof fetch0 == 'function') {
    win.fetch = function (this: unknown, input: any, init?: any) {
      const start = now();
      const method = '' + (init?.method || input?.method || 'GET');
      const url = '' + (input?.url || input);
      return fetch0.apply(this, arguments).then(
        (r: Response) => {
          if (r.status >= 400) {
            const done = (body?: string) => failed('fetch', method, r.url || url, start, r.status, { body });
            textual.test(r.headers.get('content-type')!)
              ? r
                  .clone()
                  .text()
                  .then(
                    (text) => done(excerpt(text)),
                    () => done(),
                  )
              : done();
          }
          return r;
        },
        (error: any) => {
          if (error?.name != 'AbortError') failed('fetch', method, url, start, 0, serializeReason(error));
          throw error;
        },
      );
    };
  }

  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  proto.open = function (this: any, method: string, url: string | URL) {
    this[HOOK_KEY] = ['' + method, '' + url];
    return (open as any).apply(this, arguments);
  };
  proto.send = function (this: any) {
    const meta = this[HOOK_KEY];
    const start = now();
    if (meta) {
      this.addEventListener('loadend', () => {
        const status = this.status;
        if (status && status < 400) return;
        let body: string | undefined;
        try {
          if (textual.test(this.getResponseHeader('content-type'))) body = excerpt(this.responseText);
        } catch {
          // responseText throws for binary response types; the status alone still helps.
        }
        failed('xhr', meta[0], this.responseURL || meta[1], start, status, { body });
      });
    }
    return (send as any).apply(this, arguments);
  };
}

/**
 * This window's bounded buffer, read through one event: the content script dispatches `pull`
 * and the buffer answers synchronously with `snapshot` (detail: the snapshot as JSON, or only
 * the error count when the pull's detail asks for it, which the content script polls for the
 * toolbar badge: a timer here would cost bytes and work on every error).
 */
function ownBuffer(now: () => number): Add {
  const buffer = createEntryBuffer({ maxEntries: 200, maxBytes: 256 * 1024, now });
  addEventListener(HOOK_EVENTS.pull, (e: any) =>
    dispatchEvent(
      new CustomEvent(HOOK_EVENTS.snapshot, { detail: e.detail ? '' + buffer.errorCount() : JSON.stringify(buffer.snapshot()) }),
    ),
  );
  return buffer.add;
}
