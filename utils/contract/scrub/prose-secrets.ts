/**
 * Credentials written in prose, with no separator between the name and the value, which the
 * named-values rule (it needs `=`, `:` or `=>`) cannot see: `Token 9944b091…` (Django's scheme,
 * or a log line), `jeton → Xk9f…`, and a card's security code after its number
 * (`4111… exp 12/27 cvv 123`, `cryptogramme visuel 123`).
 *
 * Applied after the shape rules: a token with a shape of its own is already a marker by then
 * (`Page token EAA…` keeps its `Facebook token`), and a marker is never taken as a value.
 * Each pattern starts with its word and reads one bounded run after it: linear.
 */
import { removed } from './markers';
import { onFirstUse } from './on-first-use';
import { isDigitCode, looksRandomAt } from './plain-values';
import { Splicer } from './splicer';
import { isKeyChar } from './token-shapes';

/**
 * Built on first use (see utils/contract/scrub.ts). No captures: each match is run as a test, and
 * the value is read back from where it ends (a megabyte can hold 130,000 security codes, and a
 * replacement per match, with its captures, cost three times what the search does).
 */
const patterns = /* @__PURE__ */ onFirstUse(() => ({
  // The gap is one run of spaces, or spaces around an arrow, each read one way only: `\s*:?\s*`
  // splits a run of spaces in every way before it fails, which is quadratic in the run.
  token: /\b(?:token|jeton)(?:\s+|\s*(?:→|->)\s*)(?!\[removed)[\w.~+/=-]{16}[\w.~+/=-]*/gi,
  // A Basic scheme's value is `user:password` in base64; outside a header (which named-values.ts reads).
  basic: /\bbasic\s+(?!\[removed)[A-Za-z0-9+/]{8}[A-Za-z0-9+/]*={0,2}/gi,
  // Three or four digits alone, after a space or a colon (so that the digits read back are
  // the code's, not `cvv2`'s): `cvv 1234567` is no security code, `cvv 12,50` an amount.
  securityCode: /\b(?:cvv2?|cvc2?|csc|cryptogramme(?: visuel)?)(?:\s+(?::\s*)?|:\s*)\d{3,4}(?!\d|[.,]\d)/gi,
}));

/** A token's characters, as the pattern reads them: `\w . ~ + / = -`. */
const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  c === 46 ||
  c === 126 ||
  c === 43 ||
  c === 47 ||
  c === 61 ||
  c === 45;

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/** A token: a run that looks random and holds a digit (`Token refreshed` is a word). */
const isToken = (text: string, from: number, to: number): boolean => looksRandomAt(text, from, to) && hasDigit(text, from, to);

/** `A-Z a-z 0-9 + / =`: base64, an AWS key's characters and its padding. */
const isBase64Char = (c: number): boolean => isKeyChar(c) || c === 61;

/** The six bits of a base64 character (`isBase64Char`, `=` aside). */
const sextet = (c: number): number => (c >= 97 ? c - 71 : c >= 65 ? c - 65 : c >= 48 ? c + 4 : c === 43 ? 62 : 63);

/**
 * Whether base64 `text[from, to)` decodes to `user:password`, i.e. holds a `:`
 * (`Basic authentication failed` is a word). Decoded in place: a megabyte can hold 38,000 of
 * them, and `atob` on a cut-out string cost four times the search.
 */
function holdsUserAndPassword(text: string, from: number, to: number): boolean {
  let bits = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break;
    bits = ((bits << 6) | sextet(c)) & 0xffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      if (((bits >> count) & 0xff) === 58) return true;
    }
  }
  return false;
}

const always = (): boolean => true;

/**
 * Removes a token after the bare word `token` or `jeton` (a run of 16 or more that looks random
 * and holds a digit: `Token refreshed`, `jeton internationalisation` and `token
 * sessionTokenRefresh` are words), `Basic` credentials, and a security code after its name.
 */
export function scrubProseSecrets(text: string): string {
  // One search first: most texts hold none of the words, and a search costs a read of the text.
  if (!/token|jeton|basic|cvv|cvc|csc|cryptogramme/i.test(text)) return text;
  const p = patterns();
  if (/token|jeton/i.test(text)) text = replaceEach(text, p.token, isTokenChar, removed('token'), isToken);
  if (/basic/i.test(text)) text = replaceEach(text, p.basic, isBase64Char, removed('basic credentials'), holdsUserAndPassword);
  if (/cvv|cvc|csc|cryptogramme/i.test(text)) text = replaceEach(text, p.securityCode, isDigitCode, removed('security code'), always);
  return text;
}

/**
 * Replaces, in each match of `re`, the run of `isValueChar` that ends it (the value after its
 * name; the name and the gap end in a letter, a space, `:` or `>`, none of a value's characters)
 * when `isSecret` says so.
 */
function replaceEach(
  text: string,
  re: RegExp,
  isValueChar: (c: number) => boolean,
  marker: string,
  isSecret: (text: string, from: number, to: number) => boolean,
): string {
  const out = new Splicer(text);
  re.lastIndex = 0;
  while (re.test(text)) {
    const end = re.lastIndex;
    let start = end;
    while (isValueChar(text.charCodeAt(start - 1))) start--;
    if (isSecret(text, start, end)) out.put(start, end, marker);
  }
  return out.finish();
}
