import { describe, expect, it } from 'vitest';
import { hasWord, NAME_COLUMNS, nameColumn, wordTable } from './word-table';

const codes = (word: string): Uint16Array => Uint16Array.from(word, (c) => c.charCodeAt(0));

describe('hasWord', () => {
  const table = wordTable(['token', 'to', 'cvv2', '2fa', 'clé', 'secrète'], NAME_COLUMNS, nameColumn);

  it('finds exactly the listed words, digits and accents included', () => {
    for (const word of ['token', 'to', 'cvv2', '2fa', 'clé', 'secrète'])
      expect(hasWord(table, codes(word), 0, word.length, nameColumn)).toBe(true);
  });

  it('finds no prefix, extension, other case or other character', () => {
    for (const word of ['', 't', 'tok', 'tokens', 'cvv', 'cvv22', 'Token', 'cle', 'secrete', 'to-', '2fà'])
      expect(hasWord(table, codes(word), 0, word.length, nameColumn)).toBe(false);
  });

  it('refuses a list word with a character it has no column for', () => {
    expect(() => wordTable(['clé_api'], NAME_COLUMNS, nameColumn)).toThrow(/without a column/);
  });
});
