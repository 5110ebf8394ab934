/**
 * A list of short words as a table, read one character at a time with no string made: from a
 * state and a character's column, the next state, or 0 for none; `ends[state]` says a whole word
 * was read. The scrubber asks such lists once per value (the status words in plain-values.ts) or
 * once per name (the words a keyword joins in name-start.ts, the word lists of secret-names.ts),
 * 100,000 times in a hostile megabyte. A `Set` of strings costs more in Chromium, where a
 * lookup by a string just cut from the text took 270 ns (90,000 names' last words: 24 ms).
 */
export interface WordTable {
  next: Int32Array;
  ends: Uint8Array;
  /** How many columns a state has. */
  columns: number;
}

/**
 * The table of `words`, each read forwards or backwards; `column` gives a character's column,
 * below `columns`. A character without one is a mistake in the list, said at once.
 */
export function wordTable(words: readonly string[], columns: number, column: (c: number) => number, backwards = false): WordTable {
  const size = 1 + words.reduce((n, w) => n + w.length, 0);
  const next = new Int32Array(size * columns);
  const ends = new Uint8Array(size);
  let states = 1;
  for (const word of words) {
    let state = 0;
    for (let k = 0; k < word.length; k++) {
      const c = column(word.charCodeAt(backwards ? word.length - 1 - k : k));
      if (c < 0 || c >= columns) throw new Error(`word table: "${word}" holds a character without a column`);
      const slot = state * columns + c;
      if (!next[slot]) next[slot] = states++;
      state = next[slot]!;
    }
    ends[state] = 1;
  }
  return { next, ends, columns };
}

/** The columns of `letterColumn`: a–z, then é. */
export const LETTERS = 27;

/**
 * A letter's column, in either case: A–Z and a–z are 0–25, É and é are 26; anything else is -1.
 * `| 32` lowers A–Z and É, and nothing else, into a–z and é, as `toLowerCase` does.
 */
export function letterColumn(c: number): number {
  const lowered = c | 32;
  if (lowered >= 97 && lowered <= 122) return lowered - 97;
  return lowered === 233 ? 26 : -1;
}

/** The columns of `nameColumn`: a–z, é, è, then 0–9. */
export const NAME_COLUMNS = 38;

/** A lower-case name word's character's column (secret-names.ts): a–z are 0–25, é 26, è 27, 0–9 28–37; anything else -1. */
export function nameColumn(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 20;
  return c === 233 ? 26 : c === 232 ? 27 : -1;
}

/**
 * Reads `codes[from, to)` forwards through the table, each character by its `column`: the state
 * it ends in, or with `first` the first state that ends a word; 0 where a character leads nowhere.
 */
function read(table: WordTable, codes: Uint16Array, from: number, to: number, column: (c: number) => number, first: boolean): number {
  const { next, ends, columns } = table;
  let state = 0;
  for (let i = from; i < to; i++) {
    const c = column(codes[i]!);
    if (c < 0) return 0;
    state = next[state * columns + c]!;
    if (!state || (first && ends[state])) return state;
  }
  return state;
}

/** Whether `codes[from, to)`, read forwards with `column`, is one of the table's words. */
export const hasWord = (table: WordTable, codes: Uint16Array, from: number, to: number, column: (c: number) => number): boolean =>
  table.ends[read(table, codes, from, to, column, false)] === 1;

/** Whether one of the table's words starts at `codes[from]` and ends by `to`. */
export const wordAt = (table: WordTable, codes: Uint16Array, from: number, to: number, column: (c: number) => number): boolean =>
  table.ends[read(table, codes, from, to, column, true)] === 1;
