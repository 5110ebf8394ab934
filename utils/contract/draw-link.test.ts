import { describe, expect, it } from 'vitest';
import { canonicalDrawUrl } from './draw-link';

describe('canonicalDrawUrl', () => {
  it('forces https, drops tracking, credentials, user-info and the fragment', () => {
    expect(
      canonicalDrawUrl(
        'http://marie:pw@app.osortoo.com/giveaways/8f3k2/results?utm_source=newsletter&tab=winners&fbclid=IwAR0x&gclid=abc&access_token=EAAB1234567890abcdefghij#comment-12',
      ),
    ).toBe('https://app.osortoo.com/giveaways/8f3k2/results?tab=winners');
    expect(canonicalDrawUrl('https://app.osortoo.com/giveaways/8f3k2?utm_medium=email')).toBe('https://app.osortoo.com/giveaways/8f3k2');
    expect(canonicalDrawUrl('https://app.osortoo.com/giveaways/8f3k2?page=2&sort=recent')).toBe(
      'https://app.osortoo.com/giveaways/8f3k2?page=2&sort=recent',
    );
    // The local demo page keeps its http scheme.
    expect(canonicalDrawUrl('http://127.0.0.1:5173/giveaways/8f3k2/results?utm_source=x')).toBe(
      'http://127.0.0.1:5173/giveaways/8f3k2/results',
    );
    expect(canonicalDrawUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalDrawUrl(`https://app.osortoo.com/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});
