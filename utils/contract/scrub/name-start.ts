/**
 * Where the name around a credential's keyword starts (for utils/contract/scrub/named-values.ts):
 * the keyword search says where a match ends, and the name is read back from there, or found
 * again in place when it repeats. Each function says why it gives the start the search's own
 * match would.
 */

import { encodedPrefix } from './percent-escapes';
import { LETTERS, letterColumn, type WordTable, wordTable } from './word-table';

export const isNameChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 45;

/** The longest keyword (`refresh secret`), and the longest match of the keyword search (`named`, in named-values.ts): a keyword and 60. */
const KEYWORD_MAX = 14;
const MATCH_MAX = KEYWORD_MAX + 60;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

/**
 * The words a keyword with a space or an apostrophe in it has before it: `mot de passe`, `clé API`,
 * `jeton d'accès`, `api key`, `client secret`, `code pin`… (see KEYWORDS in utils/contract/scrub/named-values.ts).
 */
const JOINED = 'mot de cle clé cles clés jeton d api secret private access refresh client session id app code';
/**
 * JOINED read backwards, as a table (word-table.ts) over the letters a–z, then é. Built on first
 * use (see utils/contract/scrub.ts). The word before a name is checked in one backward read of its
 * letters, with no lookup and no word compared after another: every name after a space asks it
 * (`Le secret :` 87,000 times in a megabyte).
 */
let JOINED_TABLE: WordTable | undefined;
const joinedTable = (): WordTable => (JOINED_TABLE ||= wordTable(JOINED.split(' '), LETTERS, letterColumn, true));

/**
 * Whether a keyword can run on across the character at `at`, just before a name's characters: an
 * accent or another non-ASCII character after a letter (`clé`, `secrète`), or a space or an
 * apostrophe after one of JOINED's words, in either case (the search has no word boundary:
 * `xapi key` holds `api key`). `Le secret :`, `Your password:` and `Cookie: a` cannot.
 */
function mayJoinKeyword(text: string, at: number): boolean {
  // Read within the text (see code-at.ts), inline: every name found again asks this.
  const c = at >= 0 ? text.charCodeAt(at) : -1;
  if (c !== 32 && c !== 39) return c > 127 && isLetter(at > 0 ? text.charCodeAt(at - 1) : -1);
  const { next, ends, columns } = joinedTable();
  let state = 0;
  for (let i = at - 1; i >= 0; i--) {
    const column = letterColumn(text.charCodeAt(i));
    if (column < 0) return false;
    state = next[state * columns + column]!;
    if (!state) return false;
    if (ends[state]) return true;
  }
  return false;
}

/** Where `nameStart` found a name: its start, its `hashOf`, and whether it is plain (see known-names.ts). Reused, one per scan. */
export interface NameAt {
  start: number;
  hash: number;
  /**
   * Only name characters, 64 or fewer: known from the read back (true); undefined when the search
   * had to run again, for known-names.ts to read from the name.
   */
  plain: boolean | undefined;
  /** A capital letter in a plain name (`X-Api-Key`): its marker after a label is lowered (known-names.ts). */
  capitals: boolean;
}

/**
 * A hash of `text[start, end)`, the same wherever the name stands: the length, then each
 * character, times 31 at each step. `nameStart` computes it reading back (the same sum, each
 * character times the power of 31 its distance from the end gives), so that a name is read once.
 */
