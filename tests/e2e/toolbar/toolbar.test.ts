/**
 * The toolbar button, as a customer uses it: Chrome itself presses the button
 * (pressToolbarButton: CDP Extensions.triggerAction), so the click reaches the worker only
 * through the `action.onClicked` listener it registered. The worker starts the screenshot and
 * the page's snapshot before the form exists, then opens the form as the button's popup (or,
 * where no popup can open, in a window). The tests read what the real popup reports
 * (entrypoints/popup/testing/form-report.ts, e2e builds only).
 */
import { describe, expect, it } from 'vitest';
import { clickToolbar, closeForms, EXTENSION_ID, formReport, pressToolbarButton, tabIdOf } from '../support/harness';
import { useStack } from '../support/stack';
import { REPORT_KEY } from '../../../entrypoints/popup/testing/report-keys';

/** The extension API inside the functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const stack = useStack();

async function openDrawPage() {
  const page = await stack.browser.context.newPage();
  await page.goto(stack.demo.drawUrl);
  await page.waitForLoadState('load');
  // Let the page's asynchronous failures (fetch, rejection, timer) happen.
  await page.waitForTimeout(300);
  return { page, tabId: await tabIdOf(stack.browser.worker, stack.demo.drawUrl) };
}

describe('toolbar button', () => {
  it('collects the tab before the form exists, then opens the form as its popup, click after click', async () => {
    const { page, tabId } = await openDrawPage();
    // The manifest gives the button no popup: a click must reach the worker.
    expect(
      await stack.browser.worker.evaluate(() => (chrome.runtime.getManifest().action as { default_popup?: string }).default_popup),
    ).toBeUndefined();
    // ...where a listener waits for it (the presses below prove it is the one that opens the form).
    expect(await stack.browser.worker.evaluate(() => chrome.action.onClicked.hasListeners())).toBe(true);

    for (let click = 0; click < 2; click++) {
      await stack.browser.worker.evaluate((key) => chrome.storage.session.remove(key), REPORT_KEY);
      const clickedAt = await pressToolbarButton(stack.browser, stack.demo.drawUrl);
      // The button's popup (not a window: Playwright sees every window, never the popup).
      const report = await formReport(stack.browser).catch((error) => {
        throw new Error(`no form opened after press ${click + 1} on the toolbar button (${String(error)})`);
      });
      expect(stack.browser.context.pages().some((p) => p.url().startsWith(`chrome-extension://${EXTENSION_ID}/`))).toBe(false);
      expect(report.url).toBe(`chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}&from=toolbar`);
      expect(report.tabId).toBe(tabId);
      // Collected from the click, before the form's document even started.
      expect(report.collectionStartedAt).toBeGreaterThanOrEqual(Math.floor(clickedAt) - 1);
      expect(report.collectionStartedAt).toBeLessThan(report.openedAt);
      // ...and it is the draw page's: its errors, its visible area under the size cap.
      expect(report.onOsortooPage).toBe(true);
      expect(report.entries).toBeGreaterThanOrEqual(5);
      expect(report.screenshot).toMatchObject({ source: 'visible', type: 'image/jpeg', width: 1280, height: 800 });
      expect(report.screenshot!.bytes).toBeLessThanOrEqual(300 * 1024);
      // The popup was set for the time of opening it only: the next click comes to the worker again.
      expect(await stack.browser.worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)).toBe('');
      await closeForms(stack.browser);
      await page.waitForTimeout(600); // captureVisibleTab: at most two a second
    }
    await page.close();
  });

  it('opens the form in a window about the tab where no popup can open (a window without a toolbar)', async () => {
    // The draw page in a window of type "popup" (no toolbar): Chromium cannot show the button's popup there.
    const [page] = await Promise.all([
      stack.browser.context.waitForEvent('page', { predicate: (p) => p.url() === stack.demo.drawUrl }),
      stack.browser.worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 1280, height: 800 }), stack.demo.drawUrl),
    ]);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const tabId = await tabIdOf(stack.browser.worker, stack.demo.drawUrl);
    const formUrl = `chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}`;
    // Such a window shows no button to press: what the click calls is called through the door.
    const [form, { opened }] = await Promise.all([
      stack.browser.context.waitForEvent('page', { predicate: (p) => p.url() === formUrl }),
      clickToolbar(stack.browser, tabId),
    ]);
    expect(opened).toBe('window');
    // The form in its window is about the draw page, screenshot included.
    await form.getByTestId('screenshot-thumb').waitFor();
    expect(await form.getByTestId('page-url').textContent()).toContain('/giveaways/8f3k2/results');
    const report = await formReport(stack.browser, (r) => r.url === formUrl);
    expect(report).toMatchObject({ tabId, onOsortooPage: true, screenshot: { source: 'visible', type: 'image/jpeg' } });
    expect(report.entries).toBeGreaterThanOrEqual(5);
    // A window form offers no "open in a window" of its own.
    expect(await form.getByRole('button', { name: /Open in a window|Ouvrir dans une fenêtre/ }).count()).toBe(0);
    await form.close();
    await page.close();
  });
});
