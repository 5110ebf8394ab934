import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { looksRandom, looksRandomAt } from './plain-values';

/** What `looksRandom` read as before it read values in place: the specification it keeps. */
const CODE_PART = /^(?:\d+|[A-Z]+\d*|[a-z]+\d*|[A-Z]*(?:[A-Z][a-z]+)+\d*|[a-z]+(?:[A-Z][a-z]+)+\d*)$/;
function looksRandomAsWritten(value: string): boolean {
  if (value.length < 8) return false;
  if (value.length > 80 || /[a-z]{17}|[A-Z]{17}/.test(value)) return true;
  return value.split(/[_./:-]+/).some((part) => part.length >= 8 && !CODE_PART.test(part));
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
    const random = seededRandom(11);
    const differ: string[] = [];
    let randomOnes = 0;
    for (let n = 0; n < 100_000; n++) {
      let value = '';
      const length = Math.floor(random() * 24);
      for (let k = 0; k < length; k++) value += units[Math.floor(random() * units.length)]!;
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
