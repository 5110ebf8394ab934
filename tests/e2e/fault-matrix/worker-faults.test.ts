/**
 * Fault matrix, part 2: the API hangs past the delivery timeout (and once stores a ticket but
 * its answer is lost), and the service worker is stopped over CDP in the middle of an upload
 * (twice: before the API got the ticket, and after it stored it but before the answer came
 * back). Every ticket must arrive exactly once, screenshots byte for byte.
 * Needs the e2e build with DELIVERY_TIMEOUT_MS=3000 (it adapts, slowly, to a longer one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startDemo, startTestApi, tabIdOf, waitFor, type Api, type Browser } from '../support/harness';
import type { DemoServer } from '../../fixtures/demo-server';
import { DELIVERY_MESSAGES } from '../../../utils/i18n/delivery';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import {
  checkDelivered,
  outboxRecords,
  queueViaForm,
  queueViaHook,
  stopServiceWorker,
  waitForDelivery,
  type Queued,
} from '../support/fault-matrix';
import type { Page } from 'playwright-core';

let api: Api;
let demo: DemoServer;
let proxy: FaultProxy;
let browser: Browser;
let drawPage: Page;
let tabId: number;
let timeoutMs = 30_000;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  proxy = await startFaultProxy(api.url);
  browser = await launchBrowser({ apiUrl: proxy.url });
  drawPage = await browser.context.newPage();
  await drawPage.goto(`${demo.drawUrl}?quiet=1`);
  tabId = await tabIdOf(browser.worker, `${demo.drawUrl}?quiet=1`);
  timeoutMs = await browser.worker.evaluate(() => __osortooTest.outbox.timeoutMs);
  if (timeoutMs > 5_000)
    console.warn(
      `[fault-matrix] DELIVERY_TIMEOUT_MS is ${timeoutMs} ms in this build: the hang case will be slow (build with DELIVERY_TIMEOUT_MS=3000)`,
    );
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

const shots = (label: string) => [{ label }];

describe('fault matrix: hang and worker stop', () => {
  it('the API hangs past the timeout, then loses one answer: each ticket arrives once', async () => {
    const started = Date.now();
    await proxy.setMode('hang');
    const fromLog = proxy.log.length;
    const { queued: first, form } = await queueViaForm(browser, tabId, 'hang 1');
    const queued: Queued[] = [first, ...(await queueViaHook(browser, ['hang a', 'hang b', 'hang c', 'hang d'], shots))];
    // The first upload hangs, is aborted at the timeout and waits to be retried.
    await waitFor(
      async () =>
        (await outboxRecords(browser)).some((r) => r.state === 'queued' && (r.lastError as { code?: string })?.code === 'timeout')
          ? true
          : undefined,
      timeoutMs + 10_000,
    );
    await form
      .getByText(DELIVERY_MESSAGES.en.waitingHint)
      .or(form.getByText(DELIVERY_MESSAGES.fr.waitingHint))
      .waitFor({ timeout: 10_000 });
    // Then the API stores a ticket but its answer never comes back: the retry must not duplicate it.
    await proxy.setMode('swallow');
    await waitFor(
      async () => (proxy.log.some((e) => e.mode === 'swallow' && e.upstream === 201) ? true : undefined),
      timeoutMs * 3 + 10_000,
    );
    const second = await queueViaForm(browser, tabId, 'hang 2');
    queued.push(second.queued, ...(await queueViaHook(browser, ['hang e', 'hang f', 'hang g', 'hang h'], shots)));
    await waitFor(async () => ((await outboxRecords(browser)).some((r) => r.attempts >= 2) ? true : undefined), timeoutMs + 10_000);
    await proxy.setMode('pass');
    await waitForDelivery(api, queued);
    // The customer who kept the form open sees the reference.
    await form.getByTestId('ticket-reference').waitFor({ timeout: 10_000 });
    const figures = await checkDelivered(api, 'hang (timeout, lost answer)', queued, proxy.log.length - fromLog);
    console.log(`[fault-matrix] hang case took ${Date.now() - started} ms`);
    expect(proxy.log.slice(fromLog).filter((e) => e.mode === 'hang').length).toBeGreaterThan(0);
    expect(figures).toMatchObject({ created: 10, delivered: 10, lost: 0, duplicated: 0, screenshotMismatches: 0 });
    await form.close();
    await second.form.close();
  });

  it('the worker is stopped mid-upload (before and after the API stored it): each ticket arrives once', async () => {
    const started = Date.now();
    // Queue everything while the API is unreachable, so the uploads start when the test says.
    await proxy.setMode('down');
    const { queued: first, form } = await queueViaForm(browser, tabId, 'stop 1');
    const second = await queueViaForm(browser, tabId, 'stop 2');
    const queued: Queued[] = [
      first,
      second.queued,
      ...(await queueViaHook(browser, ['stop a', 'stop b', 'stop c', 'stop d', 'stop e', 'stop f', 'stop g', 'stop h'], shots)),
    ];
    const fromLog = proxy.log.length;
    // The customer presses "try now": the upload starts, and the API does not answer.
    await proxy.setMode('hang');
    await browser.worker.evaluate((key) => __osortooTest.outbox.retryNow(key), first.key);
    const inFlight = await waitFor(
      async () => (await outboxRecords(browser)).find((r) => r.state === 'sending' && proxy.heldCount() > 0),
      10_000,
    );
    await stopServiceWorker(browser, drawPage);
    // The next worker (woken by the alarm) finds the record still 'sending' and resends it;
    // this time the API stores it but the answer is lost, and that worker is stopped too.
    await proxy.setMode('swallow');
    const swallowed = await waitFor(
      async () => proxy.log.slice(fromLog).find((e) => e.mode === 'swallow' && e.upstream === 201 && proxy.heldCount() > 0),
      timeoutMs + 20_000,
    );
    await stopServiceWorker(browser, drawPage);
    await proxy.setMode('pass');
    await waitForDelivery(api, queued);
    await form.getByTestId('ticket-reference').waitFor({ timeout: 10_000 });
    const figures = await checkDelivered(api, 'worker stopped mid-upload', queued, proxy.log.length - fromLog);
    console.log(`[fault-matrix] worker-stop case took ${Date.now() - started} ms`);
    const tries = (key: string | undefined) => proxy.log.slice(fromLog).filter((e) => e.key === key).length;
    expect(tries(inFlight.key)).toBeGreaterThanOrEqual(2);
    expect(tries(swallowed.key)).toBeGreaterThanOrEqual(2);
    expect(figures).toMatchObject({ created: 10, delivered: 10, lost: 0, duplicated: 0, screenshotMismatches: 0 });
    await form.close();
    await second.form.close();
  });
});
