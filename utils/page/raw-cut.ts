/**
 * Cuts a text the content script sends to the worker at its raw bound (rawTextBound in
 * utils/extension/messaging.ts), without scrubbing it: the worker scrubs, then cuts to the
 * contract's limit (utils/diagnosis/scrub-page-answers.ts), so the scrubber never runs in the
 * customer's tab.
 *
 * Why a cut steps back: the scrubber knows many secrets by their whole shape (a JWT's three
 * parts, an AWS key's 20 characters, a card's 13 to 19 digits and checksum), and a secret cut in
 * half here would reach it as a partial secret it no longer recognises. So a cut that falls
 * inside a run of token characters drops that whole run, then any digits and spaces before it
 * (the first groups of a card written `4242 4242 …`). A run ends only at whitespace or at a
 * delimiter of URLs, JSON and prose: `/`, `+`, `=`, `%`, `.` and `-` belong to tokens (base64,
 * percent-encoding, JWT). What goes lies past the contract's limit anyway, unless the secrets
 * scrubbed before it were longer than the limit; an ellipsis says the text was cut.
 * Linear: one backward scan, no regular expression that could retry from every position.
 */
import { rawTextBound } from '../extension/messaging';

/** Characters that end a token. */
const BREAK = /[\s&?#;,"'<>()[\]{}|\\`]/;
/** Digits and the separators a card number is written with (utils/contract/scrub/card-numbers.ts). */
const NUMBER = /[\d\s+\u2010-\u2013-]/;

/** `text`, or its start within rawTextBound(limit) characters with no partial token at the cut. */
export function cutRaw(text: string, limit: number): string {
  const bound = rawTextBound(limit);
  if (text.length <= bound) return text;
  // One character is left for the ellipsis.
  let end = bound - 1;
  if (!BREAK.test(text[end]!)) while (end > 0 && !BREAK.test(text[end - 1]!)) end--;
  while (end > 0 && NUMBER.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}
