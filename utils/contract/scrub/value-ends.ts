/**
 * Where a value after a credential's name ends, and what it is, read in place in the text (for
 * utils/contract/scrub/named-values.ts). A megabyte dense with credentials holds 100,000 values
 * of a few characters: starting a sticky pattern or cutting a string out for each costs more
 * than reading its characters, so the values are read by character code, and cut out only when
 * a check needs the string.
 */
import { codeAt } from './code-at';
import { onFirstUse } from './on-first-use';
import { isLiteral, isRegexSpace as isSpace } from './plain-values';

/** Built on first use (see utils/contract/scrub.ts): they read on past SHORT characters. */
const patterns = /* @__PURE__ */ onFirstUse(() => ({
  jsonBare: /[^\s,}\]]*/y,
  labelToken: /[^\s,;&"'<>)\]}]*/y,
  headerToken: /\S*/y,
}));

/** Where a sticky pattern's match from `at` ends. */
export function readTo(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  sticky.test(text);
  return sticky.lastIndex;
}

/*
 * Where a value ends, read by character code rather than by a sticky pattern (one value in a
 * megabyte dense with credentials is a few characters: starting a search costs more than reading
 * them). Past SHORT characters, the pattern reads on: it reads a long run faster.
 */
const SHORT = 24;

/** `[^\s,}\]]*`: a bare JSON value. */
export function jsonBareEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  for (; at < stop; at++) {
    const c = text.charCodeAt(at);
    if (isSpace(c) || c === 44 || c === 125 || c === 93) break;
  }
  return at < text.length && at === stop ? readTo(patterns().jsonBare, text, at) : at;
}

/**
 * A query or form value's end: a delimiter, plain or percent-encoded once or twice (`%26`, `%2526`):
 * `(?:[^\s&#"'<>;,)\]}\\%]|%(?!(?:25){0,3}(?:26|23|3D)))*`.
 */
export function pairValueEnd(text: string, at: number): number {
  const ends = pairEnds();
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c < 128 ? ends[c] === 0 : !isSpace(c)) continue;
    if (c !== 37 || encodedDelimiter(text, at + 1)) break;
  }
  return at;
}

/**
 * For each ASCII character, whether it may end a pair's value (1): a space, `& # " ' < > ; , ) ] } \`,
 * or `%` (an encoded delimiter's start). A table, built on first use (see utils/contract/scrub.ts):
 * a value of a 2 MB URL is read character by character.
 */
let PAIR_ENDS: Uint8Array | undefined;
function pairEnds(): Uint8Array {
  if (!PAIR_ENDS) {
    PAIR_ENDS = new Uint8Array(128);
    for (let c = 0; c < 128; c++) if (isSpace(c)) PAIR_ENDS[c] = 1;
    for (const c of '&#"\'<>;,)]}\\%') PAIR_ENDS[c.charCodeAt(0)] = 1;
  }
  return PAIR_ENDS;
}

/** `(?:25){0,3}(?:26|23|3D)` at `at` (backing off a `25` never helps: `25` is none of the three). */
function encodedDelimiter(text: string, at: number): boolean {
  for (let n = 0; n < 3 && codeAt(text, at) === 50 && codeAt(text, at + 1) === 53; n++) at += 2;
  const a = codeAt(text, at);
  const b = codeAt(text, at + 1);
  return (a === 50 && (b === 54 || b === 51)) || (a === 51 && (b | 32) === 100);
}

/** `^[^\s=;,"']{1,64}=` at `at`: a cookie header's value (`Cookie: a=1; b=2`), not a word. */
export function startsWithPair(text: string, at: number): boolean {
  const stop = Math.min(text.length, at + 65);
  for (let i = at; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) return i > at;
    if (isSpace(c) || c === 59 || c === 44 || c === 34 || c === 39) return false;
  }
  return false;
}

/** `\S*`: a token on a header line. */
export function headerTokenEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  while (at < stop && !isSpace(text.charCodeAt(at))) at++;
  return at < text.length && at === stop ? readTo(patterns().headerToken, text, at) : at;
}

/** `[^\s,;&"'<>)\]}]*`: a token after a label. */
export function labelTokenEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  for (; at < stop; at++) {
    const c = text.charCodeAt(at);
    if (isSpace(c) || c === 44 || c === 59 || c === 38 || c === 34 || c === 39 || c === 60 || c === 62 || c === 41 || c === 93 || c === 125)
      break;
  }
  return at < text.length && at === stop ? readTo(patterns().labelToken, text, at) : at;
}

/*
 * The checks of a value, on its place in the text: most values (`x`, `abc123`) are decided
 * without being cut out of it.
 */

/** `isLiteral` of `text[from, to)`: every literal starts with n, t, f, u (either case) or a mask's symbol. */
export function isLiteralAt(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(from);
  const l = c | 32;
  return (l === 110 || l === 116 || l === 102 || l === 117 || c === 42 || c === 45 || c > 127) && isLiteral(text.slice(from, to));
}

/** Whether `text[from, to)` holds a `=` (read within the value only: a search could run to the text's end). */
export function hasEquals(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 61) return true;
  return false;
}

/** `/^\d+$/` on `text[from, to)`. */
export function allDigits(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
}
