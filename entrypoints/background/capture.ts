/**
 * Visible-area screenshots, taken by the worker because `tabs.captureVisibleTab` belongs to it.
 * Chrome allows two captures a second per extension; requests are spaced accordingly rather
 * than failing with MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CaptureResult } from '../../utils/extension/messaging';

const MIN_SPACING_MS = 550;
let nextSlot = 0;

async function waitForSlot(): Promise<void> {
  const now = Date.now();
  const slot = Math.max(now, nextSlot);
  nextSlot = slot + MIN_SPACING_MS;
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

/** Captures the visible area of a tab, which must be the active tab of its window. */
export async function captureTab(tabId: number): Promise<CaptureResult> {
  let tab: Browser.tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch (error) {
    return { ok: false, reason: 'failed', detail: String(error) };
  }
  // captureVisibleTab shows whatever is on top in the window: refuse rather than capture
  // another page than the one the ticket is about.
  if (!tab.active) return { ok: false, reason: 'not-visible' };
  await waitForSlot();
  try {
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 80 });
    return { ok: true, dataUrl };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /permission|activeTab|all_urls/i.test(detail) ? 'no-permission' : 'failed', detail };
  }
}
