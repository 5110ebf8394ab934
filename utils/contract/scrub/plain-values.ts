/**
 * Whether a value after a credential's name is ordinary words rather than the credential:
 * `password: required`, `mot de passe : requis`, `authorization: none`, `Le secret : bien choisir`,
 * `{"password": ["This field is required."]}` are what pages and APIs say about credentials, and
 * support needs them word for word. And whether a short name's value is random (an OAuth code)
 * or reads as an error code (`IG_PERMISSION_MISSING`, `quotaExceeded`, `auth/popup-closed-by-user`).
 *
 * Every check reads a bounded slice (names and words are short), so none of them can make a
 * rule slower than linear.
 */
import { LETTERS, letterColumn, type WordTable, wordTable } from './word-table';

/** Single words that answer "password:" without being one (English and French). */
export const STATUS_WORDS =
  'required requis requise obligatoire mandatory missing manquant manquante absent absente none aucun aucune null nil undefined empty vide blank ' +
  'invalid invalide incorrect incorrecte wrong erroné erronée expired expiré expirée revoked révoqué révoquée forgotten forgot oublié oubliée ' +
  'reset réinitialisé réinitialisée changed changé changée modifié modifiée updated weak faible strong fort forte short court courte long longue ' +
  'ok okay yes oui no non not pas true false vrai faux hidden caché cachée masked masqué masquée redacted optional facultatif facultative optionnel ' +
  'optionnelle needed necessary nécessaire set unset defined défini définie present présent présente valid valide denied refusé refusée rejected ' +
  'accepted accepté acceptée disabled désactivé désactivée enabled activé activée unknown inconnu inconnue unavailable indisponible pending error ' +
  'erreur failed échec failure mismatch protected protégé protégée encrypted chiffré chiffrée saved enregistré enregistrée sent envoyé envoyée ' +
  'removed supprimé supprimée same identique unchanged inchangé inchangée different différent différente supported unsupported allowed autorisé ' +
  'autorisée forbidden interdit interdite unauthorized unauthorised authorized default défaut auto automatic automatique provided fourni fournie ' +
  'omitted omis ignored ignoré see voir below above ci-dessous ci-dessus n/a na tbd bien trop too rien nothing personne nobody';

/** Authorization schemes: `Authorization: Bearer …` is a credential however it reads (YouTube's web client signs with `SAPISIDHASH <time>_<hash>`). */
const SCHEMES =
  /^(?:bearer|basic|digest|token|oauth|negotiate|ntlm|hawk|apikey|api-key|aws4-hmac-sha256|sharedkey|mac|dpop|gnap|sapisid(?:[13]p)?hash)$/i;

/** The letters SCHEMES start with, b d t o n h a s m g, as bits from a (a bit test per word, not a string search). */
const SCHEME_FIRST = 0b11000111000011001011;

/** SCHEMES, tested only on words that start like one (most words do not: no search to start). */
const isSchemeAt = (text: string, from: number, to: number): boolean => {
  const c = text.charCodeAt(from);
  const l = c | 32;
  const startsLikeOne = l >= 97 && l <= 122 && (c <= 90 || c >= 97) && ((SCHEME_FIRST >> (l - 97)) & 1) === 1;
  return startsLikeOne && SCHEMES.test(text.slice(from, to));
};

/** `\s` of a regular expression: ASCII and Unicode spaces, line ends, BOM. */
export const isRegexSpace = (c: number): boolean =>
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

/**
 * STATUS_WORDS as a table (word-table.ts), read in place, over the columns a–z, é, `/` and `-`.
 * Built on first use (see utils/contract/scrub.ts). Every label's value and every JSON string is
 * looked up: cutting the word out and lowering it made two strings per value.
 */
interface StatusTable extends WordTable {
  /** The words, for a word with other non-ASCII letters, lowered as `toLowerCase` would. */
  words: Set<string>;
}
let STATUS: StatusTable | undefined;

