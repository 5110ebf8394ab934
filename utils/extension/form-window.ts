import { browser } from 'wxt/browser';

/**
 * Opens the form in a window of its own, about `tabId` (or, without one, a general ticket):
 * the "open in a window" button, and the toolbar click where no popup can open. In a window
 * the form survives a click elsewhere, and the diagnosed tab stays the visible one of its own
 * window, so it can still be captured.
 */
export async function openFormWindow(tabId: number | undefined): Promise<void> {
  const query = tabId !== undefined && tabId >= 0 ? `?tabId=${tabId}` : '';
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html${query}`), type: 'popup', width: 520, height: 760 });
}
