/**
 * What the page hook and the content script agree on. Kept apart from the hook itself so that
 * importing these names does not bundle the hook into the content script.
 */

/** Events exchanged between the page's world and the content script (strings cross worlds). */
export const HOOK_EVENTS = {
  pull: 'osortoo-support:pull',
  snapshot: 'osortoo-support:snapshot',
  count: 'osortoo-support:count',
} as const;

/** Starts the source of the inline script we inject, so the hook can ignore its own CSP refusal. */
export const INJECTED_MARKER = '/*osortoo-support*/';
