/**
 * e2e builds only (`__osortooTest.toolbar`, see test-doors.d.ts): headless tests cannot click
 * the toolbar button, so they call what a click calls.
 */
import type { Browser } from 'wxt/browser';
import { openFormFor, showPopup } from '../toolbar';

export interface ToolbarDoor {
  /** What a click on the toolbar button does, for `tab`. */
  openFormFor(tab: Browser.tabs.Tab): Promise<'popup' | 'window'>;
  /**
   * The same popup opened without the click-time collection (the form then asks for it when its
   * script runs), which the benchmark measures beside the real click.
   */
  openPlainPopup(tab: Browser.tabs.Tab): Promise<'popup'>;
}

export function toolbarDoor(): ToolbarDoor {
  return {
    openFormFor,
    async openPlainPopup(tab) {
      if (tab.id === undefined) throw new Error('openPlainPopup: a tab without an id');
      await showPopup(tab.id, tab.windowId);
      return 'popup';
    },
  };
}
