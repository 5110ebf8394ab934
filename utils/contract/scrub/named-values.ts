/**
 * Credentials recognised by the name before them, in every way pages write a name and a value:
 * query strings and form bodies (`access_token=…`, also percent-encoded once or twice:
 * `%26access_token%3D…`, `%2526access_token%253D…`), JSON and JS objects (`"secret": "…"`,
 * `\"token\":\"…\"`, `'apiKey': '…'`, `{ password: 84736251 }`), header dumps (`X-Api-Key: …`,
 * `Authorization: Bearer …`) and prose (`mot de passe : …`).
 *
 * One pass, in linear time: a regular expression finds a credential word followed by a separator
 * (anchored on the word, so ordinary text costs no more than a search), the name around it is
 * read backwards over at most 64 characters, and the value is read forwards once; the search
 * then resumes after the value, so no character is read twice by a value.
 */
import { markerAt, removed } from './markers';
import { isLiteral, looksRandom, quotedProse, readsAsProse, schemeFirst } from './plain-values';
import { type NameKind, nameKind } from './secret-names';
import { Splicer } from './splicer';

/** Words one of which every credential's name contains; the full name decides (secret-names.ts). */
const KEYWORDS =
  'mot[ _-]?de[ _-]?passe|' +
  "cl[eé]s?[ _-](?:api|secr[eè]te|priv[eé]e|d'api)|" +
  "jeton(?: d'acc[eè]s)?|" +
  '(?:api|secret|private|access|refresh|client|session|id|app)[ ](?:key|token|secret)|' +
  'code[ _-](?:secret|pin)|' +
  'token|secret|pass|pwd|mdp|sess|sid|key|auth|code|sig|cred|cookie|jwt|otp|cvv|cvc|csc|verifier|proof|remember|srf|ticket|saml|login_info|logged_in|pin';

type Form = 'pair' | 'json' | 'label';

interface Patterns {
  named: RegExp;
  lineRest: RegExp;
  jsonBare: RegExp;
  labelToken: RegExp;
  headerToken: RegExp;
  headerLine: RegExp;
}

/** Built on first use (see utils/contract/scrub.ts). Sticky patterns read one value where they are put. */
let PATTERNS: Patterns | undefined;
const patterns = (): Patterns =>
  (PATTERNS ||= {
    // keyword and the rest of the name, if a separator follows: `]` of `user[password]`, a
    // closing quote, spaces, then `=`, `:`, `=>` or an encoded `=` (read again by `readSeparator`).
    named: new RegExp(
      String.raw`(?:${KEYWORDS})[\w.$-]{0,60}(?=(?:\]|%5D)?(?:\\{0,7}["'])?[ \t]{0,3}(?:=>|=(?!=)|:(?![:/])|%(?:25){0,3}3D))`,
      'gi',
    ),
    lineRest: /[^\r\n"'\\]*/y,
    jsonBare: /[^\s,}\]]*/y,
    labelToken: /[^\s,;&"'<>)\]}]*/y,
    headerToken: /\S*/y,
    headerLine: /[^\r\n]*/y,
  });

const isNameChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 45;

/** Length of the quote (`"`, `'`, or an escaped one: `\"`, `\\\"`) that starts at `at`, or 0. */
function quoteLength(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 92 && i - at < 7) i++;
  const c = text.charCodeAt(i);
  return c === 34 || c === 39 ? i - at + 1 : 0;
}

/**
 * Where a string opened by a quote with `escapes` backslashes closes: the next such quote whose
 * backslashes are exactly its own (more would make it an escaped quote inside the value).
 * -1 when the line ends first.
 */
function closingQuote(text: string, from: number, quote: string, escapes: number, lineEnd: number): number {
  for (let i = text.indexOf(quote, from); i >= 0 && i < lineEnd; i = text.indexOf(quote, i + 1)) {
    let n = 0;
    while (text.charCodeAt(i - n - 1) === 92) n++;
    if (n >= escapes && (n - escapes) % (2 * (escapes + 1)) === 0) return i - escapes;
  }
  return -1;
}

function atLineStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 16 && isBlank(text.charCodeAt(i - 1))) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13;
}