/** A character's column once lowered as `toLowerCase` lowers it (a letter, then `/` and `-`), or -1 (none of the words holds it), or -2 (another non-ASCII character). */
function statusColumn(c: number): number {
  const letter = letterColumn(c);
  if (letter >= 0) return letter;
  if (c === 47) return LETTERS;
  if (c === 45) return LETTERS + 1;
  return c > 127 ? -2 : -1;
}

function statusTable(): StatusTable {
  if (STATUS) return STATUS;
  const words = STATUS_WORDS.split(' ');
  STATUS = { ...wordTable(words, LETTERS + 2, statusColumn), words: new Set(words) };
  return STATUS;
}

/** `STATUS_WORDS` holds `text[from, to)` lowered, as `has(text.slice(from, to).toLowerCase())` says. */
function isStatusWordAt(text: string, from: number, to: number): boolean {
  const { next, ends, columns, words } = statusTable();
  let state = 0;
  for (let i = from; i < to; i++) {
    const column = statusColumn(text.charCodeAt(i));
    // Another non-ASCII letter may lower into ASCII (the Kelvin sign into `k`): asked as written.
    if (column === -2) return words.has(text.slice(from, to).toLowerCase());
    if (column === -1) return false;
    state = next[state * columns + column]!;
    if (!state) return hasOtherNonAscii(text, i + 1, to) && words.has(text.slice(from, to).toLowerCase());
  }
  return ends[state] === 1;
}

/** Whether `text[from, to)` holds a non-ASCII character other than é and É. */
function hasOtherNonAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (statusColumn(text.charCodeAt(i)) === -2) return true;
  return false;
}

/*
 * The checks below run once per value, and a megabyte dense with credentials has 100,000 values:
 * each reads characters by code (a regular expression costs more to start than a short word to
 * read), and plain ASCII words, the common case, never reach the Unicode patterns.
 */

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiLetter = (c: number): boolean => isUpper(c) || isLower(c);

/** A word: letters (accented too), inner apostrophes and hyphens, no camelCase hump inside. */
const isWord = (w: string): boolean => isWordAt(w, 0, w.length);

/** `isWord` of `text[from, to)`, read in place: a value is checked without being cut out. */
function isWordAt(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n > 24 || n === 0) return false;
  let lower = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      const w = text.slice(from, to);
      return /^\p{L}[\p{L}'’-]*$/u.test(w) && !/\p{Ll}\p{Lu}/u.test(w);
    }
    if (isAsciiLetter(c)) {
      if (lower && c <= 90) return false;
      lower = c >= 97;
    } else if (i === from || (c !== 39 && c !== 45)) return false;
    else lower = false;
  }
  return true;
}

/** `isWordAt`'s verdict as `readsAsProse` reads a word: so far a word, not one, or one for the Unicode patterns. */
const WORD = 0;
const NOT_WORD = 1;
const UNICODE = 2;

/** `([«"'“` */
const isLeading = (c: number): boolean => c === 40 || c === 91 || c === 0xab || c === 34 || c === 39 || c === 0x201c;
/** `.,;:!?…)]»"'”` */
const isTrailing = (c: number): boolean =>
  c === 46 ||
  c === 44 ||
  c === 59 ||
  c === 58 ||
  c === 33 ||
  c === 63 ||
  c === 0x2026 ||
  c === 41 ||
  c === 93 ||
  c === 0xbb ||
  c === 34 ||
  c === 39 ||
  c === 0x201d;

/** Where the word of `text[from, to)` starts past the quotes and brackets before it. */
function wordStart(text: string, from: number, to: number): number {
  while (from < to && isLeading(text.charCodeAt(from))) from++;
  return from;
}

/** Where the word of `text[from, to)` ends before the punctuation after it. */
function wordEnd(text: string, from: number, to: number): number {
  while (to > from && isTrailing(text.charCodeAt(to - 1))) to--;
  return to;
}

/** The word without the quotes and brackets before it and the punctuation after it. */
function trimPunctuation(w: string): string {
  const from = wordStart(w, 0, w.length);
  const to = wordEnd(w, from, w.length);
  return from === 0 && to === w.length ? w : w.slice(from, to);
}

