/**
 * Fault matrix, part 1: the API is down when tickets are sent (connections refused), then
 * starts; and the API answers 503 with Retry-After for a while. Tickets wait in the outbox,
 * the customer is told they will go by themselves, Retry-After is honoured, and every ticket
 * arrives exactly once with its screenshots byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  listTickets,
  openForm,
  startDemo,
  startTestApi,
  tabIdOf,
  waitFor,
  type Api,
  type Browser,
} from '../support/harness';
import type { DemoServer } from '../../fixtures/demo-server';
import { DELIVERY_MESSAGES } from '../../../utils/i18n/delivery';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import {
  checkDelivered,
  outboxRecords,
  queueViaForm,
  queueViaHook,
  testTicket,
  waitForDelivery,
  type Queued,
} from '../support/fault-matrix';
import type { TestShot } from '../../../entrypoints/background/testing/outbox-door-shape';

let api: Api;
let demo: DemoServer;
let proxy: FaultProxy;
let browser: Browser;
let tabId: number;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  proxy = await startFaultProxy(api.url);
  browser = await launchBrowser({ apiUrl: proxy.url });
  const page = await browser.context.newPage();
  await page.goto(`${demo.drawUrl}?quiet=1`);
  tabId = await tabIdOf(browser.worker, `${demo.drawUrl}?quiet=1`);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

/** Most hook tickets get a drawn image (distinct bytes); the first of each batch a real capture. */
const shots = (label: string, i: number): TestShot[] => (i === 0 ? [{ capture: tabId }] : [{ label }]);

async function waitingShown(form: Page): Promise<void> {
  // The catalogues' own words, in either language the browser runs in.
  await form.getByText(DELIVERY_MESSAGES.en.waitingHint).or(form.getByText(DELIVERY_MESSAGES.fr.waitingHint)).waitFor({ timeout: 15_000 });
}

describe('fault matrix: outage', () => {
  it('the API is down when sending, then starts: every ticket arrives once', async () => {
    const started = Date.now();
    await proxy.setMode('down');
    const fromLog = proxy.log.length;
    const first = await queueViaForm(browser, tabId, 'down 1');
    const queued: Queued[] = [first.queued, ...(await queueViaHook(browser, ['down a', 'down b', 'down c', 'down d', 'down e'], shots))];
    const second = await queueViaForm(browser, tabId, 'down 2');
    queued.push(second.queued, ...(await queueViaHook(browser, ['down f', 'down g', 'down h', 'down i', 'down j'], shots)));
    // Nothing is lost while the API is unreachable: the tickets wait, and the customer knows.
    await waitingShown(first.form);
    await waitFor(
      async () =>
        (await outboxRecords(browser)).filter((r) => queued.some((q) => q.key === r.key) && r.state === 'queued').length === queued.length
          ? true
          : undefined,
      10_000,
    );
    // The reason is shown between attempts ("Trying again now…" stands in for it while one runs):
    // read until an attempt has failed, however long a retry takes on a busy machine.
    await expect.poll(() => first.form.getByTestId('delivery-status').textContent(), { timeout: 10_000 }).toMatch(/offline|hors ligne/);
    console.log(
      `[fault-matrix] down: queued after ${Date.now() - started} ms`,
      JSON.stringify((await outboxRecords(browser)).map((r) => r.attempts)),
    );
    await proxy.setMode('pass');
    await waitForDelivery(api, queued);
    console.log(`[fault-matrix] down: delivered after ${Date.now() - started} ms`);
    await first.form.getByTestId('ticket-reference').waitFor({ timeout: 10_000 });
    const figures = await checkDelivered(api, 'API down, then started', queued, proxy.log.length - fromLog);
    console.log(`[fault-matrix] down case took ${Date.now() - started} ms`);
    expect(figures).toMatchObject({ created: 12, delivered: 12, lost: 0, duplicated: 0, screenshotMismatches: 0 });
    await first.form.close();
    await second.form.close();
  });

  it('the API answers 503 with Retry-After for a while: retries wait for it, every ticket arrives once', async () => {
    const started = Date.now();
    await proxy.setMode('unavailable', { retryAfterSeconds: 2 });
    const fromLog = proxy.log.length;
    const first = await queueViaForm(browser, tabId, '503 1');
    const queued: Queued[] = [first.queued, ...(await queueViaHook(browser, ['503 a', '503 b', '503 c', '503 d'], shots))];
    const second = await queueViaForm(browser, tabId, '503 2');
    queued.push(second.queued, ...(await queueViaHook(browser, ['503 e', '503 f', '503 g', '503 h'], shots)));
    await waitingShown(first.form);
    await waitFor(async () => (proxy.log.slice(fromLog).filter((e) => e.answer === 503).length >= 3 ? true : undefined), 20_000);
    await proxy.setMode('pass');
    await waitForDelivery(api, queued);
    const figures = await checkDelivered(api, 'API 503 + Retry-After', queued, proxy.log.length - fromLog);
    console.log(`[fault-matrix] 503 case took ${Date.now() - started} ms`);
    // Retry-After: 2 held the whole queue: no request came sooner than 2 s after a 503.
    const log = proxy.log.slice(fromLog);
    const gaps = log.slice(1).map((e, i) => (log[i]!.answer === 503 ? e.at - log[i]!.at : Infinity));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_950);
    expect(figures).toMatchObject({ created: 10, delivered: 10, lost: 0, duplicated: 0, screenshotMismatches: 0 });
    await first.form.close();
    await second.form.close();
  });

  it('a ticket the API refuses (400) needs the customer: kept with the reason, never retried on its own, sent once fixed', async () => {
    await proxy.setMode('pass');
    const worker = browser.worker;
    // The hook does not validate (the form does): an e-mail the API's contract refuses.
    const ticket = { ...testTicket('refused'), email: 'not-an-email' };
    const key = await worker.evaluate(async (t) => {
      const { key } = await __osortooTest.outbox.enqueue(t, [{ label: 'refused' }]);
      return key;
    }, ticket);
    const record = await waitFor(async () => (await outboxRecords(browser)).find((r) => r.key === key && r.state === 'attention'), 15_000);
    expect(record.lastError).toMatchObject({
      code: 'validation_failed',
      status: 400,
      issues: [expect.objectContaining({ path: 'ticket.email' })],
    });
    expect(record.sha256).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(proxy.log.filter((e) => e.key === key)).toHaveLength(1);
    expect((await listTickets(api)).some((t) => t.ticket.idempotencyKey === key)).toBe(false);

    // The customer fixes it in the form's outbox list and sends it again: stored once, corrected.
    const form = await openForm(browser, tabId);
    const item = form.locator(`[data-ticket-key="${key}"]`).first();
    await item.getByRole('button', { name: 'Fix and send again' }).click();
    const fix = item.getByTestId('ticket-fix');
    await fix.getByLabel('E-mail').fill('fixed@example.com');
    await fix.getByRole('button', { name: 'Send again' }).click();
    const stored = await waitFor(async () => (await listTickets(api)).find((t) => t.ticket.idempotencyKey === key), 15_000);
    expect(stored.ticket.email).toBe('fixed@example.com');
    expect((await listTickets(api)).filter((t) => t.ticket.idempotencyKey === key)).toHaveLength(1);
    await form.close();
  });
});