/** Tokens that the shape rules name better (`[removed: Facebook token]` after `token:`). */
const NAMED_BY_SHAPE = /eyJ|EAA[A-Za-z0-9]|IG[A-Z]{2}|AIza|ya29\./y;
/** Whether `NAMED_BY_SHAPE` can match at `at`: its first letters, checked before the search is started. */
const shapeFirst = (c: number): boolean => c === 101 || c === 69 || c === 73 || c === 65 || c === 121;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Whether a quoted value (or a JSON array's item) of a name of this kind is a credential. */
function quotedSecret(kind: NameKind, value: string, form: Form): boolean {
  if (!value || isLiteral(value)) return false;
  switch (kind) {
    case 'key':
      return !/^\d+$/.test(value) && (form === 'pair' || !quotedProse(value));
    case 'strong':
    case 'field':
      return form === 'pair' || !quotedProse(value);
    case 'weak':
      return looksRandom(value);
    case 'authorization':
      return schemeFirst(value, 0) || !(quotedProse(value) || readsAsProse(value, 0));
    case 'cookie':
      return value.includes('=') || looksRandom(value);
  }
}

/** One pass over one text: its output so far, and the end of the line last looked up. */
interface Scan {
  text: string;
  out: Splicer;
  lineFrom: number;
  lineEndAt: number;
}

function lineEnd(s: Scan, at: number): number {
  if (at < s.lineFrom || at > s.lineEndAt) {
    s.lineFrom = at;
    s.lineEndAt = s.text.indexOf('\n', at);
    if (s.lineEndAt < 0) s.lineEndAt = s.text.length;
  }
  return s.lineEndAt;
}

function replace(s: Scan, from: number, to: number, marker: string): void {
  s.out.put(from, to, marker);
}

/** Where a sticky pattern's match from `at` ends. */
function readTo(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  sticky.test(text);
  return sticky.lastIndex;
}

/** `\s` of a regular expression: ASCII and Unicode spaces, line ends, BOM. */
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c > 127 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/*
 * Where a value ends, read by character code rather than by a sticky pattern (one value in a
 * megabyte dense with credentials is a few characters: starting a search costs more than reading
 * them). Past SHORT characters, the pattern reads on: it reads a long run faster.
 */
const SHORT = 24;

/** `[^\s,}\]]*`: a bare JSON value. */
function jsonBareEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  for (let c = text.charCodeAt(at); at < stop && !isSpace(c) && c !== 44 && c !== 125 && c !== 93; c = text.charCodeAt(++at));
  return at < text.length && at === stop ? readTo(patterns().jsonBare, text, at) : at;
}

/**
 * A query or form value's end: a delimiter, plain or percent-encoded once or twice (`%26`, `%2526`):
 * `(?:[^\s&#"'<>;,)\]}\\%]|%(?!(?:25){0,3}(?:26|23|3D)))*`.
 */
function pairValueEnd(text: string, at: number): number {
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
  for (let n = 0; n < 3 && text.charCodeAt(at) === 50 && text.charCodeAt(at + 1) === 53; n++) at += 2;
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return (a === 50 && (b === 54 || b === 51)) || (a === 51 && (b | 32) === 100);
}

/** `^[^\s=;,"']{1,64}=` at `at`: a cookie header's value (`Cookie: a=1; b=2`), not a word. */
function startsWithPair(text: string, at: number): boolean {
  for (let i = at; i < at + 65; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) return i > at;
    if (i >= text.length || isSpace(c) || c === 59 || c === 44 || c === 34 || c === 39) return false;
  }
  return false;
}

/** `\S*`: a token on a header line. */
function headerTokenEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  while (at < stop && !isSpace(text.charCodeAt(at))) at++;
  return at < text.length && at === stop ? readTo(patterns().headerToken, text, at) : at;
}

/** `[^\s,;&"'<>)\]}]*`: a token after a label. */
function labelTokenEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + SHORT);
  for (let c = text.charCodeAt(at); at < stop; c = text.charCodeAt(++at)) {
    if (isSpace(c) || c === 44 || c === 59 || c === 38 || c === 34 || c === 39 || c === 60 || c === 62 || c === 41 || c === 93 || c === 125)
      break;
  }
  return at < text.length && at === stop ? readTo(patterns().labelToken, text, at) : at;
}

/** Reads the quoted string at `at` (quote `len` long), removes it if it is a credential; returns where it ends. */
function readString(s: Scan, at: number, len: number, kind: NameKind, form: Form, marker: string): number {
  const contentStart = at + len;
  const le = lineEnd(s, contentStart);
  const close = closingQuote(s.text, contentStart, s.text[at + len - 1]!, len - 1, le);
  const contentEnd = close >= 0 ? close : le;
  const end = close >= 0 ? close + len : contentEnd;
  if (!markerAt(s.text, contentStart) && quotedSecret(kind, s.text.slice(contentStart, contentEnd), form)) {
    // After a bare label (`{access_token: "…"}`, a console's object dump) the quotes go too, as
    // they always have; a header's value (`Authorization: "Bearer …"`) and JSON keep theirs.
    if (form === 'label' && kind !== 'authorization' && kind !== 'cookie') replace(s, at, end, marker);
    else replace(s, contentStart, contentEnd, marker);
  }
  return end;
}

