/**
 * Percent escapes (`%26`, `%3D`, and the same encoded again: `%2526`, `%25253D`), where the
 * scrubber reads URLs: a draw link's `next=` or `redirect_uri=` holds a whole URL encoded once or
 * twice, with its own names, values and tokens.
 */

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * Length of the encoded delimiter (`26` of `%26`, `2526` of `%2526`) from `from`, just after a
 * `%`, and before `to`: `(25){0,3}` then two hexadecimal digits; 0 when there is none.
 */
export function encodedPrefix(text: string, from: number, to: number): number {
  let i = from;
  for (let n = 0; n < 3 && i + 1 < to && text.charCodeAt(i) === 50 && text.charCodeAt(i + 1) === 53; n++) i += 2;
  // Backtrack like the pattern does: `%252` followed by one hex digit is `%25` then `2x`.
  while (i > from && !(i + 2 <= to && isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1)))) i -= 2;
  return i + 2 <= to && isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1)) ? i + 2 - from : 0;
}

/**
 * Whether a percent escape ends just before `at`: `%3D` of `data%3DEAAB…`, `%2526` of
 * `%2526EAAB…`. What follows one starts a new word, though a letter or a digit (the escape's)
 * is glued before it.
 */
export function escapeEndsAt(text: string, at: number): boolean {
  // Its `%` stands 3, 5, 7 or 9 characters back (`%`, `(25){0,3}`, two hexadecimal digits), and
  // what follows it must be `encodedPrefix`'s escape, whole.
  for (let p = at - 3; p >= at - 9 && p >= 0; p -= 2) if (text.charCodeAt(p) === 37) return encodedPrefix(text, p + 1, at) === at - p - 1;
  return false;
}
