/**
 * Payment card numbers, however they are written: `4111111111111111`, `4111 1111 1111 1111`,
 * `4111-1111-1111-1111`, French formatting with non-breaking (U+00A0) or narrow no-break
 * (U+202F) spaces, `3782 822463 10005`, `4111+1111+…` or `4111%201111%20…` in a URL. A number is
 * a card only if it has a card's length and grouping, a card network's first digits and a valid
 * Luhn checksum, so order ids, timestamps, phone numbers, Facebook and Instagram ids and
 * French thousands (`12 345 678`) survive.
 *
 * Linear: a run of digits and separators is read once (13 to 60 digits, a run cannot start
 * inside a number, shorter runs are left to the search), then its groups are tried as cards from
 * each group, a few shapes each.
 */
import { removed } from './markers';
import { Splicer } from './splicer';

const SEPARATOR = '(?:[ \\u00A0\\u202F\\u2009\\u2007\\u2010\\u2011\\u2013+-]|%20|%C2%A0|%E2%80%AF)';

const RUN_PATTERN = String.raw`\d(?<![\w.,]\d)(?=(?:${SEPARATOR}?\d){12})(?:${SEPARATOR}?\d){0,59}`;
let RUN: RegExp | undefined;
const run = (): RegExp => (RUN ||= new RegExp(RUN_PATTERN, 'gi'));
/** The same, read where it is put (`groupedCardEnd`). */
let RUN_HERE: RegExp | undefined;
const runHere = (): RegExp => (RUN_HERE ||= new RegExp(RUN_PATTERN, 'iy'));

/*
 * A megabyte of French-formatted cards holds 60,000 numbers, each read once: the groups of a run
 * are kept as offsets in reused typed arrays (no object, array or string per group; a typed
 * array's write costs less than a growing array's, and a run's digits are each written twice),
 * and every replacement goes through one Splicer (see utils/contract/scrub/splicer.ts).
 */

/** The most digits a run holds: the pattern's first and 59 more. */
const RUN_DIGITS = 60;

/** Where each group of digits of the current run starts and ends, in the text. */
let STARTS!: Int32Array;
let ENDS!: Int32Array;
let groupCount = 0;
/** How many of the run's digits come before each group. */
let FIRST_DIGIT!: Int32Array;
/**
 * Running Luhn sums of the run's digits: `LUHN_EVEN[m]` sums its first `m` digits with those at
 * even places doubled (and 9 taken off a double over 9), `LUHN_ODD[m]` with those at odd places.
 */
let LUHN_EVEN!: Int32Array;
let LUHN_ODD!: Int32Array;

/** Made on first use (see utils/contract/scrub.ts). */
function makeRunArrays(): void {
  STARTS = new Int32Array(RUN_DIGITS);
  ENDS = new Int32Array(RUN_DIGITS);
  FIRST_DIGIT = new Int32Array(RUN_DIGITS);
  LUHN_EVEN = new Int32Array(RUN_DIGITS + 1);
  LUHN_ODD = new Int32Array(RUN_DIGITS + 1);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const size = (i: number): number => (i < groupCount ? ENDS[i]! - STARTS[i]! : 0);

/**
 * Whether `k` groups from the `i`th on make a card number: a network's first digits and length
 * (`fitsNetwork`), and the Luhn checksum that every payment card number satisfies (and 9 in 10
 * other numbers fail). The first group holds four digits or more, enough for every network's
 * first digits. The checksum of any groups is a difference of the run's running sums
 * (`readGroups`): a run of French-formatted groups (`4111 4111 4111…`) is tried as a card from
 * each of its groups, and summing each try's 16 digits again read every digit 16 times.
 */
function isCardAt(text: string, i: number, k: number): boolean {
  const from = FIRST_DIGIT[i]!;
  const to = FIRST_DIGIT[i + k - 1]! + size(i + k - 1);
  if (!fitsNetwork(text, STARTS[i]!, to - from)) return false;
  // Luhn doubles every second digit from the last one's left: the digits at the run's places of
  // the same parity as `to`.
  const sums = to % 2 === 0 ? LUHN_EVEN : LUHN_ODD;
  return (sums[to]! - sums[from]!) % 10 === 0;
}

/**
 * Whether `n` digits whose first four are at `at` fit a network: Visa (4; 13, 16, 19), American
 * Express (34, 37; 15), Diners (30, 36, 38, 39; 14–19), Mastercard (51–55, 2221–2720), Maestro
 * (50, 56–58, 6304, 67…), JCB (35), Discover (6011, 644–649, 65), UnionPay (62) (16–19).
 * Facebook's newer ids start with 61, which no network uses.
 */
function fitsNetwork(text: string, at: number, n: number): boolean {
  if (n < 13 || n > 19) return false;
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  const c = text.charCodeAt(at + 2) - 48;
  if (a === 4) return n === 13 || n === 16 || n === 19;
  if (a === 3 && (b === 4 || b === 7)) return n === 15;
  if (a === 3 && ((b === 0 && c <= 5) || b === 6 || b === 8 || b === 9)) return n >= 14;
  if (n < 16) return false;
  if (a === 5) return b <= 8;
  if (a === 2) return b >= 2 && b <= 7;
  if (a === 3) return b === 5;
  if (a !== 6) return false;
  return (b === 0 && c === 1 && text.charCodeAt(at + 3) === 49) || b === 2 || b === 3 || (b === 4 && c >= 4) || b === 5 || b === 7;
}

/** How many groups from `i` on make a card, or 0: one group of 13–19, 4-4-4-4(-1…3), 4-6-5, 4-6-4. */
function cardAt(text: string, i: number): number {
  const first = size(i);
  if (first >= 13) return isCardAt(text, i, 1) ? 1 : 0;
  if (first !== 4) return 0;
  const third = size(i + 2);
  if (size(i + 1) === 6 && (third === 5 || third === 4) && isCardAt(text, i, 3)) return 3;
  let k = 1;
  while (k < 4 && size(i + k) === 4) k++;
  const last = size(i + k);
  if (last >= 1 && last <= 3 && isCardAt(text, i, k + 1)) return k + 1;
  return isCardAt(text, i, k) ? k : 0;
}

/**
 * Reads the groups of digits of the run `text[from, to)`; returns how many digits they hold. The
 * digits of `%20` are not the card's: the run's pattern lets a `%` start nothing but an encoded
 * space, whose next character tells which (`%20`, `%C2%A0`, `%E2%80%AF`, either case). Every other
 * character of a run is a one-character separator.
 */
function readGroups(text: string, from: number, to: number): number {
  groupCount = 0;
  let total = 0;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      STARTS[groupCount] = i;
      FIRST_DIGIT[groupCount] = total;
      for (let d = c - 48; ; d = text.charCodeAt(i) - 48) {
        const doubled = d > 4 ? 2 * d - 9 : 2 * d;
        LUHN_EVEN[total + 1] = LUHN_EVEN[total]! + (total % 2 === 0 ? doubled : d);
        LUHN_ODD[total + 1] = LUHN_ODD[total]! + (total % 2 === 0 ? d : doubled);
        total++;
        if (++i >= to || !isDigit(text.charCodeAt(i))) break;
      }
      ENDS[groupCount++] = i;
    } else if (c === 37) {
      const next = text.charCodeAt(i + 1) | 32;
      i += next === 50 ? 3 : next === 99 ? 6 : 9;
    } else i++;
  }
  return total;
}