/** Reads a JSON array of strings item by item (`"password": ["This field is required."]` is kept). */
function readList(s: Scan, at: number, kind: NameKind, marker: string): number {
  const text = s.text;
  for (;;) {
    while (isBlank(text.charCodeAt(at))) at++;
    const len = quoteLength(text, at);
    if (!len) return at;
    at = readString(s, at, len, kind, 'json', marker);
    while (isBlank(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 44) return at;
    at++;
  }
}

/** Whether the value `readBare` read last is a credential (a tuple per value would be garbage). */
let bareSecret = false;

/** Reads an unquoted value from `v`; returns its end and sets `bareSecret`. */
function readBare(text: string, v: number, nameStart: number, kind: NameKind, form: Form): number {
  const p = patterns();
  let end: number;
  if (form === 'pair') {
    end = pairValueEnd(text, v);
    bareSecret =
      kind === 'weak'
        ? looksRandomAt(text, v, end)
        : kind === 'cookie'
          ? hasEquals(text, v, end) || looksRandomAt(text, v, end)
          : end > v && !isLiteralAt(text, v, end);
  } else if (form === 'json') {
    end = jsonBareEnd(text, v);
    bareSecret =
      end > v &&
      !isLiteralAt(text, v, end) &&
      (kind === 'weak' ? looksRandomAt(text, v, end) : kind !== 'cookie' || hasEquals(text, v, end));
  } else if (kind === 'authorization' || (kind === 'cookie' && startsWithPair(text, v))) {
    // A header's whole value: `Authorization: Bearer …`, `Cookie: a=1; b=2`, unless it reads as words.
    // On a header line, the whole line (`Digest username="…", response="…"`); inside a quoted
    // string, up to its end.
    end = readTo(atLineStart(text, nameStart) ? p.headerLine : p.lineRest, text, v);
    bareSecret = end > v && (schemeFirst(text, v) || !readsAsProse(text, v));
  } else {
    // A label in prose or a header dump: one token (on a header line, up to the first space).
    end = atLineStart(text, nameStart) ? headerTokenEnd(text, v) : labelTokenEnd(text, v);
    bareSecret =
      kind === 'weak' || kind === 'cookie' ? looksRandomAt(text, v, end) : end > v && !isLiteralAt(text, v, end) && !readsAsProse(text, v);
  }
  // `api_key=1234567890` on Facebook's login pages is the app's public id.
  if (kind === 'key' && allDigits(text, v, end)) bareSecret = false;
  return end;
}

/*
 * The checks of a value, on its place in the text: most values (`x`, `abc123`) are decided
 * without being cut out of it.
 */

/** `isLiteral` of `text[from, to)`: every literal starts with n, t, f, u (either case) or a mask's symbol. */
function isLiteralAt(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(from);
  const l = c | 32;
  return (l === 110 || l === 116 || l === 102 || l === 117 || c === 42 || c === 45 || c > 127) && isLiteral(text.slice(from, to));
}

/** `looksRandom` of `text[from, to)`: nothing shorter than 8 characters does. */
const looksRandomAt = (text: string, from: number, to: number): boolean => to - from >= 8 && looksRandom(text.slice(from, to));

/** Whether `text[from, to)` holds a `=` (read within the value only: a search could run to the text's end). */
function hasEquals(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 61) return true;
  return false;
}

/** `/^\d+$/` on `text[from, to)`. */
function allDigits(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
}

/** What follows a name: the closing quote's length, whether spaces come before the separator, its kind. */
interface Separator {
  close: number;
  spaced: boolean;
  equals: boolean;
  end: number;
}

/** Reads what `named`'s lookahead saw after the name at `at` (no captures: a match costs less). */
function readSeparator(text: string, at: number, sep: Separator): void {
  const first = text.charCodeAt(at);
  if (first === 93) at++;
  else if (first === 37 && text.charCodeAt(at + 1) === 53 && (text.charCodeAt(at + 2) | 32) === 100) at += 3;
  sep.close = quoteLength(text, at);
  at += sep.close;
  const spacesFrom = at;
  while (isBlank(text.charCodeAt(at))) at++;
  sep.spaced = at > spacesFrom;
  const c = text.charCodeAt(at);
  const arrow = c === 61 && text.charCodeAt(at + 1) === 62;
  sep.equals = c === 37 || (c === 61 && !arrow);
  if (c === 37) at = text.indexOf('3', at) + 2;
  else at += arrow ? 2 : 1;
  sep.end = at;
}

