/**
 * `text.charCodeAt(at)`, or -1 outside the text (where `charCodeAt` gives NaN): for the reads of
 * the scrubber's rules that can fall just outside it (the character before a name at the text's
 * start, the one after a value at its end). Every check the rules make of such a character
 * (`=== 61`, `isBlank`, `> 127`, `| 32`) answers the same for -1 as for NaN.
 *
 * Why not `charCodeAt`: the optimizing compiler assumes a read is inside the string until one is
 * not, and then throws its code for the whole rule away (an "out of bounds" deoptimization). A
 * hostile megabyte's last value runs to its end, so its first scrub did that once per such read:
 * fifteen of them in `npm run bench`'s page, each sending the rule back to slower code until it
 * was compiled again (50 to 90 ms of compiling on this machine), and the input scrubbed after
 * it paid. A read guarded by the text's length is never assumed.
 */
export const codeAt = (text: string, at: number): number => (at >= 0 && at < text.length ? text.charCodeAt(at) : -1);
