/**
 * The marker that replaces what the scrubber removes, e.g. `[removed: access_token]`: support still
 * sees that a credential was there and what it was called. Every rule skips a value that already
 * is a marker, which is what makes scrubbing idempotent.
 */

/** A marker's two ends, around what was removed (splicer.ts writes some markers in pieces). */
export const MARKER_OPEN = '[removed: ';
export const MARKER_CLOSE = ']';

export const removed = (what: string): string => `${MARKER_OPEN}${what}${MARKER_CLOSE}`;

/** Whether a marker starts at `at` (after any quotes or spaces a rule may have kept before it). */
export function markerAt(text: string, at: number): boolean {
  // `[` first: almost no value starts with one, and this runs once per value.
  // Read within the text (see code-at.ts), inline: every value asks this.
  return at < text.length && text.charCodeAt(at) === 91 && text.startsWith(MARKER_OPEN, at);
}