/**
 * Length of the encoded delimiter (`26` of `%26`, `2526` of `%2526`) at the start of a name read
 * back to a `%`: `(25){0,3}` then two hexadecimal digits.
 */
function encodedPrefix(text: string, from: number, to: number): number {
  let i = from;
  for (let n = 0; n < 3 && i + 1 < to && text.charCodeAt(i) === 50 && text.charCodeAt(i + 1) === 53; n++) i += 2;
  // Backtrack like the pattern does: `%252` followed by one hex digit is `%25` then `2x`.
  while (i > from && !(i + 2 <= to && isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1)))) i -= 2;
  return i + 2 <= to && isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1)) ? i + 2 - from : 0;
}
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/** Markers by form and name, remembered like the names' kinds (secret-names.ts). */
let MARKERS: Record<Form, Map<string, string>> | undefined;
function markerFor(name: string, kind: NameKind, form: Form): string {
  MARKERS ||= { pair: new Map(), json: new Map(), label: new Map() };
  const known = MARKERS[form];
  let marker = known.get(name);
  if (marker === undefined) {
    if (known.size >= 2048) known.clear();
    marker = removed(kind === 'cookie' ? 'cookie' : kind === 'authorization' || form === 'label' ? name.toLowerCase() : name);
    known.set(name, marker);
  }
  return marker;
}

/** The longest keyword (`refresh secret`), and the longest match of `named`: a keyword and 60. */
const KEYWORD_MAX = 14;
const MATCH_MAX = KEYWORD_MAX + 60;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

/**
 * The words a keyword with a space or an apostrophe in it has before it: `mot de passe`, `clé API`,
 * `jeton d'accès`, `api key`, `client secret`, `code pin`… (see KEYWORDS).
 */
const JOINED = 'mot de cle clé cles clés jeton d api secret private access refresh client session id app code';
/** JOINED by last letter (`id` is in `d`'s), built on first use (see utils/contract/scrub.ts). */
let JOINED_BY_LAST: Map<number, string[]> | undefined;
function joinedEndingWith(c: number): string[] | undefined {
  if (!JOINED_BY_LAST) {
    JOINED_BY_LAST = new Map();
    for (const word of JOINED.split(' ')) {
      const last = word.charCodeAt(word.length - 1);
      JOINED_BY_LAST.set(last, [...(JOINED_BY_LAST.get(last) ?? []), word]);
    }
  }
  return JOINED_BY_LAST.get(c);
}

/**
 * Whether a keyword can run on across the character at `at`, just before a name's characters: an
 * accent or another non-ASCII character after a letter (`clé`, `secrète`), or a space or an
 * apostrophe after one of JOINED's words (the search has no word boundary: `xapi key` holds
 * `api key`). `Le secret :`, `Your password:` and `Cookie: a` cannot.
 */
function mayJoinKeyword(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 32 && c !== 39) return c > 127 && isLetter(text.charCodeAt(at - 1));
  for (const joined of joinedEndingWith(text.charCodeAt(at - 1) | 32) ?? []) if (endsWithWord(text, at, joined)) return true;
  return false;
}

/** Whether `word` (lower case) ends at `at`, in either case: `| 32` lowers A–Z and É, È, nothing else into a–z, é, è. */
function endsWithWord(text: string, at: number, word: string): boolean {
  if (at < word.length) return false;
  for (let k = 1; k <= word.length; k++) if ((text.charCodeAt(at - k) | 32) !== word.charCodeAt(word.length - k)) return false;
  return true;
}

/**
 * Where the name around the keyword that `named` found, ending at `nameEnd`, starts: back over name
 * characters, at most 64 of them before the keyword; -1 if it runs longer.
 *
 * The search is run as a test, which says where a match ends but not where it starts (it costs
 * less: a megabyte can hold 130,000 names). Reading back from the end gives the same start
 * whenever the keyword is made of name characters and the name is 64 characters or less; a
 * name that runs back past any possible keyword's 64 characters is too long whatever the keyword.
 * Otherwise (a keyword with a space, an apostrophe or an accent in it: `mot de passe`, `clé API`,
 * `jeton d'accès`, or a long name) the search runs again to say where the match starts, from at
 * most MATCH_MAX characters back: no match starts before the one the test found.
 */
