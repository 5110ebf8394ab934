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

import { isDigitCode, isLower, isUpper } from './plain-values';
import { hasWord, NAME_COLUMNS, nameColumn, type WordTable, wordTable } from './word-table';

export type NameKind = 'strong' | 'key' | 'field' | 'weak' | 'authorization' | 'cookie';

/** The word lists a name's kind is decided on, as written (each becomes a table: `lists`). */
export const NAME_WORDS = {
  /** Last words that make the name about the credential, not the credential (`token_type`). */
  meta: 'type kind length len min max count policy hint hints strength rule rules required label field name names url uri endpoint path enabled disabled visible format version prefix suffix at date time ttl expires expiry expiration lifetime changed updated created reset placeholder help error errors valid invalid mode scope scopes header location',
  /** With a token, words that make it a position in a list, not a credential (`nextPageToken`). */
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

type NameLists = Record<keyof typeof NAME_WORDS, WordTable> & {
  /** Found anywhere in the joined name: `client_secret`, `secretAccessKey`, `new_password`. */
  anywhere: RegExp;
};

/** A word list as a table read in place (word-table.ts): asked of every new name's words. */
const wordList = (list: string): WordTable => wordTable(list.split(' '), NAME_COLUMNS, nameColumn);
const has = (table: WordTable, word: string): boolean => hasWord(table, word, nameColumn);

/** Built on first use: module-level `new RegExp` or a table is a side effect bundlers keep (see utils/contract/scrub.ts). */
let LISTS: NameLists | undefined;
const lists = (): NameLists =>
  (LISTS ||= {
    anywhere: /secret(?!ar)|secrète|password|passwort|passwd|passphrase|credential|apikey|privatekey|motdepasse|secrete|logininfo/,
    meta: wordList(NAME_WORDS.meta),
    paging: wordList(NAME_WORDS.paging),
    keyOwners: wordList(NAME_WORDS.keyOwners),
    codeOwners: wordList(NAME_WORDS.codeOwners),
    strongLast: wordList(NAME_WORDS.strongLast),
    weak: wordList(NAME_WORDS.weak),
  });

/**
 * The lower-case words of a name: camelCase, snake_case, kebab-case, dots and spaces all split.
 * What `nameWordsAsWritten` says, read in one pass: a megabyte can hold 80,000 names never seen
 * before (`x1_token=…&x2_token=…`), and two replacements, a split and a filter took a microsecond
 * each, most of the time a new name costs.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  // Lowered once, and the words cut from it: ASCII and é, è, É, È keep their places when lowered.
  const lower = name.toLowerCase();
  let from = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 32;
    // Only é and è, either case, come into a name beyond ASCII (the keywords' accents): anything
    // else is lowered and split as written.
    if (c > 127 && c !== 233 && c !== 232 && c !== 201 && c !== 200) return nameWordsAsWritten(name);
    if (!isWordChar(c)) {
      if (from >= 0) words.push(lower.slice(from, i));
      from = -1;
      continue;
    }
    if (from >= 0 && startsWord(name, i, c)) {
      words.push(lower.slice(from, i));
      from = i;
    } else if (from < 0) from = i;
  }
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

/** A name's words without a trailing number (`X-Hub-Signature-256`) and plurals of `key`. */
function meaningfulWords(name: string): string[] {
  const words = nameWords(name);
  while (words.length > 1 && digitsFrom(words[words.length - 1]!) === 0) words.pop();
  const last = words.length - 1;
  if (last >= 0) words[last] = singular(words[last]!);
  return words;
}

/** The last word as a name means it: `api_keys` holds API keys. */
const singular = (word: string): string => (word === 'keys' ? 'key' : word);

/** Where the digits that end `word` start (`word.length` if none): what `/\d+$/` finds, read back. */
function digitsFrom(word: string): number {
  let i = word.length;
  while (i > 0 && isDigitCode(word.charCodeAt(i - 1))) i--;
  return i;
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
  const words = meaningfulWords(name);
  const kind = decideWords(words);
  if (kind) return kind;
  // A number glued to the last word says which one, not what: `token2` is a token, `sig1` a
  // signature. Asked only of a name that is ordinary as written: it can add a credential, never
  // take one away (`client_secret_cookie8` stays a secret, as `client_secret_cookie8` read).
  const last = words[words.length - 1];
  if (!last) return undefined;
  const letters = last.slice(0, digitsFrom(last));
  if (!letters || letters === last) return undefined;
  words[words.length - 1] = singular(letters);
  return decideWords(words);
}

/**
 * The joined name's end makes it a credential: `csrftoken`, `PHPSESSID`, `sessionid`,
 * `connect.sid`, `__Secure-1PSIDTS`, `adminpwd` (`sessid` and `authtoken` end as `sid` and `token`).
 */
function endsAsCredential(joined: string): boolean {
  // By the last letter first: most names end otherwise, and each `endsWith` is a call.
  switch (joined.charCodeAt(joined.length - 1)) {
    case 110: // n
      return joined.endsWith('token');
    case 100: // d
      return joined.endsWith('sid') || joined.endsWith('sessionid') || joined.endsWith('pwd');
    case 115: // s
      return joined.endsWith('sidts');
    case 99: // c
      return joined.endsWith('sidcc');
    default:
      return false;
  }
}

/** `/^cl[eé]s?$/`, read in place: asked of every name's first word. */
const isCle = (word: string): boolean =>
  (word.length === 3 || (word.length === 4 && word.charCodeAt(3) === 115)) &&
  word.charCodeAt(0) === 99 &&
  word.charCodeAt(1) === 108 &&
  (word.charCodeAt(2) === 101 || word.charCodeAt(2) === 233);

/** `words.some(test)`, without the iterator `some` costs on every name. */
function someWord(words: string[], test: (word: string) => boolean): boolean {
  for (let i = 0; i < words.length; i++) if (test(words[i]!)) return true;
  return false;
}

/** `expires`, `expiry`, `expiration`… */
const isExpiry = (word: string): boolean => word.startsWith('expir');

function decideWords(words: string[]): NameKind | undefined {
  const last = words[words.length - 1];
  if (!last) return undefined;
  const l = lists();
  // A credential's own last word (`access_token`, `client_secret`) decides, unless the name is
  // about its expiry or a page of a list: what the checks below say of such a name (no such word
  // ends `authorization` or is a cookie, a meta word, `pass` or `pin`: secret-names.test.ts),
  // asked first, so that most names never join their words and search them.
  if (has(l.strongLast, last))
    return someWord(words, isExpiry) || (last === 'token' && someWord(words, (w) => has(l.paging, w))) ? undefined : 'strong';
  // Joined by hand: `join` costs more than the rest of the decision on a two-word name.
  let joined = words[0]!;
  for (let i = 1; i < words.length; i++) joined += words[i];
  if (joined.charCodeAt(joined.length - 1) === 110 && joined.endsWith('authorization')) return 'authorization';
  if (last === 'cookie' || last === 'cookies')
    return words.length === 1 || joined.endsWith('setcookie') || joined === 'documentcookie' ? 'cookie' : undefined;
  if (has(l.meta, last) || someWord(words, isExpiry)) return undefined;
  if (l.anywhere.test(joined)) return 'strong';
  const first = words[0]!;
  const owner = words[words.length - 2];
  // French: `clé API`, `clé secrète`, `jeton d'accès` (a `clé de tirage` is not a credential).
  if (isCle(first) && words.some((w) => /^(?:api|priv[eé]e?s?)$/.test(w))) return 'strong';
  if (first === 'jeton') return 'strong';
  if (last === 'pass' || last === 'pin') return owner ? 'strong' : 'field';
  if (endsAsCredential(joined)) return 'strong';
  if (last === 'key') return owner ? (has(l.keyOwners, owner) ? 'strong' : undefined) : 'weak';
  if (last === 'code') return owner ? (has(l.codeOwners, owner) ? 'strong' : undefined) : 'weak';
  // `laravel_session`, `ci_session`, `_myapp_session`: a framework's session cookie; `session` alone is weak.
  if (last === 'session') return owner ? 'strong' : 'weak';
  if (last === 'auth') return 'weak';
  // `remember_web_59ba…` (Laravel), `wordpress_logged_in_…`: cookies named after a random suffix.
  if (first.startsWith('remember') || (words.includes('logged') && words.includes('in'))) return 'weak';
  if (words.length === 1 && has(l.weak, last)) return 'weak';
  return undefined;
}
