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
import { type Form, type KnownName, lastAt, markerOf, remember } from './known-names';
import { codeAt } from './code-at';
import { markerAt } from './markers';
import { onFirstUse } from './on-first-use';
import { isLiteral, isRegexSpace, looksRandom, looksRandomAt, quotedProse, readsAsProse, schemeFirst } from './plain-values';
import type { NameKind } from './secret-names';
import { hashOf, type NameAt, nameStart } from './name-start';
import { encodedPrefix } from './percent-escapes';
import { Splicer } from './splicer';
import { privateKeyAt } from './token-shapes';
import { cardMarker, groupedCardEnd } from './card-numbers';
import {
  allDigits,
  hasEquals,
  headerTokenEnd,
  isLiteralAt,
  jsonBareEnd,
  labelTokenEnd,
  pairValueEnd,
  readTo,
  startsWithPair,
} from './value-ends';

/** Words one of which every credential's name contains; the full name decides (secret-names.ts). */
const KEYWORDS =
  'mot[ _-]?de[ _-]?passe|' +
  "cl[eé]s?[ _-](?:api|secr[eè]te|priv[eé]e|d'api)|" +
  "jeton(?: d'acc[eè]s)?|" +
  '(?:api|secret|private|access|refresh|client|session|id|app)[ ](?:key|token|secret)|' +
  'code[ _-](?:secret|pin)|' +
  'token|secret|pass|pwd|mdp|sess|sid|key|auth|code|sig|cred|cookie|jwt|otp|cvv|cvc|csc|verifier|proof|remember|srf|ticket|saml|login_info|logged_in|pin|bearer';

/** Built on first use (see utils/contract/scrub.ts). Sticky patterns read one value where they are put. */
const patterns = /* @__PURE__ */ onFirstUse(() => ({
  // keyword and the rest of the name, if a separator follows: `]` of `user[password]`, a
  // closing quote, spaces, then `=`, `:`, `=>` or an encoded `=` (read again by `readSeparator`).
  // Or a quoted name, a comma and a quoted value: an argument list or a pair in an array
  // (`setItem('accessToken', '…')`, `['code', '…']`: `readSeparator` says which).
  named: new RegExp(
    String.raw`(?:${KEYWORDS})[\w.$-]{0,60}(?=(?:\]|%5D)?(?:\\{0,7}["'])?[ \t]{0,3}(?:=>|=(?!=)|:(?![:/])|%(?:25){0,3}3D)|\\{0,7}["'][ \t]{0,3},[ \t]{0,3}\\{0,7}["'])`,
    'gi',
  ),
  lineRest: /[^\r\n"'\\]*/y,
  headerLine: /[^\r\n]*/y,
  // A scheme and its parameters, quoted or not (`Digest username="m", response="6629…"`,
  // `OAuth oauth_signature="…"`): each parameter after the first follows a comma, so the
  // parameters are split one way only.
  schemeParams: /[A-Za-z][\w-]*[ \t]+[\w-]+=(?:"[^"\r\n]*"|[^\s,"]*)(?:[ \t]*,[ \t]*[\w-]+=(?:"[^"\r\n]*"|[^\s,"]*))*/y,
}));

/** Length of the quote (`"`, `'`, or an escaped one: `\"`, `\\\"`) that starts at `at`, or 0. */
function quoteLength(text: string, at: number): number {
  // Read within the text (see code-at.ts), inline: every value asks this.
  const n = text.length;
  let i = at;
  while (i < n && text.charCodeAt(i) === 92 && i - at < 7) i++;
  if (i >= n) return 0;
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
    while (codeAt(text, i - n - 1) === 92) n++;
    if (n >= escapes && (n - escapes) % (2 * (escapes + 1)) === 0) return i - escapes;
  }
  return -1;
}

/**
 * Whether the name `text[start, nameEnd)`, closed by a quote `close` long, is opened by the same
 * quote, which opens a `(` or a `[` (spaces aside): `setItem('token', …`, `['code', …`.
 */
function opensPair(text: string, start: number, nameEnd: number, close: number): boolean {
  let i = start - close;
  if (i < 0) return false;
  for (let k = 0; k < close; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(nameEnd + k)) return false;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  const c = codeAt(text, i - 1);
  return c === 40 || c === 91;
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
    while (isBlank(codeAt(text, at))) at++;
    const len = quoteLength(text, at);
    if (!len) return at;
    at = readString(s, at, len, kind, 'json', marker);
    while (isBlank(codeAt(text, at))) at++;
    if (codeAt(text, at) !== 44) return at;
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
    // On a header line, the whole line (`Digest username="…", response="…"`); elsewhere, up to
    // a quote (the end of a string the header is quoted in), or a scheme's whole parameters.
    if (atLineStart(text, nameStart)) end = readTo(p.headerLine, text, v);
    else end = Math.max(readTo(p.lineRest, text, v), readTo(p.schemeParams, text, v));
    bareSecret = end > v && (schemeFirst(text, v) || !readsAsProse(text, v));
  } else {
    // A label in prose or a header dump: one token (on a header line, up to the first space).
    // Both end at a space or at the text's end: only a token that stops elsewhere asks where the line starts.
    end = labelTokenEnd(text, v);
    if (end < text.length && !isRegexSpace(text.charCodeAt(end)) && atLineStart(text, nameStart)) end = headerTokenEnd(text, v);
    // A list of pairs (`Stripe-Signature: t=1492774577,v1=5257…`) goes whole: its first pair
    // alone left the signature.
    else end = pairListEnd(text, v, end);
    bareSecret =
      kind === 'weak' || kind === 'cookie' ? looksRandomAt(text, v, end) : end > v && !isLiteralAt(text, v, end) && !readsAsProse(text, v);
  }
  // `api_key=1234567890` on Facebook's login pages is the app's public id.
  if (kind === 'key' && allDigits(text, v, end)) bareSecret = false;
  return end;
}

