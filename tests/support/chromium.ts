/**
 * The one Chromium every browser test, e2e suite and benchmark starts: Debian's, or CHROMIUM_PATH,
 * with the flags that keep it off the network this machine does not have (without them it tries
 * Google's hosts at every start, and the closed network refuses them many at a time).
 * Side-effect free, so that scripts and unit-project browser tests can import it. Every launch
 * of the built extension goes through launchWithExtensions.
 */
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const QUIET_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/**
 * Chromium with unpacked extensions loaded, in `locale` (chrome.i18n follows LANGUAGE/LANG on
 * Linux, not --lang, so all three are set), at the 1280 × 800 window customers have.
 */
export function launchWithExtensions(
  userDataDir: string,
  extensionDirs: string[],
  { locale = 'en', args = [], timeZone }: { locale?: 'en' | 'fr'; args?: string[]; timeZone?: string } = {},
): Promise<BrowserContext> {
  const lang = locale === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8';
  const dirs = extensionDirs.join(',');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    // TZ: the customer's clock, as the operating system gives it to Chromium (optional).
    env: { ...process.env, LANGUAGE: locale, LANG: lang, LC_ALL: lang, ...(timeZone ? { TZ: timeZone } : {}) },
    args: [...QUIET_FLAGS, `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, `--lang=${locale}`, ...args],
  });
}
