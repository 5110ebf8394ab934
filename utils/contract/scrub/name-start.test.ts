import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { hashOf, type NameAt, nameStart } from './name-start';

const NAME_CHARS = 'abcXYZ019_.$-';

describe('nameStart', () => {
  it('sums on the way back the hash hashOf gives the name, which the names table is indexed by', () => {
    // Named-values reads its names back; cookie-strings hashes them forwards: one name must land
    // in one slot either way (known-names.ts).
    const random = seededRandom(7);
    const at: NameAt = { start: -1, hash: 0, plain: false, capitals: false };
    for (let i = 0; i < 2000; i++) {
      let name = '';
      for (let k = 1 + Math.floor(random() * 59); k > 0; k--) name += NAME_CHARS[Math.floor(random() * NAME_CHARS.length)];
      name += 'token'; // 64 characters at most: longer, the search says where the name starts
      const text = `${['', '&', '\n', '"', '{'][i % 5]}${name}`;
      // The search (the last argument's pattern) runs only where a keyword may join a word before the name: not here.
      expect(nameStart(text, /token/g, 0, text.length, at)).toBe(true);
      expect(text.slice(at.start)).toBe(name);
      expect(at.hash).toBe(hashOf(text, at.start, text.length));
      expect(at.plain).toBe(true);
      expect(at.capitals).toBe(/[A-Z]/.test(name));
    }
  });

  it('says no for a name that runs back too far', () => {
    const text = `${'k'.repeat(200)}token`;
    expect(nameStart(text, /token/g, 0, text.length, { start: -1, hash: 0, plain: false, capitals: false })).toBe(false);
  });
});