export function hashOf(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Where the name around the keyword that `named` found, ending at `nameEnd`, starts: back over name
 * characters, at most 64 of them before the keyword. Written into `at` with the name's hash;
 * false if the name runs longer.
 *
 * The search is run as a test, which says where a match ends but not where it starts (it costs
 * less: a megabyte can hold 130,000 names). Reading back from the end gives the same start
 * whenever the keyword is made of name characters and the name is 64 characters or less; a
 * name that runs back past any possible keyword's 64 characters is too long whatever the keyword.
 * Otherwise (a keyword with a space, an apostrophe or an accent in it: `mot de passe`, `clé API`,
 * `jeton d'accès`, or a long name) the search runs again to say where the match starts, from at
 * most MATCH_MAX characters back: no match starts before the one the test found.
 *
 * The hash is summed on the way back (a megabyte can hold 80,000 names never seen before, and each
 * read of one costs): the same number `hashOf` gives, which cookie-strings.ts asks of the same table.
 */
export function nameStart(text: string, re: RegExp, from: number, nameEnd: number, at: NameAt): boolean {
  const floor = Math.max(0, nameEnd - MATCH_MAX - 65);
  let start = nameEnd;
  let sum = 0;
  let power = 1;
  let capitals = false;
  while (start > floor) {
    const c = text.charCodeAt(start - 1);
    if (!isNameChar(c)) break;
    if (c <= 90 && c >= 65) capitals = true;
    sum = (sum + Math.imul(c, power)) | 0;
    power = Math.imul(power, 31);
    start--;
  }
  if (start === floor && start > 0 && isNameChar(text.charCodeAt(start - 1))) return false;
  if (nameEnd - start <= 64) {
    // A keyword goes on before the name characters only through a space, an apostrophe or an
    // accent right after a letter (`mot de`, `d'api`, `clé`), and then starts at most
    // KEYWORD_MAX characters back: elsewhere (`Cookie: a`, `"token"`) the start is known.
    if (!mayJoinKeyword(text, start - 1)) {
      at.start = start;
      at.hash = (sum + Math.imul(nameEnd - start, power)) | 0;
      at.plain = true;
      at.capitals = capitals;
      return true;
    }
    re.lastIndex = Math.max(from, start - KEYWORD_MAX - 1);
  } else re.lastIndex = Math.max(from, nameEnd - MATCH_MAX - 1);
  const m = re.exec(text)!;
  start = m.index;
  const limit = Math.max(0, start - 64);
  while (start > limit && isNameChar(text.charCodeAt(start - 1))) start--;
  if (start === limit && start > 0 && isNameChar(text.charCodeAt(start - 1))) return false;
  at.start = start;
  at.hash = hashOf(text, start, nameEnd);
  at.plain = undefined;
  at.capitals = true;
  return true;
}

/** `text.startsWith(word, at)`, read in place (a short name: the built-in costs more to call than to run). */
export function sameAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether a plain name found again at `start` (ending at `nameEnd`) is the name `nameStart`, and
 * the encoded delimiter's cut after it (named-values.ts), would give: either nothing a name could
 * run back over before it (no name character, no `%`, nothing that could join a keyword across
 * it: a space, an apostrophe or an accent after a letter), or exactly an encoded delimiter
 * (`%26token`, `%2526token`, `%token`).
 */
export function startsAtName(text: string, start: number, nameEnd: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  if (!isNameChar(before) && before !== 37) return !mayJoinKeyword(text, start - 1);
  return afterEncodedDelimiter(text, start, nameEnd);
}

/** The longest encoded delimiter before a name: `(25){0,3}` then two hexadecimal digits. */
const ENCODED_MAX = 8;

/**
 * Whether the name characters before `start` run back to a `%` (at most ENCODED_MAX of them, so
 * the whole run stays within the 64 `nameStart` reads back) and are exactly the delimiter
 * `encodedPrefix` cuts off. Without it every encoded name was read back and looked up again: a
 * crafted URL holds one every eleven characters.
 */
function afterEncodedDelimiter(text: string, start: number, nameEnd: number): boolean {
  let p = start - 1;
  while (p >= 0 && start - 1 - p < ENCODED_MAX && isNameChar(text.charCodeAt(p))) p--;
  if (p < 0 || text.charCodeAt(p) !== 37 || nameEnd - (p + 1) > 64) return false;
  return encodedPrefix(text, p + 1, nameEnd) === start - (p + 1);
}
