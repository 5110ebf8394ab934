/**
 * The marker that replaces what the scrubber removes, e.g. `[removed: access_token]`: support still
 * sees that a credential was there and what it was called. Every rule skips a value that already
 * is a marker, which is what makes scrubbing idempotent.
 */

export const removed = (what: string): string => `[removed: ${what}]`;

const MARKER_START = '[removed: ';

/** Whether a marker starts at `at` (after any quotes or spaces a rule may have kept before it). */
export function markerAt(text: string, at: number): boolean {
  // `[` first: almost no value starts with one, and this runs once per value.
  // Read within the text (see code-at.ts), inline: every value asks this.
  return at < text.length && text.charCodeAt(at) === 91 && text.startsWith(MARKER_START, at);
}
