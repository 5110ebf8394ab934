/**
 * The one Firefox the Firefox tests start: Debian's `firefox-esr` (or FIREFOX_PATH), driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver), with unpacked extensions installed through
 * BiDi. Beside chromium.ts, and side-effect free like it.
 *
 * Firefox gives each installed extension a random internal UUID, and with it a random
 * `moz-extension://<uuid>` origin. The `extensions.webextensions.uuids` preference (a JSON map of
 * add-on id → UUID) fixes it, so that the API's allowed origins can name the extension exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Preferences that keep Firefox off the network this machine does not have, and quiet. */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage': 'about:blank',
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US, en',
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** The extension's origin, `moz-extension://<uuid>`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Headless Firefox with the unpacked extension at `extensionDir` installed (temporarily, as
 * `about:debugging` would), its add-on id `geckoId` pinned to `uuid`, at the 1280 × 800 window
 * customers have.
 */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  { geckoId, uuid, prefs = {} }: { geckoId: string; uuid: string; prefs?: Record<string, unknown> },
): Promise<FirefoxWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'oso-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: null,
    args: ['--width=1280', '--height=800'],
    extraPrefsFirefox: { ...QUIET_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }), ...prefs },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== geckoId) throw new Error(`installed ${id}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    origin: `moz-extension://${uuid}`,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
