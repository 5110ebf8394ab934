/**
 * The release build at run time, against the real API. The e2e build holds `<all_urls>`, which
 * exempts the worker's requests from CORS: every other e2e file would pass with an API that
 * answers no CORS header at all. This build holds no host permission, so the worker's requests
 * are cross-origin requests like any web page's: the API must allow the extension's origin,
 * answer its preflight, and expose Retry-After, or the customer's ticket does not get through.
 *
 * The API is started from the settings `npm run api` reads (server/config.ts): ALLOWED_ORIGINS
 * names only this build's origin, as it would name the store-assigned id, and
 * RATE_LIMIT_PER_MIN=1 makes the API's own 429 + Retry-After answer the second ticket. A copy
 * of the same build in another folder gets another id: the API must refuse it.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../server/config';
import { startApi, type RunningApi } from '../../../server/start';
import { listTickets as listApiTickets, removeDir, SUPPORT_TOKEN, waitFor } from '../support/harness';
import { buildRelease, freePort, launchWith, readOutbox, openGeneralForm, sendFrom, type OutboxView } from './release-extension';

let scratch: string;
let releaseDir: string;
let otherDir: string;
let releaseId: string;
let otherId: string;
let api: RunningApi;
let dataDir: string;
let context: BrowserContext;

const origin = (id: string) => `chrome-extension://${id}`;
/** Support's view of the stored tickets, through the real support route. */
const listTickets = (running: RunningApi) => listApiTickets({ url: running.url, dataDir, close: running.close });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'oso-release-runtime-'));
  const port = await freePort();
  releaseDir = buildRelease(join(scratch, 'build'), `http://127.0.0.1:${port}`);
  // The same build in another folder: to Chromium, another extension with another id.
  otherDir = join(scratch, 'other-copy');
  cpSync(releaseDir, otherDir, { recursive: true });
  const launched = await launchWith(join(scratch, 'profile'), [releaseDir, otherDir]);
  context = launched.context;
  [releaseId, otherId] = launched.ids as [string, string];
  dataDir = join(scratch, 'api-data');
  const config = configFromEnv({
    PORT: String(port),
    DATA_DIR: dataDir,
    SUPPORT_TOKEN,
    ALLOWED_ORIGINS: origin(releaseId),
    RATE_LIMIT_PER_MIN: '1',
  });
  api = await startApi({ ...config.options, log: () => {} });
});

afterAll(async () => {
  await context?.close();
  await api?.close();
  if (scratch) removeDir(scratch);
});

/** The outbox record of the ticket with this description, once `until` holds for it. */
function recordOf(page: Parameters<typeof readOutbox>[0], description: string, until: (r: OutboxView) => boolean, timeoutMs = 15_000) {
  return waitFor(async () => (await readOutbox(page)).find((r) => r.description === description && until(r)), timeoutMs, 100);
}

describe('release build at run time (no host permission)', () => {
  it('is the build under test: no host permission, no key, named by Chromium after its folder', () => {
    const manifest = JSON.parse(readFileSync(join(releaseDir, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest).not.toHaveProperty('key');
    expect(releaseId).toMatch(/^[a-p]{32}$/);
    expect(otherId).not.toBe(releaseId);
  });

  it('delivers a general ticket filed from the extension origin, which the API allows by ALLOWED_ORIGINS', async () => {
    const description = 'Release runtime: a general ticket from the release build';
    const form = await openGeneralForm(context, releaseId);
    // Support's status came through CORS too: the live one, not the built-in guess.
    await expect.poll(() => form.locator('.response-banner__stale').count(), { timeout: 5_000 }).toBe(0);
    await sendFrom(form, description);
    const reference = await form.getByTestId('ticket-reference').textContent({ timeout: 15_000 });
    expect(reference).toMatch(/^OSO-[0-9A-Z]{5,8}$/);
    const stored = (await listTickets(api)).filter((t) => t.ticket.description === description);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.reference).toBe(reference);
    expect(stored[0]!.ticket.category).toBe('other');
    expect(stored[0]!.ticket.email).toBe('marie@example.com');
    const record = await recordOf(form, description, (r) => r.state === 'sent');
    expect(record.attempts).toBe(0);
    await form.close();
  });

  it("reads the API's Retry-After through CORS: the second ticket in the minute waits for it", async () => {
    // The first ticket opened the API's one-minute window: its end is the earliest honest retry.
    const [first] = (await listTickets(api)).filter((t) => t.ticket.description.startsWith('Release runtime: a general'));
    const windowEnds = Date.parse(first!.receivedAt) + 60_000;
    const description = 'Release runtime: the second ticket of the minute';
    const form = await sendFrom(await openGeneralForm(context, releaseId), description);
    const record = await recordOf(form, description, (r) => r.state === 'queued' && r.attempts >= 1);
    // The API's own answer reached the extension readable: status 429, not a CORS failure.
    expect(record.lastError).toMatchObject({ code: 'http', status: 429 });
    // Retry-After is the floor of the next attempt (whole seconds, rounded up by the API); a
    // header the browser hid would leave the first backoff, 1 to 2 s.
    expect(record.nextAttemptAt - windowEnds, 'next attempt minus the end of the API window (ms)').toBeGreaterThanOrEqual(-250);
    expect(record.nextAttemptAt - record.updatedAt).toBeGreaterThan(30_000);
    // What the customer reads: why it waits, and the time of the next try.
    const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(record.nextAttemptAt);
    await expect.poll(() => form.getByTestId('delivery-status').textContent(), { timeout: 5_000 }).toContain(`Next try around ${time}.`);
    // And no early attempt: past the longest first backoff, still one attempt.
    await form.waitForTimeout(2_500);
    const later = await recordOf(form, description, () => true);
    expect(later).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await listTickets(api)).some((t) => t.ticket.description === description)).toBe(false);
  });

  it('refuses the same build under another extension id', async () => {
    const description = 'Release runtime: a ticket from another extension id';
    const form = await openGeneralForm(context, otherId);
    // Refused, it does not get support's live status either: the form says its estimate may be old.
    await expect
      .poll(() => form.locator('.response-banner__stale').textContent(), { timeout: 10_000 })
      .toBe('This estimate may be out of date.');
    await sendFrom(form, description);
    // The API's 403 carries no CORS header, so the browser hands the extension a network error.
    const record = await recordOf(form, description, (r) => r.attempts >= 1);
    expect(record.state).toBe('queued');
    expect(record.lastError?.code).toBe('network');
    expect((await listTickets(api)).some((t) => t.ticket.description === description)).toBe(false);
    // The same refusal seen from outside the browser: the preflight of each origin.
    const preflight = (id: string) =>
      fetch(`${api.url}/v1/tickets`, {
        method: 'OPTIONS',
        headers: { Origin: origin(id), 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key' },
      });
    const [allowed, refused] = await Promise.all([preflight(releaseId), preflight(otherId)]);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin(releaseId));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
