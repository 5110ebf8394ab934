/**
 * e2e builds only (test-doors.d.ts): Firefox's WebDriver BiDi can neither reach the extension's
 * worker nor navigate to a `moz-extension://` page, so a Firefox test talks to the worker
 * through a tab's address. When a tab's address gets the fragment
 * `#osortoo-e2e-click=<API URL>`, the worker points the build at that API (as the Chromium
 * harness does through storage) and does what a toolbar click does on Firefox 140–148: starts the
 * collection and opens the form in a window, which the test can then drive like any page.
 */
import { browser } from 'wxt/browser';
import { DEV_API_URL_KEY } from '../../../utils/extension/dev-api-url-key';
import { openFormFor } from '../toolbar';

/** The fragment the tests put in the draw page's address (tests/e2e/firefox/). */
export const CLICK_FRAGMENT = '#osortoo-e2e-click=';

export function openAddressDoor(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const at = change.url?.indexOf(CLICK_FRAGMENT) ?? -1;
    if (at < 0 || !change.url) return;
    const apiUrl = decodeURIComponent(change.url.slice(at + CLICK_FRAGMENT.length));
    void browser.storage.local.set({ [DEV_API_URL_KEY]: apiUrl }).then(() => openFormFor({ ...tab, id: tabId }, async () => false));
  });
}