/** Ends like a sentence: `.`, `!`, `?`, `…`. */
const endsSentence = (w: string): boolean => isSentenceEnd(w.charCodeAt(w.length - 1));
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;

/**
 * For a name written as a label in prose or a header dump (`password: …`): whether what follows
 * reads as words. A status word (`required`, `requis`, `none`), or a word followed by more text
 * on the line (`bien choisir`, `Session has expired`), or a small number followed by a word
 * (`8 caractères minimum`). A lone word that is not a status word is taken for a password
 * (`password: letmein`); anything with digits or symbols in it is a credential.
 */
export function readsAsProse(text: string, at: number): boolean {
  const limit = Math.min(text.length, at + 80);
  // One pass to the first space reads what `wordStart`, `wordEnd` and `isWordAt` would each read
  // again: where the word starts past the quotes and brackets before it, where it ends before the
  // punctuation after it, and `isWordAt`'s verdict on it. Every label's value asks this.
  let from = -1;
  let to = -1;
  let end = at;
  // `isWordAt` read up to here, and as it stood at `to`: still a word, not one, or a question for
  // the Unicode patterns (a non-ASCII character came first).
  let word = WORD;
  let wordAtTo = WORD;
  let lower = false;
  for (; end < limit; end++) {
    const c = text.charCodeAt(end);
    if (isSpace(c)) break;
    if (from < 0) {
      if (isLeading(c)) continue;
      from = end;
    }
    if (isAsciiLetter(c)) {
      if (word === WORD) {
        if (lower && c <= 90) word = NOT_WORD;
        lower = c >= 97;
      }
    } else {
      if (word === WORD) {
        if (c > 127) word = UNICODE;
        else if (end === from || (c !== 39 && c !== 45)) word = NOT_WORD;
        else lower = false;
      }
      if (isTrailing(c)) continue;
    }
    to = end + 1;
    wordAtTo = word;
  }
  if (to < 0) return true;
  // More text on the line: spaces or tabs, then a letter (or anything, after a word).
  let next = end;
  while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
  const more = next > end && next < text.length && !isSpace(text.charCodeAt(next));
  const wordLike = to - from <= 24 && (wordAtTo === WORD || (wordAtTo === UNICODE && isWordAt(text, from, to)));
  // A word with more text after it reads as prose, status word or not: checked first, it spares
  // lowering the word and looking it up.
  if (wordLike && more && !isSchemeAt(text, from, to)) return true;
  if (isStatusWordAt(text, from, to)) return true;
  if (wordLike) return isSentenceEnd(text.charCodeAt(end - 1));
  return more && /^\d{1,3}$/.test(text.slice(from, to)) && /\p{L}/u.test(text[next]!);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 12 || c === 11;

/**
 * For a quoted value (JSON, a JS object dump): whether it is a status word or a sentence, e.g. a
 * validation message `"This field is required."`. A sentence has three words or more, of letters
 * (one short number allowed), and ends like one; `"correct horse battery staple"` does not.
 */
export function quotedProse(value: string): boolean {
  const t = value.trim();
  if (!t) return true;
  if (t.length > 300) return false;
  const from = wordStart(t, 0, t.length);
  if (isStatusWordAt(t, from, wordEnd(t, from, t.length))) return true;
  // Checked before splitting: most values do not end like a sentence.
  if (!endsSentence(t) && t.charCodeAt(t.length - 1) !== 41) return false;
  const words = t.split(/\s+/);
  if (words.length < 3) return false;
  let numbers = 0;
  for (const w of words) {
    const core = trimPunctuation(w);
    if (isWord(core) || (/^\d{1,3}$/.test(core) && ++numbers === 1)) continue;
    return false;
  }
  return !SCHEMES.test(words[0]!);
}

/** JSON's and JS's literals: a credential's name with one of these holds nothing. */
export function isLiteral(value: string): boolean {
  // Every literal starts with `n`, `t`, `f`, `u` (either case) or a mask's symbol: most values go no further.
  const c = value.charCodeAt(0);
  const l = c | 32;
  if (!(l === 110 || l === 116 || l === 102 || l === 117 || c === 42 || c === 45 || c > 127)) return false;
  return /^(?:null|true|false|undefined|none|nil|NaN|[*•●·—–-]+)$/i.test(value);
}

/**
 * Whether the value of a short name (`code`, `key`, `session`…) looks random, i.e. is a
 * credential: a part of eight characters or more that is not a part of an error code or a
 * dotted key (`IG_PERMISSION_MISSING`, `quotaExceeded`, `draw.results.title`, `2024-11-24`).
 * Random strings mix digits into letters (`AQDx9k2m`), change case at random (`AQDxkmLp`) or
 * run longer than words do.
 */
export const looksRandom = (value: string): boolean => looksRandomAt(value, 0, value.length);

/**
 * `looksRandom` of `text[from, to)`, read in place in one pass: a megabyte of `code=…&` holds
 * 75,000 values, and cutting each out, searching it, splitting it and matching each part cost
 * four times what reading its characters does. Reads exactly as
 * `/[a-z]{17}|[A-Z]{17}/.test(v) || v.split(/[_./:-]+/).some((p) => p.length >= 8 && !CODE_PART.test(p))`
 * (see `isCodePart`), checked against that form by utils/contract/scrub/plain-values.test.ts.
 */
export function looksRandomAt(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 8) return false;
  // Words are short: a run of 17 letters in one case is not part of an error code.
  if (n > 80) return true;
  let lowerRun = 0;
  let upperRun = 0;
  let partStart = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) {
      if (++lowerRun === 17) return true;
      upperRun = 0;
    } else if (isUpper(c)) {
      if (++upperRun === 17) return true;
      lowerRun = 0;
    } else {
      lowerRun = upperRun = 0;
      if (c === 95 || c === 46 || c === 47 || c === 58 || c === 45) {
        // A random part is long: `8f3k2` in `participants-8f3k2.csv` is an id, `AQDx9k2mLpq` a code.
        if (i - partStart >= 8 && !isCodePart(text, partStart, i)) return true;
        partStart = i + 1;
      }
    }
  }
  return to - partStart >= 8 && !isCodePart(text, partStart, to);
}

