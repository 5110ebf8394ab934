import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scrubNamedValues } from './named-values';
import { nameKind } from './secret-names';

/** What `scrubNamedValues` must give for `name=value&`, decided name by name with no table. */
const expected = (name: string, value: string): string => (nameKind(name) ? `${name}=[removed: ${name}]&` : `${name}=${value}&`);

describe('the names read before (known-names.ts)', () => {
  it('gives every name its own answer while the table fills many times over', () => {
    // 20,000 names in 4,096 slots: most slots are taken again and again, by names of other kinds
    // (`x1_token` a credential, `x1_token_type` not). An answer taken from the wrong name fails.
    let text = '';
    let want = '';
    for (let i = 0; i < 10_000; i++) {
      for (const name of [`x${i}_token`, `x${i}_token_type`]) {
        text += `${name}=v${i}&`;
        want += expected(name, `v${i}`);
      }
    }
    expect(scrubNamedValues(text)).toBe(want);
    // Read again, every name comes from the table (or from a collision, decided again): the same output.
    expect(scrubNamedValues(text)).toBe(want);
  });

  it('tells apart names of the same length and hash by their characters', () => {
    // `Aa` and `BB` hash alike (31 × 65 + 97 = 31 × 66 + 66), so `xAa_token` and `xBB_token` share
    // a slot and a hash: each must keep its own marker, from the recent names and from the table
    // (four other names in between push `xBB_token` out of the recent ones).
    const text = 'xAa_token=1&xBB_token=2&xAa_token=3&sig=a&pwd=b&pin=c&otp=d&xBB_token=4&';
    expect(scrubNamedValues(text)).toBe(
      'xAa_token=[removed: xAa_token]&xBB_token=[removed: xBB_token]&xAa_token=[removed: xAa_token]&' +
        'sig=[removed: sig]&pwd=[removed: pwd]&pin=[removed: pin]&otp=[removed: otp]&xBB_token=[removed: xBB_token]&',
    );
  });
});

describe('a name read for the first time', () => {
  it('is marked as a name read before, in every form', () => {
    // Each name comes once in the text: the first scrub makes each entry and its marker; the
    // second finds each name in the table. A label's and a header's name is lowered (the read
    // back saw its capitals), a pair's kept as written.
    const text =
      'q1_Token=abc&"q2_secret":"s3cr3t", "q3_pwd": 84736251, Q4_Password: hunter2x\nX-Q5-Api-Key: k9f2c1ab\n{q6_token: "xyz789"}\n';
    const want =
      'q1_Token=[removed: q1_Token]&"q2_secret":"[removed: q2_secret]", "q3_pwd": "[removed: q3_pwd]", ' +
      'Q4_Password: [removed: q4_password]\nX-Q5-Api-Key: [removed: x-q5-api-key]\n{q6_token: [removed: q6_token]}\n';
    expect(scrubNamedValues(text)).toBe(want);
    expect(scrubNamedValues(text)).toBe(want);
  });
});

describe('the names table and the texts it read', () => {
  it('keeps none of them alive: a long name is copied, not kept as a window on its text', () => {
    // A collection on demand, in this process only (what `node --expose-gc` gives).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const MB = 1_000_000;
    const texts = 8;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < texts; i++) {
      // Each text made anew, flat, with a name of its own: the table keeps each name.
      const text: string = JSON.parse(JSON.stringify(`${'x'.repeat(4 * MB)} client_secret_${i}_held=abc123 `));
      expect(scrubNamedValues(text)).toContain(`client_secret_${i}_held=[removed: client_secret_${i}_held]`);
    }
    // Another text, so that the last search's text (which V8 keeps for `RegExp.input`) is not one of them.
    scrubNamedValues('token=a');
    gc();
    const kept = (process.memoryUsage().heapUsed - before) / MB;
    // Kept as windows, the eight texts stayed: 32 MB or more. A text or two of what V8 frees later is allowed.
    console.log(`heap kept after ${texts} texts of 4 MB: ${kept.toFixed(1)} MB`);
    expect(kept).toBeLessThan(12);
  });
});
