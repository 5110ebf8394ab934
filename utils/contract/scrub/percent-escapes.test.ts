import { describe, expect, it } from 'vitest';
import { encodedPrefix, escapeEndsAt } from './percent-escapes';

describe('escapeEndsAt', () => {
  it('finds an escape encoded once to four times just before a position', () => {
    for (const encoded of ['%3D', '%3d', '%20', '%2526', '%25253D', '%2525252F'])
      expect(escapeEndsAt(`x${encoded}EAAB`, encoded.length + 1)).toBe(true);
  });

  it('finds none where a letter or a digit is glued for another reason', () => {
    expect(escapeEndsAt('data3DEAAB', 6)).toBe(false);
    expect(escapeEndsAt('%G1EAAB', 3)).toBe(false);
    expect(escapeEndsAt('%3EAAB', 2)).toBe(false);
    // `(25)` four times is more than the names' rule reads (encodedPrefix): the same bound here.
    expect(escapeEndsAt('%252525253DEAAB', 11)).toBe(false);
    expect(escapeEndsAt('3D', 2)).toBe(false);
  });
});

describe('encodedPrefix', () => {
  it('reads (25) up to three times, then two hexadecimal digits', () => {
    expect(encodedPrefix('%26token', 1, 8)).toBe(2);
    expect(encodedPrefix('%2526token', 1, 10)).toBe(4);
    expect(encodedPrefix('%252token', 1, 9)).toBe(2);
    expect(encodedPrefix('%zztoken', 1, 8)).toBe(0);
  });
});
