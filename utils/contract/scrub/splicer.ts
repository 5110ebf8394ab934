/**
 * Writes a rule's output: the text with some of its ranges replaced by markers, in order.
 *
 * Why not `Array.join` or one growing string: a megabyte dense with credentials has 100,000
 * replacements, and every piece kept alive until the end is copied again by each young-generation
 * garbage collection (there are dozens during one rule). The pieces are appended to a short
 * chunk that is flattened into one string every CHUNK replacements, so only a few hundred
 * strings live at a time; that halves the cost of writing the output.
 */

/** Replacements per chunk: enough that flattening is rare, few enough that little stays alive. */
const CHUNK = 512;

/**
 * The search that flattens a chunk, shared (built on first use, see utils/contract/scrub.ts): a
 * field made on first use changed the Splicer's shape under compiled code, which threw it away.
 */
let FLAT: RegExp | undefined;

export class Splicer {
  /** Where the text not yet written starts. */
  copied = 0;
  /** How many ranges were replaced. */
  replaced = 0;
  // Made with a string in it, as it will hold strings: an empty array is one of numbers to the
  // optimizing compiler, which threw its code away when the first string came (`wrong map`).
  private done: string[] = [''];
  private chunk = '';

  constructor(readonly text: string) {}

  /** Replaces `text[from, to)` by `marker`; `from` is at or after the end of the last range. */
  put(from: number, to: number, marker: string): void {
    this.chunk += this.text.slice(this.copied, from) + marker;
    this.copied = to;
    if (++this.replaced % CHUNK === 0) {
      // A search flattens the chunk (its pieces become garbage that dies young). Not a character
      // read: the optimizing compiler drops one whose value is unused, or reads it without flattening.
      FLAT ||= /^/y;
      FLAT.lastIndex = 0;
      FLAT.test(this.chunk);
      this.done.push(this.chunk);
      this.chunk = '';
    }
  }

  /** The text with every range replaced (the text itself when nothing was). */
  finish(): string {
    if (!this.replaced) return this.text;
    this.done.push(this.chunk, this.text.slice(this.copied));
    return this.done.join('');
  }
}
