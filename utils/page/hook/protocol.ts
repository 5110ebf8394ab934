/**
 * What the page hook and the content script agree on. Kept apart from the hook itself so that
 * importing these names does not bundle the hook into the content script, and free of imports
 * so that the hook does not bundle LIMITS' whole object either.
 */

/** Events exchanged between the page's world and the content script (strings cross worlds). */
export const HOOK_EVENTS = {
  pull: 'osortoo-support:pull',
  snapshot: 'osortoo-support:snapshot',
} as const;

/** Starts the source of the inline script we inject, so the hook can ignore its own CSP refusal. */
export const INJECTED_MARKER = '/*osortoo-support*/';

/**
 * Twice LIMITS.bodyExcerptBytes (the raw bound, as for the hook's messages in
 * utils/page/hook/serialize.ts), as a literal for the hook; utils/page/normalize-entry.test.ts
 * checks they agree.
 */
export const BODY_EXCERPT_CHARS = 4096;

/**
 * One entry as the hook records it: the contract's DiagnosticEntry in structure, written out
 * here because the hook imports nothing, not even types. It is a loose shape on purpose: the
 * page can forge any of it, so the content script rebuilds each entry field by field
 * (utils/page/normalize-entry.ts) and the worker validates it against the contract.
 * entry-buffer.test.ts checks that every contract entry still fits this shape.
 */
export interface HookEntry {
  kind: 'console' | 'uncaught' | 'rejection' | 'network' | 'resource' | 'csp' | 'shown';
  /** Milliseconds since the window started (its performance.now()). */
  t: number;
  count: number;
  message: string;
  frame?: string;
  level?: 'error' | 'warn';
  stack?: string;
  source?: string;
  line?: number;
  column?: number;
  api?: 'fetch' | 'xhr';
  method?: string;
  url?: string;
  status?: number;
  durationMs?: number;
  body?: string;
  tag?: string;
  directive?: string;
  blockedUrl?: string;
  via?: 'alert' | 'confirm' | 'page';
}
