/**
 * The customer's browser, system and screen, as the contract's Environment. The user-agent
 * string alone lies nowadays (UA reduction freezes "Windows NT 10.0" on Windows 11, "Mac OS X
 * 10_15_7" on every Mac, "Android 10; K" on every Android phone), so where the browser offers
 * User-Agent Client Hints the real values replace the frozen ones. Asking for them is async,
 * and bounded by a short timeout so that opening the form never waits on it.
 *
 * Pure: everything it reads is passed in (the popup passes its own navigator/screen/window).
 */
import { UAParser } from 'ua-parser-js';
import type { Environment } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { askClientHints, type HighEntropyValues, type UserAgentDataLike } from './client-hints';

export { HIGH_ENTROPY_HINTS, type HighEntropyValues } from './client-hints';

export interface EnvironmentSources {
  navigator: {
    userAgent: string;
    language?: string;
    languages?: readonly string[];
    onLine?: boolean;
    userAgentData?: UserAgentDataLike;
  };
  screen: { width: number; height: number };
  /**
   * The page's viewport, pixel ratio and online state. The popup passes what the content
   * script measured in the page (its own window is the popup's); `window` is the fallback.
   */
  viewport?: { width: number; height: number };
  devicePixelRatio?: number;
  online?: boolean;
  window?: { innerWidth: number; innerHeight: number; devicePixelRatio?: number };
  extensionVersion: string;
  /** Hints already fetched elsewhere; skips asking navigator.userAgentData. */
  highEntropy?: HighEntropyValues;
  /** How long to wait for the hints (default 300 ms). */
  timeoutMs?: number;
  /** IANA timezone; defaults to the one Intl reports. */
  timeZone?: string;
}

const short = (s: string | undefined, fallback = '') => (s || fallback).slice(0, LIMITS.shortTextChars);
const size = (n: number | undefined) => (Number.isFinite(n) && n! > 0 ? Math.round(n!) : 0);

/** Client-hint brands for ua-parser's browser names (the hint list also holds Chromium and GREASE brands). */
const BRANDS: Record<string, RegExp> = {
  Chrome: /^Google Chrome$/i,
  Edge: /^Microsoft Edge$/i,
  Opera: /^Opera$/i,
  Brave: /^Brave$/i,
  Chromium: /^Chromium$/i,
  Samsung: /^Samsung Internet$/i,
  Vivaldi: /^Vivaldi$/i,
  Yandex: /^Yandex$/i,
};

/** Windows 11 reports platformVersion 13 or more, Windows 10 1 to 10, Windows 7/8/8.1 0. */
function windowsVersion(platformVersion: string): string | undefined {
  const major = parseInt(platformVersion, 10);
  if (!(major >= 0)) return undefined;
  return major >= 13 ? '11' : major > 0 ? '10' : '7/8/8.1';
}

function deviceType(type: string | undefined, mobileHint: boolean | undefined): Environment['device']['type'] {
  if (type === 'mobile' || type === 'tablet') return type;
  if (type) return 'other'; // console, smarttv, wearable, embedded, xr
  return mobileHint ? 'mobile' : 'desktop';
}

/** Collects the Environment of a ticket; never rejects, never waits longer than the timeout. */
export async function collectEnvironment(src: EnvironmentSources): Promise<Environment> {
  const nav = src.navigator;
  const userAgent = String(nav.userAgent || '');
  const parsed = new UAParser(userAgent).getResult();
  const uaData = nav.userAgentData;
  const hints = src.highEntropy ?? (await askClientHints(uaData, src.timeoutMs ?? 300)) ?? {};

  const browser = { name: parsed.browser.name, version: parsed.browser.version };
  const engine = { name: parsed.engine.name, version: parsed.engine.version };
  const os = { name: parsed.os.name, version: parsed.os.version };
  const device = {
    type: deviceType(parsed.device.type, hints.mobile ?? uaData?.mobile),
    vendor: parsed.device.vendor,
    model: parsed.device.model,
  };

  const brands = hints.fullVersionList?.filter((b) => b && typeof b.brand === 'string' && typeof b.version === 'string') ?? [];
  const wanted = browser.name ? BRANDS[browser.name] : undefined;
  const brand = (wanted && brands.find((b) => wanted.test(b.brand))) || undefined;
  if (brand) browser.version = brand.version;
  const chromium = brands.find((b) => /^Chromium$/i.test(b.brand));
  if (chromium && engine.name === 'Blink') engine.version = chromium.version;

  const pv = hints.platformVersion;
  if (pv) {
    if (os.name === 'Windows') os.version = windowsVersion(pv) ?? os.version;
    else if (os.name === 'Mac OS' || os.name === 'macOS') os.version = pv;
    else if (os.name === 'Android' || os.name === 'Chrome OS' || os.name === 'Chromium OS') os.version = pv;
  }
  // Reduced Android UAs say "K" for every model.
  if (hints.model && (!device.model || device.model === 'K')) device.model = hints.model;

  let timezone = src.timeZone;
  if (!timezone) {
    try {
      timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      // Old or locked-down Intl: left empty below.
    }
  }
  const languages = (nav.languages?.length ? [...nav.languages] : nav.language ? [nav.language] : [])
    .filter((l) => typeof l === 'string' && l)
    .slice(0, 20)
    .map((l) => l.slice(0, 35));
  const dpr = src.devicePixelRatio ?? src.window?.devicePixelRatio;
  const viewport = src.viewport ?? { width: src.window?.innerWidth ?? 0, height: src.window?.innerHeight ?? 0 };

  return {
    userAgent: userAgent.slice(0, 1000),
    browser: { name: short(browser.name, 'unknown'), version: short(browser.version, 'unknown') },
    engine: { name: short(engine.name, 'unknown'), version: short(engine.version, 'unknown') },
    os: { name: short(os.name, 'unknown'), version: short(os.version, 'unknown') },
    device: {
      type: device.type,
      ...(device.vendor ? { vendor: short(device.vendor) } : {}),
      ...(device.model ? { model: short(device.model) } : {}),
    },
    screen: { width: size(src.screen.width), height: size(src.screen.height) },
    viewport: { width: size(viewport.width), height: size(viewport.height) },
    devicePixelRatio: Number.isFinite(dpr) && dpr! > 0 ? dpr! : 1,
    languages,
    timezone: short(timezone, 'unknown'),
    online: (src.online ?? nav.onLine) !== false,
    extensionVersion: short(src.extensionVersion, 'unknown'),
  };
}

/**
 * One line for people: "Chrome 131.0.6778.86 · Windows 11 · desktop (Pixel 8) · 1280×800".
 * Values the browser did not tell ('unknown') are left out rather than shown.
 */
export function describeEnvironment(env: Environment): string {
  const known = (...parts: string[]) => parts.filter((part) => part && part !== 'unknown').join(' ');
  const device = known(env.device.type, env.device.model ? `(${env.device.model})` : '');
  return [
    known(env.browser.name, env.browser.version),
    known(env.os.name, env.os.version),
    device,
    `${env.viewport.width}×${env.viewport.height}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
