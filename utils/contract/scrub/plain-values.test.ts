import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { looksRandom, looksRandomAt, quotedProse, readsAsProse, STATUS_WORDS, schemeFirst } from './plain-values';

/** What `looksRandom` read as before it read values in place: the specification it keeps. */
const CODE_PART = /^(?:\d+|[A-Z]+\d*|[a-z]+\d*|[A-Z]*(?:[A-Z][a-z]+)+\d*|[a-z]+(?:[A-Z][a-z]+)+\d*)$/;
function looksRandomAsWritten(value: string): boolean {
  if (value.length < 8) return false;
  if (value.length > 80 || /[a-z]{17}|[A-Z]{17}/.test(value)) return true;
  return value.split(/[_./:-]+/).some((part) => part.length >= 8 && !CODE_PART.test(part));
}

/** `count` values of up to `maxUnits` units each, drawn from `units` with a fixed seed. */
function* generatedValues(seed: number, units: readonly string[], maxUnits: number, count: number): Generator<string> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    let value = '';
    const length = Math.floor(random() * (maxUnits + 1));
    for (let k = 0; k < length; k++) value += units[Math.floor(random() * units.length)]!;
    yield value;
  }
}

/**
 * A check read at `at` in a text, against its specification, on 100,000 values generated from
 * `units`, each put `at` characters into its text (`at` cycles through `prefix`'s lengths): the
 * texts it answers differently (the first five), and how often the specification says yes.
 */
function compareInText(
  seed: number,
  units: readonly string[],
  maxUnits: number,
  prefix: string,
  check: (text: string, at: number) => boolean,
  spec: (text: string, at: number) => boolean,
): { differ: string[]; yes: number } {
  const differ: string[] = [];
  let yes = 0;
  let n = 0;
  for (const value of generatedValues(seed, units, maxUnits, 100_000)) {
    const at = n++ % (prefix.length + 1);
    const text = `${prefix.slice(0, at)}${value}`;
    const expected = spec(text, at);
    if (expected) yes++;
    if (check(text, at) !== expected && differ.length < 5) differ.push(JSON.stringify(text));
  }
  return { differ, yes };
}

