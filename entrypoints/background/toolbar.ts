/**
 * The toolbar button. The manifest gives it no popup, so a click reaches the worker first:
 * it starts the screenshot and the page's snapshot while the form opens (a capture taken
 * before the form exists is also faster: capturing while a popup renders costs twice as much),
 * then opens the form as the button's popup. Where a popup cannot be opened (Firefox before 149:
 * popup-support.ts), the form opens in a window of its own.
 */
import { browser, type Browser } from 'wxt/browser';
import { openFormWindow } from '../../utils/extension/form-window';
import { startCollecting } from './collect';
import { canOpenPopup } from './popup-support';

/**
 * Opens the form as the button's popup for `tabId`. The popup is set for this tab only for the
 * time of opening it, so that the next click comes to the worker again; a worker stopped in
 * between leaves a plain popup, which still works (the form then asks for the collection
 * itself). The tab rides in the address: the form need not ask the browser which tab it is about.
 */
export async function showPopup(tabId: number, windowId: number): Promise<void> {
  await browser.action.setPopup({ tabId, popup: `popup.html?tabId=${tabId}&from=toolbar` });
  try {
    await browser.action.openPopup({ windowId });
  } finally {
    await browser.action.setPopup({ tabId, popup: '' }).catch(() => undefined);
  }
}

/**
 * What a click on the toolbar button does, for the tab it was clicked on. `popupPossible` asks
 * whether this browser can open the popup now (the e2e build's doors pass Firefox 140–148's answer).
 */
export async function openFormFor(tab: Browser.tabs.Tab, popupPossible = canOpenPopup): Promise<'popup' | 'window'> {
  const tabId = tab.id !== undefined && tab.id >= 0 ? tab.id : undefined;
  if (tabId !== undefined) {
    startCollecting(tabId);
    if (await popupPossible()) {
      try {
        await showPopup(tabId, tab.windowId);
        return 'popup';
      } catch {
        // No popup possible (a window without a toolbar, no focused window): a window instead.
      }
    }
  }
  await openFormWindow(tabId);
  return 'window';
}

export function registerToolbar(): void {
  browser.action.onClicked.addListener((tab) => void openFormFor(tab));
}
