/**
 * Whether `action.openPopup()` can open the form after the toolbar click. Chromium: yes. Firefox
 * opens a popup without a user gesture only from version 149, and the worker calls it after
 * awaiting `setPopup`, when Firefox no longer counts the click as a gesture: on Firefox 140–148
 * the form opens in a window straight away (toolbar.ts), rather than after a refused call that
 * leaves the toolbar's popup set for a moment.
 */
import { browser } from 'wxt/browser';

/** The first Firefox whose `action.openPopup()` works without a user gesture. */
export const FIREFOX_OPEN_POPUP_SINCE = 149;

/** The major version in a Firefox `runtime.getBrowserInfo()` or user-agent version string. */
export function majorVersion(version: string): number {
  return Number.parseInt(version, 10) || 0;
}

/** Decides from what the browser says it is; `name` and `version` as `runtime.getBrowserInfo()`. */
export function popupOpensWithoutGesture(info: { name: string; version: string } | undefined): boolean {
  if (info?.name !== 'Firefox') return true;
  return majorVersion(info.version) >= FIREFOX_OPEN_POPUP_SINCE;
}

type FirefoxRuntime = { getBrowserInfo?: () => Promise<{ name: string; version: string }> };

/** Asks the browser (Firefox only has `runtime.getBrowserInfo`; Chromium answers yes). */
export async function canOpenPopup(): Promise<boolean> {
  const getBrowserInfo = (browser.runtime as unknown as FirefoxRuntime).getBrowserInfo;
  if (!import.meta.env.FIREFOX || !getBrowserInfo) return true;
  return popupOpensWithoutGesture(await getBrowserInfo().catch(() => undefined));
}
