/**
 * Which names carry a credential, decided on the name's words rather than on its spelling, so
 * that `access_token`, `accessToken`, `X-Access-Token`, `csrftoken` and `next-auth.session-token`
 * are one rule, while `token_type`, `nextPageToken`, `error_code` and `public_key` (ordinary
 * values support needs) are not credentials at all.
 *
 * Kinds:
 * - `strong`: whatever the value is, it is a credential (`password=abc` is removed, short as it is).
 * - `key`: strong names that end in `key` or `sid`, except for a plain number: Facebook's login
 *   pages carry `api_key=<app id>`, which is public.
 * - `field`: `pass`, `pin`: strong as a form field or JSON key (`pass=abc`), weak in prose, where
 *   `Votre pass : Premium` is a subscription, not a password.
 * - `weak`: short, common names (`code`, `key`, `session`…) whose value is a credential only when it
 *   looks random: `?code=AQDx9k…` is an OAuth code, `?code=IG_PERMISSION_MISSING` an error code.
 * - `authorization` and `cookie`: a header's whole value, marked under the header's name.
 */

import { onFirstUse } from './on-first-use';
import { isDigitCode, isLower, isUpper } from './plain-values';
import { hasWord, NAME_COLUMNS, nameColumn, type WordTable, wordAt, wordTable } from './word-table';

export type NameKind = 'strong' | 'key' | 'field' | 'weak' | 'authorization' | 'cookie';

/** The word lists a name's kind is decided on, as written (each becomes a table: `lists`). */
export const NAME_WORDS = {
  /** Last words that make the name about the credential, not the credential (`token_type`). */
  meta: 'type kind length len min max count policy hint hints strength rule rules required label field name names url uri endpoint path enabled disabled visible format version prefix suffix at date time ttl expires expiry expiration lifetime changed updated created reset placeholder help error errors valid invalid mode scope scopes header location',
  /** Right before `token`, words that make it a position in a list, not a credential (`nextPageToken`; `page_access_token` is one). */
  paging: 'page pagination cursor continuation sync',
  /** `<owner> key` that are secrets (`api_key`, `secretKey`); `cache_key` or `public_key` are not. */
  keyOwners:
    'api secret private access client auth session encryption signing sign master license licence app account subscription developer consumer webhook server service hmac shared',
  /** `<owner> code` that are secrets (`auth_code`, `verification_code`); `error_code` is not. */
  codeOwners:
    'auth authorization oauth verification verify otp security access reset recovery confirmation login mfa sms twofa 2fa pin activation secret one time backup',
  /** Single last words that are credentials. */
  strongLast:
    'token secret creds sig signature sid sessid sess jwt otp totp hotp cvv cvc cvv2 cvc2 csc verifier proof pwd mdp passcode jeton bearer samlresponse',
  /** Short names that are credentials only when their value looks random. */
  weak: 'code key auth session ticket csrf xsrf',
};

/** The words that make a name a credential wherever they stand in its joined words: `client_secret`, `secretAccessKey`, `new_password`. */
const ANYWHERE =
  'secret secrète password passwort passwd passphrase credential apikey privatekey motdepasse secrete logininfo signedrequest';
/** The words after `clé` that make it a credential: `clé API`, `clé privée` (a `clé de tirage` is not). */
const CLE_OWNERS = 'api prive prives privee privees privé privés privée privées';

/** A word list as a table read in place (word-table.ts): asked of every new name's words. */
const wordList = (list: string): WordTable => wordTable(list.split(' '), NAME_COLUMNS, nameColumn);

/** Built on first use: a table at module level is a side effect bundlers keep (see utils/contract/scrub.ts). */
const lists = /* @__PURE__ */ onFirstUse(
  (): Record<keyof typeof NAME_WORDS | 'anywhere' | 'cleOwners', WordTable> => ({
    anywhere: wordList(ANYWHERE),
    cleOwners: wordList(CLE_OWNERS),
    meta: wordList(NAME_WORDS.meta),
    paging: wordList(NAME_WORDS.paging),
    keyOwners: wordList(NAME_WORDS.keyOwners),
    codeOwners: wordList(NAME_WORDS.codeOwners),
    strongLast: wordList(NAME_WORDS.strongLast),
    weak: wordList(NAME_WORDS.weak),
  }),
);

