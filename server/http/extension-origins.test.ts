/**
 * The Firefox add-on's origin is `moz-extension://<UUID>` with a UUID Firefox draws per profile:
 * `moz-extension://*` in ALLOWED_ORIGINS allows any Firefox extension origin, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config';
import { originAllowed } from './extension-origins';

const allowed = new Set(
  configFromEnv({ ALLOWED_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop, moz-extension://*' }).options.allowedOrigins,
);

describe('originAllowed with moz-extension://*', () => {
  it("allows any Firefox extension's origin", () => {
    expect(originAllowed(allowed, 'moz-extension://6f0c4a3e-2b1d-4c8e-9a57-0d3e8b1f2c44')).toBe(true);
    expect(originAllowed(allowed, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(true);
  });

  it('refuses web pages, look-alikes and other extensions', () => {
    for (const origin of [
      'https://example.com',
      'moz-extension://6f0c4a3e-2b1d-4c8e-9a57-0d3e8b1f2c44.evil.example',
      'moz-extension://not-a-uuid',
      'http://moz-extension',
      'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
    ]) {
      expect(originAllowed(allowed, origin), origin).toBe(false);
    }
  });

  it('allows no Firefox origin unless asked', () => {
    expect(
      originAllowed(
        new Set(['chrome-extension://abcdefghijklmnopabcdefghijklmnop']),
        'moz-extension://6f0c4a3e-2b1d-4c8e-9a57-0d3e8b1f2c44',
      ),
    ).toBe(false);
  });
});
