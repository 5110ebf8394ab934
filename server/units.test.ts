import { describe, expect, it } from 'vitest';
import { SupportStatusSchema } from '../utils/contract/schemas';
import { configFromEnv } from './config';
import { DEFAULT_ALLOWED_ORIGIN } from './start-options';
import { FixedWindowLimiter } from './rate-limit';
import { runStatusCommand } from './status-command';
import { etagMatches } from './support-status';
import { SUPPORT_TOKEN, startTestApi } from './test-support';

describe('FixedWindowLimiter', () => {
  it('counts per key and window, and says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(2, 60_000, () => now);
    expect(limiter.hit('a')).toEqual({ allowed: true });
    expect(limiter.hit('a')).toEqual({ allowed: true });
    expect(limiter.hit('b')).toEqual({ allowed: true });
    now += 59_001;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 999;
    expect(limiter.hit('a')).toEqual({ allowed: true });
  });
});

describe('etagMatches', () => {
  it('accepts lists, weak forms and *', () => {
    expect(etagMatches('"a", W/"b"', '"b"')).toBe(true);
    expect(etagMatches('*', '"b"')).toBe(true);
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});

describe('configFromEnv', () => {
  it('has the documented defaults and warns without a support token', () => {
    const { options, warnings } = configFromEnv({});
    expect(options).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '.data/',
      allowedOrigins: [DEFAULT_ALLOWED_ORIGIN],
      rateLimit: { max: 30, windowMs: 60_000 },
    });
    expect(options.supportToken).toBeUndefined();
    expect(warnings.join(' ')).toMatch(/SUPPORT_TOKEN.*DISABLED/);
  });
  it('reads every setting', () => {
    const { options, warnings } = configFromEnv({
      PORT: '9000',
      HOST: '127.0.0.2',
      DATA_DIR: '/tmp/x',
      SUPPORT_TOKEN: 'a-long-enough-token',
      ALLOWED_ORIGINS: 'chrome-extension://a, chrome-extension://b,',
      RATE_LIMIT_PER_MIN: '0',
      SUPPORT_TIMEZONE: 'America/Vancouver',
    });
    expect(options).toMatchObject({
      port: 9000,
      host: '127.0.0.2',
      dataDir: '/tmp/x',
      supportToken: 'a-long-enough-token',
      allowedOrigins: ['chrome-extension://a', 'chrome-extension://b'],
      rateLimit: false,
      timezone: 'America/Vancouver',
    });
    expect(warnings).toEqual([]);
  });
  it('refuses unusable values', () => {
    expect(() => configFromEnv({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => configFromEnv({ RATE_LIMIT_PER_MIN: '-1' })).toThrow(/RATE_LIMIT_PER_MIN/);
    expect(() => configFromEnv({ SUPPORT_TIMEZONE: 'Mars/Olympus' })).toThrow(/SUPPORT_TIMEZONE/);
    expect(() => configFromEnv({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
    expect(() => configFromEnv({ IDLE_TIMEOUT_S: '1.5' })).toThrow(/IDLE_TIMEOUT_S/);
  });

  it('reads the hardening settings, with documented defaults: 90 days, 10 GiB, 200 MiB a day, 75 MiB in flight, 30 s idle, no proxy', () => {
    expect(configFromEnv({}).options).toMatchObject({
      retentionDays: 90,
      quota: { totalBytes: 10 * 1024 ** 3, addressDailyBytes: 200 * 1024 ** 2 },
      inflightBytes: 75 * 1024 ** 2,
      idleTimeoutMs: 30_000,
      trustProxy: false,
    });
    const { options } = configFromEnv({
      RETENTION_DAYS: '30',
      STORAGE_BUDGET_MB: '2048',
      ADDRESS_DAILY_MB: '0',
      INFLIGHT_MB: '64',
      IDLE_TIMEOUT_S: '90',
      TRUST_PROXY: '127.0.0.1, ::1',
    });
    expect(options).toMatchObject({
      retentionDays: 30,
      quota: { totalBytes: 2048 * 1024 ** 2, addressDailyBytes: 0 },
      inflightBytes: 64 * 1024 ** 2,
      idleTimeoutMs: 90_000,
      trustProxy: { addresses: ['127.0.0.1', '::1'] },
    });
    expect(configFromEnv({ TRUST_PROXY: '2' }).options.trustProxy).toEqual({ hops: 2 });
  });
});

describe('status command (npm run api:status)', () => {
  it('sets peak mode with a message through the running API, shows it, and refuses without a token', async () => {
    const api = await startTestApi();
    const out: string[] = [];
    const err: string[] = [];
    const io = { fetch, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const env = { SUPPORT_API_URL: `${api.url}/`, SUPPORT_TOKEN };
    try {
      expect(await runStatusCommand(['peak', 'Instagram', 'API', 'outage', '--until', '2026-12-24T17:00:00-05:00'], env, io)).toBe(0);
      const status = SupportStatusSchema.parse(await (await fetch(`${api.url}/v1/status`)).json());
      expect(status).toMatchObject({ mode: 'peak', message: 'Instagram API outage', until: '2026-12-24T22:00:00.000Z' });
      out.length = 0;
      expect(await runStatusCommand(['show'], { SUPPORT_API_URL: api.url }, io)).toBe(0);
      expect(out.join('\n')).toMatch(/mode: peak\nmessage: Instagram API outage/);
      expect(await runStatusCommand(['normal'], { SUPPORT_API_URL: api.url }, io)).toBe(2);
      expect(await runStatusCommand(['normal'], { ...env, SUPPORT_TOKEN: 'wrong' }, io)).toBe(1);
      expect(err.join('\n')).toMatch(/401/);
      expect(await runStatusCommand(['busy'], env, io)).toBe(2);
      expect(await runStatusCommand(['normal'], env, io)).toBe(0);
      expect(SupportStatusSchema.parse(await (await fetch(`${api.url}/v1/status`)).json())).toMatchObject({ mode: 'normal' });
    } finally {
      await api.close();
    }
  });
});
