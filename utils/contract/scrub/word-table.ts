/**
 * A list of short words as a table, read one character at a time with no string made: from a
 * state and a character's column, the next state, or 0 for none; `ends[state]` says a whole word
 * was read. The scrubber asks such lists once per value (the status words in plain-values.ts) or
 * once per name (the words a keyword joins in name-start.ts), 100,000 times in a hostile megabyte.
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
