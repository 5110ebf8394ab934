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

/** LIMITS.bodyExcerptBytes, as a literal for the hook (page-reader.test.ts checks they agree). */
export const BODY_EXCERPT_CHARS = 2048;