/**
 * Where a list of pairs that starts at `v` ends, its first item ending at `end`: on over `,` or
 * `;` while each item is a pair (`t=…,v1=…`). A value that is no pair ends where it ended.
 */
function pairListEnd(text: string, v: number, end: number): number {
  if (!hasEquals(text, v, end)) return end;
  for (let c = codeAt(text, end); (c === 44 || c === 59) && startsWithPair(text, end + 1); c = codeAt(text, end))
    end = labelTokenEnd(text, end + 1);
  return end;
}

/** What follows a name: the closing quote's length, whether spaces come before the separator, its kind. */
interface Separator {
  close: number;
  spaced: boolean;
  equals: boolean;
  /** `,` after a quoted name: a pair in an argument list or an array. */
  comma: boolean;
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
  const arrow = c === 61 && at + 1 < text.length && text.charCodeAt(at + 1) === 62;
  sep.equals = c === 37 || (c === 61 && !arrow);
  sep.comma = c === 44;
  if (c === 37) {
    // `%`, then `25` up to three times, then `3D` (the search's lookahead saw them).
    at++;
    while (text.charCodeAt(at) === 50) at += 2;
    at += 2;
  } else at += arrow ? 2 : 1;
  sep.end = at;
}

/** Removes the values of credentials' names (see the module comment). */
export function scrubNamedValues(text: string): string {
  const re = patterns().named;
  re.lastIndex = 0;
  const s: Scan = { text, out: new Splicer(text), lineFrom: -1, lineEndAt: -1 };
  const sep: Separator = { close: 0, spaced: false, equals: false, comma: false, end: 0 };
  const recent: KnownName[] = [];
  const at: NameAt = { start: 0, hash: 0, plain: false, capitals: false };
  for (let from = 0; re.test(text); from = re.lastIndex) {
    const nameEnd = re.lastIndex;
    // Names repeat (a log writes the same ones over and over): the last one is found again in
    // place, the others by their hash (known-names.ts).
    let last = lastAt(recent, text, nameEnd);
    if (!last) {
      if (!nameStart(text, re, from, nameEnd, at)) continue;
      // `%26access_token`, `%253Faccess_token`: the encoded delimiter is not part of the name.
      if (codeAt(text, at.start - 1) === 37) {
        const cut = encodedPrefix(text, at.start, nameEnd);
        if (cut) {
          at.start += cut;
          at.hash = hashOf(text, at.start, nameEnd);
        }
      }
      last = remember(recent, text, at.start, nameEnd, at.hash, at.plain, at.capitals);
    }
    const start = nameEnd - last.name.length;
    const { kind } = last;
    if (!kind) continue;
    readSeparator(text, nameEnd, sep);
    const form: Form = sep.close ? 'json' : sep.equals && !sep.spaced ? 'pair' : 'label';
    // A name and a value as a pair of strings stand first in their brackets (`(`, `[`); a list of
    // field names (`["password", "token"]`) does too, so only a value that looks random goes.
    if (sep.comma && !opensPair(text, start, nameEnd, sep.close)) continue;
    const effective: NameKind = sep.comma || (kind === 'field' && form === 'label') ? 'weak' : kind;
    const marker = markerOf(last, kind, form);

    let v = sep.end;
    if (form !== 'pair') while (v < text.length && isBlank(text.charCodeAt(v))) v++;
    // Nothing after the separator: the text ends there (the reads below would all fall outside it).
    if (v >= text.length) continue;
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
    // A private key block (`token=-----BEGIN PRIVATE KEY-----…`) is the private key rule's
    // (token-shapes.ts), which needs its header whole: taking `-----BEGIN` as the value left the
    // key itself in the text.
    if (c === 45 && privateKeyAt(text, v)) continue;
    // A card written in groups (`token=4111 1111 1111 1111`) goes whole, as card-numbers.ts
    // removes it: its first group as the value left twelve digits that are no card to that rule.
    if (c >= 48 && c <= 57) {
      const cardEnd = groupedCardEnd(text, v);
      if (cardEnd >= 0) {
        replace(s, v, cardEnd, cardMarker());
        re.lastIndex = cardEnd;
        continue;
      }
    }
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
