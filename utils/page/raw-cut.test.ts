import { describe, expect, it } from 'vitest';
import { cutRaw } from './raw-cut';
import { rawTextBound } from '../extension/messaging';
import { scrubText } from '../contract/scrub';

const LIMIT = 100;
const BOUND = rawTextBound(LIMIT);

/** Secrets the scrubber knows by their whole shape (and one by its name), each cut at every position below. */
const SECRETS = [
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpZSJ9.c2lnbmF0dXJlLWRlbW8',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '4242 4242 4242 4242',
  '4242\u202f4242\u202f4242\u202f4242',
  '4242-4242-4242-4242',
  'sk_live_51HqDemoSecretKey0123',
  'EAAGm0PX4ZCpsBAKZCZBq7demoSECRETtoken1234567890',
  'access_token=EAAGm0PX4ZCpsBAKZCZBq7demo',
];

describe('cutRaw: what the content script sends, cut at its raw bound without scrubbing', () => {
  it('leaves a text within its bound as it is', () => {
    const text = 'a'.repeat(BOUND);
    expect(cutRaw(text, LIMIT)).toBe(text);
  });

  it('leaves no part of a secret that the cut falls in, at any position, before or after scrubbing', () => {
    for (const secret of SECRETS) {
      for (let inside = 1; inside < secret.length; inside++) {
        // Words, then the secret, cut `inside` characters into it.
        const before = 'mot '.repeat(BOUND).slice(0, BOUND - 1 - inside);
        const text = `${before}${secret} et la suite`;
        const cut = cutRaw(text, LIMIT);
        expect(cut.length).toBeLessThanOrEqual(BOUND);
        expect(cut.endsWith('…')).toBe(true);
        const start = secret.replace(/^access_token=/, '').slice(0, 4);
        expect(scrubText(cut), `${secret} cut after ${inside}`).not.toContain(start);
      }
    }
  });

  it('keeps everything before the token the cut falls in: the earlier parameters of a URL, the whole last word', () => {
    const url = `https://graph.facebook.com/v19.0/me?fields=id&limit=50&after=${'Q'.repeat(BOUND)}`;
    expect(cutRaw(url, LIMIT)).toBe('https://graph.facebook.com/v19.0/me?fields=id&limit=50&…');
    // A cut inside a word drops it; a cut right after a word keeps it.
    expect(cutRaw(`${'a'.repeat(BOUND - 2)} suite`, LIMIT)).toBe(`${'a'.repeat(BOUND - 2)}…`);
    expect(cutRaw(`${'a'.repeat(BOUND - 1)} suite`, LIMIT)).toBe(`${'a'.repeat(BOUND - 1)}…`);
  });
});
