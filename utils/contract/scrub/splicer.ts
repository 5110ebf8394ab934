/**
 * Writes a rule's output: the text with some of its ranges replaced by markers, in order.
 *
 * Why not one `Array.join` at the end or one growing string: a megabyte dense with credentials
 * has 100,000 replacements, and every piece kept alive until the end is copied again by each
 * young-generation garbage collection (there are dozens during one rule). The pieces of CHUNK
 * replacements are joined into one string, then dropped, so only a few hundred strings live at a
 * time; that halved the cost of writing the output.
 *
 * Why a join per chunk rather than a string grown by `+=`: each `+=` made a new string (a rope
 * of the two), two per replacement besides the cut of the text before it. Kept in an array, the
 * pieces cost only that cut: a megabyte of `token=a&` makes 11.7 MB of garbage instead of 17.8.
 */

/** Replacements per chunk: enough that joining is rare, few enough that little stays alive. */
const CHUNK = 512;

export class Splicer {
  /** Where the text not yet written starts. */
  copied = 0;
  /** How many ranges were replaced. */
  replaced = 0;
  // Made with a string in it, as it will hold strings: an empty array is one of numbers to the
  // optimizing compiler, which threw its code away when the first string came (`wrong map`).
  private done: string[] = [''];
  /** The current chunk's pieces (the text before each range, then its marker), `count` of them. */
  private pieces: string[] = ['', ''];
  private count = 0;

  constructor(readonly text: string) {}

  /** Replaces `text[from, to)` by `marker`; `from` is at or after the end of the last range. */
  put(from: number, to: number, marker: string): void {
    const pieces = this.pieces;
    pieces[this.count++] = this.text.slice(this.copied, from);
    pieces[this.count++] = marker;
    this.copied = to;
    if (++this.replaced % CHUNK === 0) this.flush();
  }

  /** Joins the current chunk's pieces onto what is done. */
  private flush(): void {
    // The array is used again for the next chunk: its length says which pieces are this one's.
    this.pieces.length = this.count;
    this.done.push(this.pieces.join(''));
    this.count = 0;
  }

  /** The text with every range replaced (the text itself when nothing was). */
  finish(): string {
    if (!this.replaced) return this.text;
    this.flush();
    this.done.push(this.text.slice(this.copied));
    return this.done.join('');
  }
}