/** Whether the run has four digits in a row: every card has a group of four or more (`5-5-5-5…` has none). */
function hasFourDigits(text: string, from: number, to: number): boolean {
  let row = 0;
  for (let i = from; i < to; i++) {
    if (!isDigit(text.charCodeAt(i))) row = 0;
    else if (++row === 4) return true;
  }
  return false;
}

/** Whether the run `text[from, to)` may hold cards, and its groups are read: four digits in a row, not part of a decimal or a word. */
function readRun(text: string, from: number, to: number): boolean {
  if (!hasFourDigits(text, from, to)) return false;
  // Part of a decimal (`4111111111111111.5`) or of a word (`4111…abc`): not a card.
  const after = text.charCodeAt(to);
  const letter = (after | 32) >= 97 && (after | 32) <= 122;
  if (letter || after === 95 || ((after === 46 || after === 44) && isDigit(text.charCodeAt(to + 1)))) return false;
  if (!STARTS) makeRunArrays();
  return readGroups(text, from, to) >= 13;
}

function scrubRun(out: Splicer, from: number, to: number, marker: string): void {
  const text = out.text;
  if (!readRun(text, from, to)) return;
  for (let i = 0; i < groupCount; i++) {
    const k = cardAt(text, i);
    if (!k) continue;
    out.put(STARTS[i]!, ENDS[i + k - 1]!, marker);
    i += k - 1;
  }
}

/**
 * Where the card written in groups (`4111 1111 1111 1111`) that starts at `at` ends, or -1: the
 * value of a credential's name (`token=4111 1111 …`), which the named-values rule, running
 * first, removes whole as this rule would. Its value ended at the first space, and taking the
 * first group as the value left the other twelve digits in the text, where no card starts any
 * more. Removed there rather than left to this rule, which would read the run a second time.
 */
export function groupedCardEnd(text: string, at: number): number {
  // A card in groups starts with a group of four (`cardAt`): anything else is told at once, with
  // no search (a value of digits after a name is common: `pwd: 4 4 4…`, ids, counts).
  for (let i = at; i < at + 4; i++) if (!isDigit(text.charCodeAt(i))) return -1;
  if (isDigit(text.charCodeAt(at + 4))) return -1;
  const re = runHere();
  re.lastIndex = at;
  if (!re.test(text) || !readRun(text, at, re.lastIndex)) return -1;
  const k = cardAt(text, 0);
  return k > 1 ? ENDS[k - 1]! : -1;
}

let MARKER: string | undefined;
/** `[removed: card number]`, made once. */
export const cardMarker = (): string => (MARKER ||= removed('card number'));

/** Replaces card numbers (see the module comment). */
export function scrubCardNumbers(text: string): string {
  const re = run();
  re.lastIndex = 0;
  const out = new Splicer(text);
  const marker = cardMarker();
  // A run is never empty (it starts with a digit), so the search always moves on.
  for (let m = re.exec(text); m; m = re.exec(text)) scrubRun(out, m.index, re.lastIndex, marker);
  return out.finish();
}