/**
 * Whether `text[from, to)` is one part of an error code:
 * `^(?:\d+|[A-Z]+\d*|[a-z]+\d*|[A-Z]*(?:[A-Z][a-z]+)+\d*|[a-z]+(?:[A-Z][a-z]+)+\d*)$`, i.e. a
 * number, or letters with an optional number at the end that are all capitals, or that end in a
 * small letter and whose capitals, after those it starts with, come one at a time (`quotaExceeded`,
 * `OAuthException`, `ERROR404`).
 */
function isCodePart(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && isDigitCode(text.charCodeAt(end - 1))) end--;
  if (end === from) return true;
  let leading = true;
  let lower = false;
  let upperRun = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isUpper(c)) {
      if (++upperRun === 2 && !leading) return false;
    } else if (isLower(c)) {
      leading = false;
      lower = true;
      upperRun = 0;
    } else return false;
  }
  return !lower || isLower(text.charCodeAt(end - 1));
}

/** `\w` of a regular expression. */
const isWordChar = (c: number): boolean => isAsciiLetter(c) || isDigitCode(c) || c === 95;

/**
 * Whether an `Authorization:`-like value names a scheme or reads as words (`none`, `required for
 * this Page`): `/^["']?([\w-]+)[ \t]+\S/` on the value's first 40 characters, whose first group is
 * one of SCHEMES, read in place (every header dump's value asks it).
 */
export function schemeFirst(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 40);
  let i = at;
  if (i < end && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39)) i++;
  const from = i;
  while (i < end && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
  const to = i;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return to > from && i > to && i < end && !isRegexSpace(text.charCodeAt(i)) && isSchemeAt(text, from, to);
}
