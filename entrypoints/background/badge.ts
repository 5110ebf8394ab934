/**
 * The toolbar badge shows how many errors the current Osortoo tab has logged, so the customer
 * sees that the extension noticed them before they even open the form.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../../utils/extension/messaging';

/** Badge text for a count: empty for none, capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function registerBadge(): void {
  onMessage('reportErrorCount', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only a tab's top frame speaks for it; the message carries nothing else we need.
    if (tabId === undefined || sender.frameId !== 0) return;
    const text = badgeText(data.count);
    // No error: the tab's own text is cleared (not set to ''), so the global badge, where
    // ticket-status.ts says that support answered, shows on this tab too.
    if (!text) return browser.action.setBadgeText({ tabId });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await browser.action.setBadgeText({ tabId, text });
  });
}