function nameStart(text: string, re: RegExp, from: number, nameEnd: number): number {
  const floor = Math.max(0, nameEnd - MATCH_MAX - 65);
  let start = nameEnd;
  while (start > floor && isNameChar(text.charCodeAt(start - 1))) start--;
  if (start === floor && start > 0 && isNameChar(text.charCodeAt(start - 1))) return -1;
  if (nameEnd - start <= 64) {
    // A keyword goes on before the name characters only through a space, an apostrophe or an
    // accent right after a letter (`mot de`, `d'api`, `clé`), and then starts at most
    // KEYWORD_MAX characters back: elsewhere (`Cookie: a`, `"token"`) the start is known.
    if (!mayJoinKeyword(text, start - 1)) return start;
    re.lastIndex = Math.max(from, start - KEYWORD_MAX - 1);
  } else re.lastIndex = Math.max(from, nameEnd - MATCH_MAX - 1);
  const m = re.exec(text)!;
  start = m.index;
  const limit = Math.max(0, start - 64);
  while (start > limit && isNameChar(text.charCodeAt(start - 1))) start--;
  return start === limit && start > 0 && isNameChar(text.charCodeAt(start - 1)) ? -1 : start;
}

/** The name read last, its kind and its markers by form. */
interface LastName {
  name: string;
  kind: NameKind | undefined;
  markers: Partial<Record<Form, string>>;
  /** Only name characters, 64 or fewer: found again where `nameStart` would find it, see `endsName`. */
  plain: boolean;
}

/** `text.startsWith(word, at)`, read in place (a short name: the built-in costs more to call than to run). */
function sameAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a plain name found again at `start` is the whole name `nameStart` would read: no name
 * character before it, no `%` (an encoded delimiter's digits would be cut off), and nothing that
 * could join a keyword across it (a space, an apostrophe or an accent after a letter).
 */
function endsName(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  return !isNameChar(before) && before !== 37 && !mayJoinKeyword(text, start - 1);
}

/** Removes the values of credentials' names (see the module comment). */
export function scrubNamedValues(text: string): string {
  const re = patterns().named;
  re.lastIndex = 0;
  const s: Scan = { text, out: new Splicer(text), lineFrom: -1, lineEndAt: -1 };
  const sep: Separator = { close: 0, spaced: false, equals: false, end: 0 };
  const last: LastName = { name: '', kind: undefined, markers: {}, plain: false };
  for (let from = 0; re.test(text); from = re.lastIndex) {
    const nameEnd = re.lastIndex;
    // Names repeat (a log writes the same ones over and over): the last one is compared in
    // place, with no string cut out of the text and looked up for it.
    let start = nameEnd - last.name.length;
    if (!(last.plain && start >= 0 && sameAt(text, start, last.name) && endsName(text, start))) {
      start = nameStart(text, re, from, nameEnd);
      if (start < 0) continue;
      // `%26access_token`, `%253Faccess_token`: the encoded delimiter is not part of the name.
      if (text.charCodeAt(start - 1) === 37) start += encodedPrefix(text, start, nameEnd);
      if (nameEnd - start !== last.name.length || !sameAt(text, start, last.name)) {
        last.name = text.slice(start, nameEnd);
        last.kind = last.name ? nameKind(last.name) : undefined;
        last.markers = {};
        last.plain = last.name.length <= 64 && isPlainName(last.name);
      }
    }
    const { name, kind } = last;
    if (!kind) continue;
    readSeparator(text, nameEnd, sep);
    const form: Form = sep.close ? 'json' : sep.equals && !sep.spaced ? 'pair' : 'label';
    const effective: NameKind = kind === 'field' && form === 'label' ? 'weak' : kind;
    last.markers[form] ||= markerFor(name, kind, form);
    const marker = last.markers[form]!;

    let v = sep.end;
    if (form !== 'pair') while (isBlank(text.charCodeAt(v))) v++;
    const q = quoteLength(text, v);
    if (markerAt(text, v + q)) continue;
    if (q) {
      re.lastIndex = readString(s, v, q, effective, form, marker);
      continue;
    }
    if (text.charCodeAt(v) === 91 && form === 'json') {
      re.lastIndex = readList(s, v + 1, effective, marker);
      continue;
    }
    // An object (`"credentials": {…}`): its own names are read one by one.
    const c = text.charCodeAt(v);
    if (c === 123) continue;
    if (form === 'label' && shapeFirst(c)) {
      NAMED_BY_SHAPE.lastIndex = v;
      if (NAMED_BY_SHAPE.test(text)) continue;
    }
    const end = readBare(text, v, start, effective, form);
    if (bareSecret) replace(s, v, end, form === 'json' ? `"${marker}"` : marker);
    re.lastIndex = Math.max(end, sep.end);
  }
  return s.out.finish();
}