/**
 * The words of the name being decided, lower-cased and written one after the other, so that
 * their concatenation is the joined name (`accesstoken`): word `k` is `codes[ends[k - 1], ends[k])`.
 * One scratch space for every decision: a decision makes no string. A megabyte can hold 80,000
 * names never seen before (`x1_token=…&x2_token=…`); in Chromium, deciding one on strings (lowered,
 * cut into words, joined) took 300–450 ns, and takes 130–160 ns here.
 * Made on first use (see utils/contract/scrub.ts), larger for a longer name.
 */
let WORDS: { codes: Uint16Array; ends: Int32Array } | undefined;
function scratch(size: number): { codes: Uint16Array; ends: Int32Array } {
  if (!WORDS || WORDS.codes.length < size)
    WORDS = { codes: new Uint16Array(Math.max(size, 128)), ends: new Int32Array(Math.max(size, 128)) };
  return WORDS;
}

/** Where word `k` of the scratch starts. */
const wordStart = (ends: Int32Array, k: number): number => (k ? ends[k - 1]! : 0);

/**
 * Writes the lower-case words of a name into the scratch, and says how many: camelCase,
 * snake_case, kebab-case, dots and spaces all split. What `nameWordsAsWritten` says, read in one
 * pass with no string made.
 */
function readWords(name: string): number {
  const { codes, ends } = scratch(name.length);
  let n = 0;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // A lower-case letter or a digit (most characters of most names): part of a word, and
    // starts none; as lowered as `| 32` would make it.
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      inWord = true;
      codes[n++] = c;
      continue;
    }
    // Only é and è, either case, come into a name beyond ASCII (the keywords' accents): anything
    // else is lowered and split as written.
    if (c > 127 && c !== 233 && c !== 232 && c !== 201 && c !== 200) return writeWords(nameWordsAsWritten(name));
    if (!isWordChar(c)) {
      if (inWord) ends[count++] = n;
      inWord = false;
      continue;
    }
    if (inWord && startsWord(name, i, c)) ends[count++] = n;
    inWord = true;
    // `| 32` lowers A–Z, É and È, and leaves a–z, é, è and digits as they are: as `toLowerCase`.
    codes[n++] = c | 32;
  }
  if (inWord) ends[count++] = n;
  return count;
}

/** Writes words already cut (`nameWordsAsWritten`) into the scratch; says how many. */
function writeWords(words: string[]): number {
  const { codes, ends } = scratch(words.reduce((n, w) => n + w.length, 0));
  let n = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    for (let i = 0; i < word.length; i++) codes[n++] = word.charCodeAt(i);
    ends[k] = n;
  }
  return words.length;
}

/** The lower-case words of a name, as strings (what `readWords` writes). */
export function nameWords(name: string): string[] {
  const count = readWords(name);
  const { codes, ends } = WORDS!;
  const words: string[] = [];
  for (let k = 0; k < count; k++) words.push(String.fromCharCode(...codes.subarray(wordStart(ends, k), ends[k])));
  return words;
}

/** What the split keeps, before lowering: ASCII letters and digits, é, è, É, È. */
const isWordChar = (c: number): boolean => isUpper(c) || isLower(c) || isDigitCode(c) || c === 233 || c === 232 || c === 201 || c === 200;

/**
 * Whether an upper-case letter at `i`, after a word character, starts a word: after a lower-case
 * letter or a digit (`accessToken`, `oauth2Token`), or as the last capital before a lower-case
 * letter (`APIKey`: `API`, `Key`).
 */
function startsWord(name: string, i: number, c: number): boolean {
  if (!isUpper(c)) return false;
  const before = name.charCodeAt(i - 1);
  if (isLower(before) || isDigitCode(before)) return true;
  return isUpper(before) && isLower(name.charCodeAt(i + 1));
}

/** `nameWords` as its patterns say it, for a name with other non-ASCII letters (and the specification it keeps). */
export function nameWordsAsWritten(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d\u00e0-\u00ff]+/)
    .filter(Boolean);
}

