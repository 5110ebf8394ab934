import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, nextDelayMs, parseRetryAfter, SPEC_RETRY_DELAYS_MS } from './backoff';
import { describeHandoff } from './describe';
import { handoffConfigured, handoffSettingsFromEnv } from './settings';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe('handoffSettingsFromEnv', () => {
  it('is off when nothing is set', () => {
    const settings = handoffSettingsFromEnv({});
    expect(handoffConfigured(settings)).toBe(false);
  });

  it('reads mail, the acknowledgement, webhooks and PUBLIC_URL', () => {
    const settings = handoffSettingsFromEnv({
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      HANDOFF_EMAIL_TO: 'help@example.com',
      HANDOFF_EMAIL_FROM: 'tickets@example.com',
      CUSTOMER_ACK_EMAIL: 'on',
      WEBHOOK_URLS: 'https://a.example.com/hook, https://b.example.com/hook',
      WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://support.example.com/',
    });
    expect(settings).toEqual({
      publicUrl: 'https://support.example.com',
      email: {
        smtpUrl: 'smtp://user:pass@mail.example.com:587',
        to: 'help@example.com',
        from: 'tickets@example.com',
        locale: 'en',
        customerAck: true,
      },
      webhooks: { urls: ['https://a.example.com/hook', 'https://b.example.com/hook'], secret: SECRET },
    });
  });

  it('refuses a half-set channel or a bad value, naming the variable', () => {
    expect(() => handoffSettingsFromEnv({ SMTP_URL: 'smtp://h:25', HANDOFF_EMAIL_FROM: 'a@b.co' })).toThrow(/HANDOFF_EMAIL_TO/);
    expect(() => handoffSettingsFromEnv({ HANDOFF_EMAIL_TO: 'a@b.co' })).toThrow(/SMTP_URL is required/);
    expect(() => handoffSettingsFromEnv({ SMTP_URL: 'http://h', HANDOFF_EMAIL_TO: 'a@b.co', HANDOFF_EMAIL_FROM: 'a@b.co' })).toThrow(
      /SMTP_URL must/,
    );
    expect(() => handoffSettingsFromEnv({ CUSTOMER_ACK_EMAIL: 'on' })).toThrow(/CUSTOMER_ACK_EMAIL=on needs/);
    expect(() => handoffSettingsFromEnv({ WEBHOOK_URLS: 'https://a.example.com' })).toThrow(/WEBHOOK_SECRET/);
    expect(() => handoffSettingsFromEnv({ WEBHOOK_URLS: 'https://a.example.com', WEBHOOK_SECRET: 'secret' })).toThrow(/whsec_/);
    expect(() => handoffSettingsFromEnv({ WEBHOOK_URLS: 'ftp://a', WEBHOOK_SECRET: SECRET })).toThrow(/WEBHOOK_URLS/);
    expect(() => handoffSettingsFromEnv({ WEBHOOK_SECRET: SECRET })).toThrow(/WEBHOOK_URLS is required/);
  });
});

describe('backoff', () => {
  it("follows the spec's schedule: ten attempts over about three days", () => {
    const total = SPEC_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(SPEC_RETRY_DELAYS_MS).toHaveLength(9);
    expect(total).toBe((75 * 60 + 35) * 60_000 + 5_000); // 75:35:05, the spec's last row
    expect(nextDelayMs(0, { delaysMs: SPEC_RETRY_DELAYS_MS, jitter: 0 })).toBe(5_000);
    expect(nextDelayMs(9, { delaysMs: SPEC_RETRY_DELAYS_MS, jitter: 0 })).toBeUndefined();
    expect(nextDelayMs(1, { delaysMs: SPEC_RETRY_DELAYS_MS, jitter: 0.1, random: () => 1 })).toBe(330_000);
  });

  it('reads Retry-After as seconds or an HTTP date, capped', () => {
    const now = new Date('2026-11-24T15:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 15:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('describeHandoff (what npm start and npm run api print)', () => {
  it('says what is off and the settings that turn it on', () => {
    const text = describeHandoff({}, 'http://127.0.0.1:8787').join('\n');
    expect(text).toContain('mail: off');
    expect(text).toContain('SMTP_URL=smtp://');
    expect(text).toContain('webhooks: off');
    expect(text).toContain('WEBHOOK_SECRET=whsec_');
  });

  it('says where it sends, without the SMTP password', () => {
    const settings = handoffSettingsFromEnv({
      SMTP_URL: 'smtp://user:s3cret@mail.example.com:587',
      HANDOFF_EMAIL_TO: 'help@example.com',
      HANDOFF_EMAIL_FROM: 'tickets@example.com',
      WEBHOOK_URLS: 'https://a.example.com/hook',
      WEBHOOK_SECRET: SECRET,
    });
    const text = describeHandoff(settings, 'http://127.0.0.1:8787').join('\n');
    expect(text).toContain('mail: ON — to help@example.com from tickets@example.com via smtp://user:***@mail.example.com:587');
    expect(text).toContain('webhooks: ON — https://a.example.com/hook');
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain(SECRET);
  });
});
