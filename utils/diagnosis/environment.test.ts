import { describe, expect, it } from 'vitest';
import { collectEnvironment, HIGH_ENTROPY_HINTS, type EnvironmentSources, type HighEntropyValues } from './environment';
import { EnvironmentSchema } from '../contract/schemas';

const UA = {
  win11Chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  win11Edge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  iPhoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iPadSafari:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  winFirefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

const chromeBrands = (version: string, extra: { brand: string; version: string }[] = []) => [
  { brand: 'Not_A Brand', version: '8.0.0.0' },
  { brand: 'Chromium', version },
  ...extra,
];

/** A fake navigator.userAgentData that records what it was asked. */
function uaData(values: HighEntropyValues, opts: { mobile?: boolean; delayMs?: number; reject?: boolean } = {}) {
  const asked: string[][] = [];
  return {
    asked,
    data: {
      mobile: opts.mobile ?? false,
      platform: values.platform ?? '',
      getHighEntropyValues(hints: string[]) {
        asked.push(hints);
        if (opts.reject) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
        return new Promise<HighEntropyValues>((resolve) => setTimeout(() => resolve(values), opts.delayMs ?? 0));
      },
    },
  };
}

function sources(userAgent: string, over: Partial<EnvironmentSources> & { userAgentData?: unknown } = {}): EnvironmentSources {
  const { userAgentData, ...rest } = over;
  return {
    navigator: { userAgent, language: 'fr-FR', languages: ['fr-FR', 'fr', 'en'], onLine: true, userAgentData: userAgentData as never },
    screen: { width: 1920, height: 1080 },
    window: { innerWidth: 1280, innerHeight: 800, devicePixelRatio: 1.25 },
    extensionVersion: '0.1.0',
    timeZone: 'America/Toronto',
    ...rest,
  };
}

async function collect(src: EnvironmentSources) {
  const env = await collectEnvironment(src);
  // Every result must be valid against the contract.
  expect(EnvironmentSchema.parse(env)).toEqual(env);
  return env;
}

describe('collectEnvironment', () => {
  it('Windows 11 behind the frozen "Windows NT 10.0" UA, with the real Chrome version', async () => {
    const fake = uaData({
      platform: 'Windows',
      platformVersion: '15.0.0',
      architecture: 'x86',
      bitness: '64',
      model: '',
      fullVersionList: chromeBrands('131.0.6778.86', [{ brand: 'Google Chrome', version: '131.0.6778.86' }]),
    });
    const env = await collect(sources(UA.win11Chrome, { userAgentData: fake.data }));
    expect(fake.asked).toEqual([[...HIGH_ENTROPY_HINTS]]);
    expect(env).toEqual({
      userAgent: UA.win11Chrome,
      browser: { name: 'Chrome', version: '131.0.6778.86' },
      engine: { name: 'Blink', version: '131.0.6778.86' },
      os: { name: 'Windows', version: '11' },
      device: { type: 'desktop' },
      screen: { width: 1920, height: 1080 },
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1.25,
      languages: ['fr-FR', 'fr', 'en'],
      timezone: 'America/Toronto',
      online: true,
      extensionVersion: '0.1.0',
    });
  });

  it('Windows 10 stays Windows 10; Edge gets its own brand version', async () => {
    const fake = uaData({
      platformVersion: '10.0.0',
      fullVersionList: chromeBrands('131.0.6778.70', [{ brand: 'Microsoft Edge', version: '131.0.2903.51' }]),
    });
    const env = await collect(sources(UA.win11Edge, { userAgentData: fake.data }));
    expect(env.os).toEqual({ name: 'Windows', version: '10' });
    expect(env.browser).toEqual({ name: 'Edge', version: '131.0.2903.51' });
    expect(env.engine).toEqual({ name: 'Blink', version: '131.0.6778.70' });
  });

  it('macOS: the real version instead of the frozen 10.15.7', async () => {
    const fake = uaData({
      platformVersion: '14.5.0',
      fullVersionList: chromeBrands('131.0.6778.86', [{ brand: 'Google Chrome', version: '131.0.6778.86' }]),
    });
    const env = await collect(sources(UA.macChrome, { userAgentData: fake.data }));
    expect(env.os).toEqual({ name: 'Mac OS', version: '14.5.0' });
    expect(env.device).toEqual({ type: 'desktop', vendor: 'Apple', model: 'Macintosh' });
  });

  it('Android: the real model and version instead of "Android 10; K"', async () => {
    const fake = uaData(
      {
        platformVersion: '14.0.0',
        model: 'Pixel 8',
        mobile: true,
        fullVersionList: chromeBrands('131.0.6778.81', [{ brand: 'Google Chrome', version: '131.0.6778.81' }]),
      },
      { mobile: true },
    );
    const env = await collect(
      sources(UA.androidChrome, {
        userAgentData: fake.data,
        screen: { width: 412, height: 915 },
        window: { innerWidth: 412, innerHeight: 780, devicePixelRatio: 2.625 },
      }),
    );
    expect(env.os).toEqual({ name: 'Android', version: '14.0.0' });
    expect(env.device).toEqual({ type: 'mobile', model: 'Pixel 8' });
    expect(env.browser.version).toBe('131.0.6778.81');
    expect(env.devicePixelRatio).toBe(2.625);
  });

  it('iPhone and iPad Safari: no client hints, the UA is enough', async () => {
    const phone = await collect(
      sources(UA.iPhoneSafari, { screen: { width: 390, height: 844 }, window: { innerWidth: 390, innerHeight: 664, devicePixelRatio: 3 } }),
    );
    expect(phone.browser).toEqual({ name: 'Mobile Safari', version: '17.5' });
    expect(phone.os).toEqual({ name: 'iOS', version: '17.5' });
    expect(phone.device).toEqual({ type: 'mobile', vendor: 'Apple', model: 'iPhone' });
    const tablet = await collect(sources(UA.iPadSafari));
    expect(tablet.device.type).toBe('tablet');
  });

  it('Firefox has no userAgentData: UA values as they are', async () => {
    const env = await collect(sources(UA.winFirefox, { navigator: { userAgent: UA.winFirefox, language: 'en-CA', onLine: false } }));
    expect(env.browser).toEqual({ name: 'Firefox', version: '133.0' });
    expect(env.engine).toEqual({ name: 'Gecko', version: '133.0' });
    expect(env.os).toEqual({ name: 'Windows', version: '10' });
    expect(env.languages).toEqual(['en-CA']);
    expect(env.online).toBe(false);
  });

  it('never waits long for hints, and survives refused ones', async () => {
    const slow = uaData({ platformVersion: '15.0.0' }, { delayMs: 5_000 });
    const t0 = performance.now();
    const env = await collect(sources(UA.win11Chrome, { userAgentData: slow.data, timeoutMs: 50 }));
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(env.os.version).toBe('10');
    const refused = uaData({}, { reject: true });
    expect((await collect(sources(UA.win11Chrome, { userAgentData: refused.data }))).browser).toEqual({
      name: 'Chrome',
      version: '131.0.0.0',
    });
    const broken = {
      getHighEntropyValues: () => {
        throw new Error('sync throw');
      },
    };
    expect((await collect(sources(UA.win11Chrome, { userAgentData: broken }))).os.name).toBe('Windows');
  });

  it('uses hints given by the caller instead of asking again', async () => {
    const fake = uaData({ platformVersion: '1.0.0' });
    const env = await collect(sources(UA.win11Chrome, { userAgentData: fake.data, highEntropy: { platformVersion: '13.0.0' } }));
    expect(fake.asked).toEqual([]);
    expect(env.os.version).toBe('11');
  });

  it('fills in what is missing or odd with safe values', async () => {
    const env = await collect({
      navigator: { userAgent: 'curl/8.5.0', languages: [] },
      screen: { width: NaN, height: -5 },
      window: { innerWidth: 800.6, innerHeight: 600, devicePixelRatio: 0 },
      extensionVersion: '',
      timeZone: 'Europe/Paris',
    });
    expect(env).toMatchObject({
      browser: { name: 'unknown', version: 'unknown' },
      os: { name: 'unknown', version: 'unknown' },
      device: { type: 'desktop' },
      screen: { width: 0, height: 0 },
      viewport: { width: 801, height: 600 },
      devicePixelRatio: 1,
      languages: [],
      online: true,
      extensionVersion: 'unknown',
    });
  });

  it('prefers the page measurements the caller passes over its own window', async () => {
    const env = await collect(
      sources(UA.winFirefox, {
        viewport: { width: 1440, height: 900 },
        devicePixelRatio: 2,
        online: false,
        window: { innerWidth: 400, innerHeight: 600, devicePixelRatio: 1 },
      }),
    );
    expect(env).toMatchObject({ viewport: { width: 1440, height: 900 }, devicePixelRatio: 2, online: false });
    const { window: _w, ...withoutWindow } = sources(UA.winFirefox);
    expect((await collect(withoutWindow)).viewport).toEqual({ width: 0, height: 0 });
  });

  it('reads the timezone from Intl by default', async () => {
    const { timeZone: _omit, ...src } = sources(UA.winFirefox);
    const env = await collect(src);
    expect(env.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('describeEnvironment', () => {
  it('reads as one line and leaves out what the browser did not tell', async () => {
    const { describeEnvironment } = await import('./environment');
    const env = {
      userAgent: 'x',
      browser: { name: 'Chrome', version: '131.0.6778.86' },
      engine: { name: 'Blink', version: '131' },
      os: { name: 'Linux', version: 'unknown' },
      device: { type: 'mobile' as const, model: 'Pixel 8' },
      screen: { width: 412, height: 915 },
      viewport: { width: 412, height: 800 },
      devicePixelRatio: 2.6,
      languages: ['fr-FR'],
      timezone: 'Europe/Paris',
      online: true,
      extensionVersion: '0.1.0',
    };
    expect(describeEnvironment(env)).toBe('Chrome 131.0.6778.86 · Linux · mobile (Pixel 8) · 412×800');
  });
});
