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

const SEPARATOR = '(?:[ \\u00A0\\u202F\\u2009\\u2007\\u2010\\u2011\\u2013+-]|%20|%C2%A0|%E2%80%AF)';

let RUN: RegExp | undefined;
const run = (): RegExp => (RUN ||= new RegExp(String.raw`\d(?<![\w.,]\d)(?=(?:${SEPARATOR}?\d){12})(?:${SEPARATOR}?\d){0,59}`, 'gi'));

/** The Luhn checksum that every payment card number satisfies (and 9 in 10 other numbers fail). */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * First digits and lengths of the networks: Visa (4; 13, 16, 19), American Express (34, 37; 15),
 * Diners (30, 36, 38, 39; 14–19), Mastercard (51–55, 2221–2720), Maestro (50, 56–58, 6304,
 * 67…), JCB (35), Discover (6011, 644–649, 65), UnionPay (62) (16–19). Facebook's newer
 * ids start with 61, which no network uses.
 */
export function isCardNumber(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19) return false;
  let fits: boolean;
  if (digits[0] === '4') fits = n === 13 || n === 16 || n === 19;
  else if (/^3[47]/.test(digits)) fits = n === 15;
  else if (/^3(?:0[0-5]|[689])/.test(digits)) fits = n >= 14;
  else fits = n >= 16 && /^(?:5[0-8]|2[2-7]|35|6(?:011|2|3|4[4-9]|5|7))/.test(digits);
  return fits && luhn(digits);
}

interface Group {
  digits: string;
  start: number;
  end: number;
}

const size = (groups: Group[], i: number): number => groups[i]?.digits.length ?? 0;
const joined = (groups: Group[], i: number, k: number): string => {
  let digits = '';
  for (let j = i; j < i + k; j++) digits += groups[j]!.digits;
  return digits;
};

/** How many groups from `i` on make a card, or 0: one group of 13–19, 4-4-4-4(-1…3), 4-6-5, 4-6-4. */
function cardAt(groups: Group[], i: number): number {
  const first = size(groups, i);
  if (first >= 13) return isCardNumber(groups[i]!.digits) ? 1 : 0;
  if (first !== 4) return 0;
  const third = size(groups, i + 2);
  if (size(groups, i + 1) === 6 && (third === 5 || third === 4) && isCardNumber(joined(groups, i, 3))) return 3;
  let k = 1;
  while (k < 4 && size(groups, i + k) === 4) k++;
  const last = size(groups, i + k);
  if (last >= 1 && last <= 3 && isCardNumber(joined(groups, i, k + 1))) return k + 1;
  return isCardNumber(joined(groups, i, k)) ? k : 0;
}

function scrubRun(text: string, offset: number, match: string): string {
  // Part of a decimal (`4111111111111111.5`) or of a word (`4111…abc`): not a card.
  // Every card has a group of four digits or more (`5-5-5-5…` has none).
  if (!/\d{4}/.test(match)) return match;
  const after = text[offset + match.length] ?? '';
  if (/[A-Za-z_]/.test(after) || (/[.,]/.test(after) && /\d/.test(text[offset + match.length + 1] ?? ''))) return match;
  const groups: Group[] = [];
  let total = 0;
  // The digits of `%20` are not the card's.
  for (const g of match.matchAll(/%(?:20|C2%A0|E2%80%AF)|(\d+)/gi)) {
    if (!g[1]) continue;
    groups.push({ digits: g[1], start: g.index, end: g.index + g[1].length });
    total += g[1].length;
  }
  if (total < 13) return match;
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length; i++) {
    const k = cardAt(groups, i);
    if (!k) continue;
    out += match.slice(copied, groups[i]!.start) + removed('card number');
    copied = groups[i + k - 1]!.end;
    i += k - 1;
  }
  return copied ? out + match.slice(copied) : match;
}

/** Replaces card numbers (see the module comment). */
export function scrubCardNumbers(text: string): string {
  return text.replace(run(), (match: string, offset: number) => scrubRun(text, offset, match));
}