/** Whether `codes[from, to)` is `word`. */
function isAt(codes: Uint16Array, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (codes[from + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether `codes[from, to)` starts with `prefix`. */
function startsAt(codes: Uint16Array, from: number, to: number, prefix: string): boolean {
  return to - from >= prefix.length && isAt(codes, from, from + prefix.length, prefix);
}

/** Whether `codes[0, end)` ends with `suffix`. */
const endsWith = (codes: Uint16Array, end: number, suffix: string): boolean =>
  end >= suffix.length && isAt(codes, end - suffix.length, end, suffix);

/** Where the digits that end `codes[from, to)` start (`to` if none): what `/\d+$/` finds, read back. */
function digitsFrom(codes: Uint16Array, from: number, to: number): number {
  let i = to;
  while (i > from && isDigitCode(codes[i - 1]!)) i--;
  return i;
}

/** The last word as a name means it: `api_keys` holds API keys (`keys` read as `key`). */
function singular(codes: Uint16Array, ends: Int32Array, k: number): void {
  if (isAt(codes, wordStart(ends, k), ends[k]!, 'keys')) ends[k]!--;
}

/** How many of the scratch's words mean something: not a trailing number (`X-Hub-Signature-256`); the last one made singular. */
function meaningfulWords(count: number): number {
  const { codes, ends } = WORDS!;
  while (count > 1 && digitsFrom(codes, wordStart(ends, count - 1), ends[count - 1]!) === wordStart(ends, count - 1)) count--;
  if (count) singular(codes, ends, count - 1);
  return count;
}

/**
 * What kind of credential a name carries, or undefined when its value is ordinary. Not
 * remembered here: named-values.ts keeps the names it read with their kinds (known-names.ts).
 */
export function nameKind(name: string): NameKind | undefined {
  const kind = decide(name);
  return kind === 'strong' && endsInKeyOrSid(name) ? 'key' : kind;
}

/** `/(?:key|keys|sid)$/i`, read back: a strong name whose value may be a public id (see `key`, above). */
function endsInKeyOrSid(name: string): boolean {
  let end = name.length;
  if ((name.charCodeAt(end - 1) | 32) === 115 && (name.charCodeAt(end - 2) | 32) === 121) end--;
  const a = name.charCodeAt(end - 3) | 32;
  const b = name.charCodeAt(end - 2) | 32;
  const c = name.charCodeAt(end - 1) | 32;
  return end >= 3 && ((a === 107 && b === 101 && c === 121) || (end === name.length && a === 115 && b === 105 && c === 100));
}

function decide(name: string): NameKind | undefined {
  const count = meaningfulWords(readWords(name));
  if (!count) return undefined;
  const kind = decideWords(count);
  if (kind) return kind;
  // A number glued to the last word says which one, not what: `token2` is a token, `sig1` a
  // signature. Asked only of a name that is ordinary as written: it can add a credential, never
  // take one away (`client_secret_cookie8` stays a secret, as `client_secret_cookie8` read).
  const { codes, ends } = WORDS!;
  const from = wordStart(ends, count - 1);
  const letters = digitsFrom(codes, from, ends[count - 1]!);
  if (letters === from || letters === ends[count - 1]) return undefined;
  ends[count - 1] = letters;
  singular(codes, ends, count - 1);
  return decideWords(count);
}

/**
 * The joined name's end makes it a credential: `csrftoken`, `PHPSESSID`, `sessionid`,
 * `connect.sid`, `__Secure-1PSIDTS`, `adminpwd` (`sessid` and `authtoken` end as `sid` and `token`).
 */
function endsAsCredential(codes: Uint16Array, end: number): boolean {
  // By the last letter first: most names end otherwise.
  switch (codes[end - 1]) {
    case 110: // n
      return endsWith(codes, end, 'token');
    case 100: // d
      return endsWith(codes, end, 'sid') || endsWith(codes, end, 'sessionid') || endsWith(codes, end, 'pwd');
    case 115: // s
      return endsWith(codes, end, 'sidts');
    case 99: // c
      return endsWith(codes, end, 'sidcc');
    default:
      return false;
  }
}

/**
 * Whether one of ANYWHERE's words stands in the joined name `codes[0, end)`: what
 * `/secret(?!ar)|secrète|password|…|logininfo/` finds (`secretary` and `secretariat` are no secret).
 */
function holdsAnywhere(codes: Uint16Array, end: number, anywhere: WordTable): boolean {
  for (let i = 0; i < end; i++) if (wordAt(anywhere, codes, i, end, nameColumn) && !startsAt(codes, i, end, 'secretar')) return true;
  return false;
}

/** Whether word `k` of the scratch is in `table`. */
function wordIn(table: WordTable, k: number): boolean {
  const { codes, ends } = WORDS!;
  return hasWord(table, codes, wordStart(ends, k), ends[k]!, nameColumn);
}

/** Whether one of the first `count` words is in `table`. */
function someWordIn(table: WordTable, count: number): boolean {
  for (let k = 0; k < count; k++) if (wordIn(table, k)) return true;
  return false;
}

/** Whether one of the first `count` words is `word`. */
function someWord(word: string, count: number): boolean {
  const { codes, ends } = WORDS!;
  for (let k = 0; k < count; k++) if (isAt(codes, wordStart(ends, k), ends[k]!, word)) return true;
  return false;
}

/** Whether one of the first `count` words is about an expiry: `expires`, `expiry`, `expiration`… */
function someExpiry(count: number): boolean {
  const { codes, ends } = WORDS!;
  for (let k = 0; k < count; k++) {
    const from = wordStart(ends, k);
    // By its first letter first: most words start otherwise.
    if (codes[from] === 101 && startsAt(codes, from, ends[k]!, 'expir')) return true;
  }
  return false;
}

/** The kind the first `count` words of the scratch (the name's meaningful words) make. */
function decideWords(count: number): NameKind | undefined {
  const l = lists();
  const { codes, ends } = WORDS!;
  const end = ends[count - 1]!;
  const lastFrom = wordStart(ends, count - 1);
  // A credential's own last word (`access_token`, `client_secret`) decides, unless the name is
  // about its expiry or a page of a list: what the checks below say of such a name (no such word
  // ends `authorization` or is a cookie, a meta word, `pass` or `pin`: secret-names.test.ts),
  // asked first, so that most names are decided on two lookups.
  if (wordIn(l.strongLast, count - 1))
    return someExpiry(count) || (count > 1 && isAt(codes, lastFrom, end, 'token') && wordIn(l.paging, count - 2)) ? undefined : 'strong';
  if (codes[end - 1] === 110 && endsWith(codes, end, 'authorization')) return 'authorization';
  // A header's or `document.cookie`'s cookies. Another name ending in `cookie` is a cookie's own
  // name, decided as any name below: `client_secret_cookie` holds a secret, `consent_cookie` does not.
  if (
    (isAt(codes, lastFrom, end, 'cookie') || isAt(codes, lastFrom, end, 'cookies')) &&
    (count === 1 || endsWith(codes, end, 'setcookie') || isAt(codes, 0, end, 'documentcookie'))
  )
    return 'cookie';
  if (wordIn(l.meta, count - 1) || someExpiry(count)) return undefined;
  if (holdsAnywhere(codes, end, l.anywhere)) return 'strong';
  const owner = count > 1;
  // French: `clé API`, `clé secrète`, `jeton d'accès` (a `clé de tirage` is not a credential).
  if (isCle(codes, ends[0]!) && someWordIn(l.cleOwners, count)) return 'strong';
  if (isAt(codes, 0, ends[0]!, 'jeton')) return 'strong';
  if (isAt(codes, lastFrom, end, 'pass') || isAt(codes, lastFrom, end, 'pin')) return owner ? 'strong' : 'field';
  if (endsAsCredential(codes, end)) return 'strong';
  if (isAt(codes, lastFrom, end, 'key')) return owner ? (wordIn(l.keyOwners, count - 2) ? 'strong' : undefined) : 'weak';
  if (isAt(codes, lastFrom, end, 'code')) return owner ? (wordIn(l.codeOwners, count - 2) ? 'strong' : undefined) : 'weak';
  // `laravel_session`, `ci_session`, `_myapp_session`: a framework's session cookie; `session` alone is weak.
  if (isAt(codes, lastFrom, end, 'session')) return owner ? 'strong' : 'weak';
  if (isAt(codes, lastFrom, end, 'auth')) return 'weak';
  // `remember_web_59ba…` (Laravel), `wordpress_logged_in_…`: cookies named after a random suffix.
  if (startsAt(codes, 0, ends[0]!, 'remember') || (someWord('logged', count) && someWord('in', count))) return 'weak';
  if (count === 1 && wordIn(l.weak, 0)) return 'weak';
  return undefined;
}

/** `/^cl[eé]s?$/`: whether the first word, `codes[0, end)`, is `clé` or `clés`, with or without its accent. */
const isCle = (codes: Uint16Array, end: number): boolean =>
  (end === 3 || (end === 4 && codes[3] === 115)) && codes[0] === 99 && codes[1] === 108 && (codes[2] === 101 || codes[2] === 233);
