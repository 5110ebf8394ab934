/**
 * Helpers of the delivery fault matrix (tests/e2e/fault-matrix/): queue tickets through the
 * real form or through the worker's test hook, stop the service worker over CDP, and check
 * what the API finally holds against what was queued.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Page, Worker } from 'playwright-core';
import { TicketSchema, type Ticket } from '../../../utils/contract/schemas';
import { sampleTicket } from '../../fixtures/sample-ticket';
import type { TestShot } from '../../../entrypoints/background/testing/outbox-door-shape';
import { EXTENSION_ID, fetchScreenshot, listTickets, openForm, waitFor, type Api, type Browser } from './harness';

/** A ticket as queued: its key and the SHA-256 of each screenshot blob in the outbox. */
export interface Queued {
  key: string;
  sha256: string[];
  via: 'form' | 'hook';
}

/** The extension's live service worker (a new one after it was stopped and restarted). */
export async function liveWorker(browser: Browser, timeoutMs = 20_000): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().includes(EXTENSION_ID);
  const current = browser.context.serviceWorkers().find(isOurs);
  if (current) return current;
  return browser.context.waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs });
}

/** A valid ticket whose description names it; the hook fills in the screenshot metadata. */
export function testTicket(label: string): Ticket {
  return TicketSchema.parse(
    sampleTicket({ idempotencyKey: randomUUID(), createdAt: new Date().toISOString(), description: `Fault matrix: ${label}` }),
  );
}

/** Queues tickets through the worker's test hook (non-release builds), as the form would. */
export async function queueViaHook(browser: Browser, labels: string[], shots: (label: string, i: number) => TestShot[]): Promise<Queued[]> {
  const queued: Queued[] = [];
  for (const [i, label] of labels.entries()) {
    const worker = await liveWorker(browser);
    const result = await worker.evaluate(([ticket, s]) => __osortooTest.outbox.enqueue(ticket, s), [
      testTicket(label),
      shots(label, i),
    ] as const);
    queued.push({ ...result, via: 'hook' });
  }
  return queued;
}

/** What the worker's outbox holds, screenshots hashed. */
export async function outboxRecords(browser: Browser) {
  const worker = await liveWorker(browser);
  return worker.evaluate(() => __osortooTest.outbox.records());
}

/**
 * Files one ticket through the real popup form (screenshot captured by the real path), then
 * reads the key and the screenshot's hash back from the outbox while the fault holds it there.
 */
export async function queueViaForm(browser: Browser, tabId: number, label: string): Promise<{ queued: Queued; form: Page }> {
  const form = await openForm(browser, tabId);
  await form.getByTestId('screenshot-thumb').waitFor({ timeout: 20_000 });
  await form.getByLabel('Description').fill(`Fault matrix (form): ${label}`);
  await form.getByLabel(/^(E-mail|Adresse e-mail)$/).fill('marie@example.com');
  // As the walking skeleton: the form's button opens the review; sending happens from there.
  await form.getByRole('button', { name: /^(Review before sending|Vérifier avant l’envoi)$/ }).click();
  await form.getByRole('button', { name: /^(Send to support|Envoyer au support)$/ }).click();
  const key = await form.locator('section.delivery[data-ticket-key]').first().getAttribute('data-ticket-key', { timeout: 15_000 });
  if (!key) throw new Error('no ticket key on the delivery status');
  const record = await waitFor(async () => (await outboxRecords(browser)).find((r) => r.key === key && r.state !== 'sent'));
  if (record.sha256.length !== 1) throw new Error(`form ticket ${key} has ${record.sha256.length} screenshots`);
  return { queued: { key, sha256: record.sha256, via: 'form' }, form };
}

/**
 * Stops the extension's service worker through the DevTools protocol (Target.closeTarget on
 * its target), whatever it was doing: here, in the middle of an upload. Chrome does the same
 * to an idle worker after 30 s, or to one that overruns its limits.
 */
export async function stopServiceWorker(browser: Browser, page: Page): Promise<void> {
  const worker = await liveWorker(browser);
  // Playwright keeps one Worker handle across a stop and restart (Chrome keeps the DevTools
  // target), so "stopped" is proven by the target vanishing or by a marker set in this
  // instance being gone from the next one.
  const marker = randomUUID();
  await worker.evaluate((m) => {
    (globalThis as unknown as { __stopMarker: string }).__stopMarker = m;
  }, marker);
  const cdp = await browser.context.newCDPSession(page);
  try {
    const ours = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.includes(EXTENSION_ID);
    const target = (await cdp.send('Target.getTargets')).targetInfos.find(ours);
    if (!target) throw new Error('no service worker target for the extension');
    const { success } = await cdp.send('Target.closeTarget', { targetId: target.targetId });
    if (!success) throw new Error('Target.closeTarget refused to stop the service worker');
    await waitFor(
      async () => {
        if (!(await cdp.send('Target.getTargets')).targetInfos.some(ours)) return true;
        const seen = await Promise.race([
          worker.evaluate(() => (globalThis as unknown as { __stopMarker?: string }).__stopMarker).catch(() => 'unreachable'),
          new Promise((resolve) => setTimeout(() => resolve('unreachable'), 500)),
        ]);
        return seen !== marker ? true : undefined;
      },
      10_000,
      100,
    );
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface Figures {
  case: string;
  created: number;
  viaForm: number;
  delivered: number;
  lost: number;
  duplicated: number;
  screenshots: number;
  screenshotMismatches: number;
  /** Ticket POSTs that reached the proxy (refused connections never do). */
  requestsSeenByProxy: number;
}

/** Compares the API's tickets with the queued ones: one copy each, identical screenshot bytes. */
export async function checkDelivered(api: Api, name: string, queued: Queued[], requests: number): Promise<Figures> {
  const stored = await listTickets(api);
  const mine = new Set(queued.map((q) => q.key));
  const copies = new Map<string, typeof stored>();
  for (const ticket of stored) {
    if (!mine.has(ticket.ticket.idempotencyKey)) continue;
    copies.set(ticket.ticket.idempotencyKey, [...(copies.get(ticket.ticket.idempotencyKey) ?? []), ticket]);
  }
  let screenshots = 0;
  let mismatches = 0;
  for (const q of queued) {
    const found = copies.get(q.key)?.[0];
    if (!found) continue;
    for (const [index, expected] of q.sha256.entries()) {
      screenshots++;
      const shot = await fetchScreenshot(api, found.id, index);
      if (createHash('sha256').update(shot.bytes).digest('hex') !== expected) mismatches++;
    }
    if (found.ticket.screenshots.length !== q.sha256.length) mismatches++;
  }
  const figures: Figures = {
    case: name,
    created: queued.length,
    viaForm: queued.filter((q) => q.via === 'form').length,
    delivered: copies.size,
    lost: queued.filter((q) => !copies.has(q.key)).length,
    duplicated: [...copies.values()].reduce((sum, list) => sum + list.length - 1, 0),
    screenshots,
    screenshotMismatches: mismatches,
    requestsSeenByProxy: requests,
  };
  console.log(`[fault-matrix] ${JSON.stringify(figures)}`);
  return figures;
}

/** Waits until the API holds a ticket for every queued key. */
export async function waitForDelivery(api: Api, queued: Queued[], timeoutMs = 45_000): Promise<void> {
  const keys = new Set(queued.map((q) => q.key));
  await waitFor(
    async () => {
      const stored = new Set((await listTickets(api)).map((t) => t.ticket.idempotencyKey));
      return [...keys].every((k) => stored.has(k)) ? true : undefined;
    },
    timeoutMs,
    250,
  );
}
