/**
 * Fault matrix, part 3: the browser is closed with tickets still in the outbox (most queued
 * while the API was down, one in the middle of an upload) and reopened on the same profile.
 * The outbox lives in IndexedDB and the retry alarm survives the restart: the new worker
 * delivers every ticket exactly once, screenshots byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, removeDir, startDemo, startTestApi, tabIdOf, waitFor, type Api, type Browser } from '../support/harness';
import type { DemoServer } from '../../fixtures/demo-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { checkDelivered, outboxRecords, queueViaForm, queueViaHook, waitForDelivery, type Queued } from '../support/fault-matrix';
import type { TestShot } from '../../../entrypoints/background/testing/outbox-door-shape';

let api: Api;
let demo: DemoServer;
let proxy: FaultProxy;
let browser: Browser | undefined;
let userDataDir: string | undefined;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  proxy = await startFaultProxy(api.url);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await Promise.all([api?.close(), demo?.close()]);
  if (userDataDir) removeDir(userDataDir);
});

describe('fault matrix: browser restart', () => {
  it('tickets queued (and one mid-upload) when the browser closes are delivered once after it reopens', async () => {
    const started = Date.now();
    browser = await launchBrowser({ apiUrl: proxy.url });
    userDataDir = browser.userDataDir;
    const phase = (name: string) => console.log(`[fault-matrix] restart: ${name} at ${Date.now() - started} ms`);
    phase('launched');
    const page = await browser.context.newPage();
    await page.goto(`${demo.drawUrl}?quiet=1`);
    const tabId = await tabIdOf(browser.worker, `${demo.drawUrl}?quiet=1`);
    const shots = (label: string, i: number): TestShot[] => (i === 0 ? [{ capture: tabId }] : [{ label }]);

    await proxy.setMode('down');
    const first = await queueViaForm(browser, tabId, 'restart 1');
    const second = await queueViaForm(browser, tabId, 'restart 2');
    const queued: Queued[] = [
      first.queued,
      second.queued,
      ...(await queueViaHook(
        browser,
        ['restart a', 'restart b', 'restart c', 'restart d', 'restart e', 'restart f', 'restart g', 'restart h'],
        shots,
      )),
    ];
    phase('queued');
    // One upload is in flight (the API does not answer) when the browser closes.
    await proxy.setMode('hang');
    await browser.worker.evaluate((key) => __osortooTest.outbox.retryNow(key), first.queued.key);
    await waitFor(
      async () => ((await outboxRecords(browser!)).some((r) => r.state === 'sending') && proxy.heldCount() > 0 ? true : undefined),
      10_000,
    );
    const before = await outboxRecords(browser);
    expect(before.filter((r) => r.state === 'queued' || r.state === 'sending')).toHaveLength(queued.length);
    await browser.close();
    browser = undefined;
    phase('closed');

    // The API is back; the same profile opens again, and nobody opens the form.
    await proxy.setMode('pass');
    const fromLog = proxy.log.length;
    browser = await launchBrowser({ userDataDir, apiUrl: proxy.url });
    phase('reopened');
    await waitForDelivery(api, queued);
    phase('delivered');
    const figures = await checkDelivered(api, 'browser closed and reopened', queued, proxy.log.length);
    console.log(`[fault-matrix] restart case took ${Date.now() - started} ms`);
    expect(proxy.log.length - fromLog).toBeGreaterThanOrEqual(queued.length);
    expect(figures).toMatchObject({ created: 10, delivered: 10, lost: 0, duplicated: 0, screenshotMismatches: 0 });
    // And the outbox agrees: every ticket is marked sent.
    await waitFor(async () => ((await outboxRecords(browser!)).every((r) => r.state === 'sent') ? true : undefined), 10_000);
  });
});