describe('looksRandom', () => {
  it('keeps error codes, dotted keys and dates, and finds OAuth codes', () => {
    for (const code of [
      'IG_PERMISSION_MISSING',
      'quotaExceeded',
      'OAuthException',
      'ERROR404',
      'draw.results.title',
      '2024-11-24',
      'auth/popup-closed-by-user',
    ])
      expect(looksRandom(code), code).toBe(false);
    for (const secret of ['AQDx9k2mLpq', 'AQDxkmLpZZ', 'abcdefghijklmnopq', 'ABCDEFGHIJKLMNOPQ', 'x'.repeat(81), 'quotaEXceeded'])
      expect(looksRandom(secret), secret).toBe(true);
  });

  it('reads in place exactly as the patterns it replaces, on 100,000 generated values', () => {
    // Letters of both cases in runs, digits, the part separators, and characters no part holds.
    const units = [
      'a',
      'b',
      'Z',
      'Q',
      'x',
      'AB',
      'cd',
      'Ab',
      'aB',
      '0',
      '42',
      '_',
      '.',
      '/',
      ':',
      '-',
      '%',
      '=',
      'é',
      ' ',
      'abcdefgh',
      'ABCDEFGH',
      'Exceeded',
    ];
    const differ: string[] = [];
    let randomOnes = 0;
    for (const value of generatedValues(11, units, 23, 100_000)) {
      const expected = looksRandomAsWritten(value);
      if (expected) randomOnes++;
      // Alone, and read inside a longer text.
      if (looksRandom(value) !== expected || looksRandomAt(`x=${value}&`, 2, 2 + value.length) !== expected) differ.push(value);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // Both answers are common among the values, so the comparison says something of each.
    expect(randomOnes).toBeGreaterThan(20_000);
    expect(randomOnes).toBeLessThan(80_000);
  });
});

describe('the status words, looked up in place', () => {
  const words = STATUS_WORDS.split(' ');
  const statusSet = new Set(words);
  /** A lone word (no sentence end) is a status word exactly when, lowered, it is one of the list. */
  const isStatusAsWritten = (w: string): boolean => statusSet.has(w.toLowerCase());

  it('knows every status word in any case, and nothing else, on 100,000 generated words', () => {
    const random = seededRandom(23);
    const recase = (w: string): string => [...w].map((c) => (random() < 0.4 ? c.toUpperCase() : c)).join('');
    // Letters that lower into ASCII or into é (the Kelvin sign, É), and letters that do not.
    const swaps: [string, string][] = [
      ['k', '\u212a'],
      ['é', 'É'],
      ['e', 'è'],
      ['s', 'ſ'],
      ['i', 'İ'],
      ['o', '0'],
    ];
    const differ: string[] = [];
    let found = 0;
    for (let n = 0; n < 100_000; n++) {
      let w = words[Math.floor(random() * words.length)]!;
      if (random() < 0.5) w = recase(w);
      if (random() < 0.3) {
        const [from, to] = swaps[Math.floor(random() * swaps.length)]!;
        w = w.replace(from, to);
      }
      if (random() < 0.2) w = random() < 0.5 ? w.slice(0, -1) : `${w}${'sx-/'[Math.floor(random() * 4)]}`;
      const expected = isStatusAsWritten(w);
      if (expected) found++;
      // A lone word: quotedProse says whether it is a status word; readsAsProse says so at least.
      if (quotedProse(w) !== expected || (expected && !readsAsProse(w, 0))) differ.push(w);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(found).toBeGreaterThan(30_000);
    expect(found).toBeLessThan(90_000);
    // The Kelvin sign lowers into `k`: `o\u212a` is `ok`, a status word.
    expect(quotedProse('o\u212a')).toBe(true);
  });
});

describe('schemeFirst', () => {
  const SCHEMES = /^(?:bearer|basic|digest|token|oauth|negotiate|ntlm|hawk|apikey|api-key|aws4-hmac-sha256|sharedkey|mac|dpop|gnap)$/i;
  const asWritten = (text: string, at: number): boolean => {
    const head = /^["']?([\w-]+)[ \t]+\S/.exec(text.slice(at, at + 40));
    return !!head && SCHEMES.test(head[1]!);
  };

  it('reads in place exactly as the pattern it replaces, on 100,000 generated header values', () => {
    const units = [
      'Bearer',
      'bearer',
      'BASIC',
      'Digest',
      'api-key',
      'aws4-hmac-sha256',
      'token',
      'none',
      'x',
      '"',
      "'",
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2028',
      'abc123',
      '=',
      '_',
      '-',
      'é',
    ];
    // The value read at 0, 1 or 2 characters into its text.
    const { differ, yes } = compareInText(29, units, 7, 'ab', schemeFirst, asWritten);
    expect(differ).toEqual([]);
    expect(yes).toBeGreaterThan(1_000);
    // Only the value's first 40 characters are read.
    expect(schemeFirst(`Bearer${' '.repeat(34)}x`, 0)).toBe(false);
    expect(schemeFirst(`Bearer${' '.repeat(33)}x`, 0)).toBe(true);
  });
});

describe('readsAsProse', () => {
  /** What it read before one pass did its reading: the specification it keeps. */
  const SCHEMES = /^(?:bearer|basic|digest|token|oauth|negotiate|ntlm|hawk|apikey|api-key|aws4-hmac-sha256|sharedkey|mac|dpop|gnap)$/i;
  const statusSet = new Set(STATUS_WORDS.split(' '));
  const isWord = (w: string): boolean => w.length <= 24 && /^\p{L}[\p{L}'’-]*$/u.test(w) && !/\p{Ll}\p{Lu}/u.test(w);
  function asWritten(text: string, at: number): boolean {
    const word = /^[^ \t\n\r\u00a0\u202f\f\v]{0,80}/.exec(text.slice(at))![0];
    const core = word.replace(/^[([«"'“]*/, '').replace(/[.,;:!?…)\]»"'”]*$/, '');
    if (!core) return true;
    const after = /^[ \t]+([^ \t\n\r\u00a0\u202f\f\v])/.exec(text.slice(at + word.length));
    const more = !!after;
    const wordLike = isWord(core);
    if (wordLike && more && !SCHEMES.test(core)) return true;
    if (statusSet.has(core.toLowerCase())) return true;
    if (wordLike) return /[.!?…]$/.test(word);
    return more && /^\d{1,3}$/.test(core) && /\p{L}/u.test(after[1]!);
  }

  it('reads as it did, on 100,000 generated values', () => {
    const units = [
      'Le',
      'x',
      'required',
      'Requis',
      'Bearer',
      'abc',
      'aB',
      'Ab',
      'é',
      'É',
      'ſ',
      '\u212a',
      '8',
      '123',
      '1234',
      '-',
      "'",
      '’',
      '(',
      '[',
      '«',
      '"',
      '“',
      '.',
      '!',
      '…',
      '»',
      '”',
      ')',
      ':',
      ',',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u202f',
      '\u2028',
      '=',
      '_',
      // Around isWord's 24 letters.
      'k'.repeat(12),
      'k'.repeat(30),
    ];
    const { differ, yes } = compareInText(31, units, 9, ':', readsAsProse, asWritten);
    expect(differ).toEqual([]);
    expect(yes).toBeGreaterThan(20_000);
    expect(yes).toBeLessThan(80_000);
    // A word is 24 letters at most: a longer run reads as a credential, more text after it or not.
    for (const text of [`${'k'.repeat(24)} x`, `${'k'.repeat(25)} x`, `«${'k'.repeat(24)}»… x`, `${'k'.repeat(24)}a. x`])
      expect(readsAsProse(text, 0), text).toBe(asWritten(text, 0));
    expect(readsAsProse(`${'k'.repeat(24)} x`, 0)).toBe(true);
    expect(readsAsProse(`${'k'.repeat(25)} x`, 0)).toBe(false);
  });
});
