/**
 * The first click of the day: Chrome stops an idle worker after 30 s, so the customer's press on
 * the toolbar button is what starts it again, and the press must still lead to a filled form.
 * The worker is stopped over CDP (as the fault matrix does), then Chrome itself presses the
 * button (pressToolbarButton): Chrome wakes the worker for the press and dispatches it to the
 * listener the new worker registered while starting, as for a real click. Nothing evaluates in
 * the worker between the stop and the press.
 */
import { expect, it } from 'vitest';
import { EXTENSION_ID, formReport, pressToolbarButton, tabIdOf } from '../support/harness';
import { liveWorker, stopServiceWorker } from '../support/fault-matrix';
import { useStack } from '../support/stack';
import { REPORT_KEY } from '../../../entrypoints/popup/testing/report-keys';

/** The extension API inside the functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const stack = useStack();

it('a press on the button wakes the stopped worker, which collects the tab and opens a filled form', async () => {
  const page = await stack.browser.context.newPage();
  await page.goto(stack.demo.drawUrl);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300); // the page's asynchronous failures
  const tabId = await tabIdOf(stack.browser.worker, stack.demo.drawUrl);
  await stack.browser.worker.evaluate((key) => chrome.storage.session.remove(key), REPORT_KEY);

  // Leaves a marker in the running worker, stops it and waits until it is gone.
  await stopServiceWorker(stack.browser, page);
  const pressedAt = await pressToolbarButton(stack.browser, stack.demo.drawUrl);

  const worker = await liveWorker(stack.browser);
  const report = await formReport({ ...stack.browser, worker }).catch((error) => {
    throw new Error(`no form opened after the press that woke the worker (${String(error)})`);
  });
  // A new worker answered the press: the stopped one's marker is not in it.
  expect(await worker.evaluate(() => (globalThis as { __stopMarker?: string }).__stopMarker)).toBeUndefined();
  // The button's popup, opened by the press, about this tab...
  expect(report.url).toBe(`chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}&from=toolbar`);
  // ...with the collection the woken worker started at the press, before the form existed...
  expect(report.collectionStartedAt).toBeGreaterThanOrEqual(pressedAt - 1);
  expect(report.collectionStartedAt).toBeLessThan(report.openedAt);
  // ...filled: the draw page's errors and its visible area.
  expect(report.onOsortooPage).toBe(true);
  expect(report.entries).toBeGreaterThanOrEqual(5);
  expect(report.screenshot).toMatchObject({ source: 'visible', type: 'image/jpeg', width: 1280, height: 800 });
  await page.close();
});
