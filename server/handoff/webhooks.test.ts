/**
 * Signed webhooks over real HTTP: the API and its handoff on free ports, three real receivers
 * verifying every request with the `standardwebhooks` library, and the faults of issue 16 — a
 * receiver answering 500 twice then 200, one answering 429 with Retry-After, one answering 410.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, postParts, startTestApi, supportAuth, ticketFor, ticketParts } from '../test-support';
import { startHandoff, type RunningHandoff } from './handoff';
import { startReceiver, TEST_WEBHOOK_SECRET, waitFor, type TestReceiver } from './test-receivers';

type Api = Awaited<ReturnType<typeof startTestApi>>;
interface LoggedDelivery {
  id: string;
  event: string;
  channel: string;
  destination: string;
  state: string;
  attempts: { n: number; outcome: string; httpStatus?: number; error?: string; startedAt: string; nextAttemptAt?: string }[];
  endpointDisabled?: { reason: string };
  retry: { method: string; path: string };
}

let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
let api: Api;
let handoff: RunningHandoff;
let flaky: TestReceiver;
let busy: TestReceiver;
let gone: TestReceiver;
let ticketId: string;
const logged: string[] = [];
const png = makePng(4, 3, [10, 200, 30]);

async function log(id: string): Promise<LoggedDelivery[]> {
  const res = await fetch(`${api.url}/v1/tickets/${id}/handoffs`, { headers: supportAuth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { deliveries: LoggedDelivery[] }).deliveries;
}

beforeAll(async () => {
  flaky = await startReceiver(TEST_WEBHOOK_SECRET, [{ status: 500 }, { status: 500 }]);
  busy = await startReceiver(TEST_WEBHOOK_SECRET, [{ status: 429, headers: { 'Retry-After': '1' } }]);
  gone = await startReceiver(TEST_WEBHOOK_SECRET, [], { status: 410 });
  api = await startTestApi({ now });
  handoff = startHandoff({
    api,
    dataDir: api.dataDir,
    now,
    settings: {
      webhooks: { urls: [flaky.url, busy.url, gone.url], secret: TEST_WEBHOOK_SECRET },
      publicUrl: 'https://support.example.test',
    },
    // The spec's schedule in milliseconds instead of minutes: the same steps, a fast suite.
    backoff: { delaysMs: [40, 40, 40, 40], jitter: 0 },
    pollMs: 20,
    log: (message) => logged.push(message),
  });
  const res = await postParts(api.url, ticketParts(ticketFor([{ type: 'image/png', bytes: png }]), [{ type: 'image/png', bytes: png }]));
  expect(res.status).toBe(201);
  ticketId = ((await res.json()) as { id: string }).id;
  await waitFor('the flaky and busy receivers to accept', () => flaky.deliveredIds().length === 1 && busy.deliveredIds().length === 1);
}, 30_000);

afterAll(async () => {
  await handoff?.close();
  await api?.close();
  await Promise.all([flaky, busy, gone].map((r) => r?.close()));
});

describe('webhooks', { timeout: 30_000 }, () => {
  it('signs per Standard Webhooks and sends a ticket summary with links, not images', () => {
    const first = flaky.requests[0]!;
    expect(first.payload, 'the signature verifies with the standardwebhooks library').toBeDefined();
    expect(first.id).toMatch(/^msg_[A-Za-z0-9_-]+$/);
    const data = first.payload!.data as Record<string, unknown> & {
      links: { inbox: string; screenshots: { url: string; index: number }[] };
    };
    expect(first.payload!.type).toBe('ticket.created');
    expect(data).toMatchObject({ id: ticketId, status: 'received', category: 'api_error', platform: 'instagram', locale: 'fr' });
    expect(data.links.inbox).toBe(`https://support.example.test/inbox/tickets/${ticketId}`);
    expect(data.links.screenshots).toHaveLength(1);
    expect(first.body).not.toContain(png.toString('base64'));
  });

  it('answers 500 twice then 200: three attempts with one webhook-id, delivered once, every attempt logged', async () => {
    expect(flaky.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(flaky.requests.map((r) => r.id)).size).toBe(1);
    const delivery = (await log(ticketId)).find((d) => d.destination === flaky.url)!;
    expect(delivery).toMatchObject({ id: flaky.requests[0]!.id, event: 'ticket.created', channel: 'webhook', state: 'delivered' });
    expect(delivery.attempts.map((a) => [a.n, a.outcome, a.httpStatus])).toEqual([
      [1, 'retry', 500],
      [2, 'retry', 500],
      [3, 'delivered', 200],
    ]);
  });

  it('answers 429 with Retry-After: 1 — the next attempt waits that second, not the 40 ms schedule', async () => {
    expect(busy.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(busy.requests[1]!.id).toBe(busy.requests[0]!.id);
    expect(busy.requests[1]!.at - busy.requests[0]!.at).toBeGreaterThanOrEqual(950);
    const delivery = (await log(ticketId)).find((d) => d.destination === busy.url)!;
    expect(delivery.attempts[0]).toMatchObject({ outcome: 'retry', httpStatus: 429, error: 'HTTP 429 (Retry-After 1 s)' });
  });

  it('answers 410: the endpoint is disabled and says so; later events are logged but not sent; "send again" re-enables it', async () => {
    await waitFor('the 410 to be answered', () => gone.requests.length === 1);
    let entry = (await log(ticketId)).find((d) => d.destination === gone.url)!;
    for (let i = 0; i < 300 && entry.state !== 'disabled'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      entry = (await log(ticketId)).find((d) => d.destination === gone.url)!;
    }
    expect(entry.state).toBe('disabled');
    expect(entry.attempts).toEqual([expect.objectContaining({ n: 1, outcome: 'disabled', httpStatus: 410 })]);
    expect(entry.endpointDisabled?.reason).toContain('410 Gone');
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^webhook endpoint ${gone.url} answered 410 Gone: DISABLED`))]);

    // A status change: flaky and busy get it, the gone endpoint does not, and the log says why.
    const patch = await fetch(`${api.url}/v1/tickets/${ticketId}`, {
      method: 'PATCH',
      headers: { ...supportAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'acknowledged' }),
    });
    expect(patch.status).toBe(200);
    await waitFor('the status change at the live receivers', () => flaky.deliveredIds().length === 2 && busy.deliveredIds().length === 2);
    const changed = flaky.requests.at(-1)!.payload!;
    expect(changed.type).toBe('ticket.status_changed');
    expect(changed.data).toMatchObject({ status: 'acknowledged', change: { from: 'received', to: 'acknowledged' } });
    expect(gone.requests).toHaveLength(1);
    const skipped = (await log(ticketId)).filter((d) => d.destination === gone.url);
    expect(skipped.map((d) => [d.event, d.state])).toEqual([
      ['ticket.created', 'disabled'],
      ['ticket.status_changed', 'disabled'],
    ]);

    // Support fixed the endpoint and sends the first delivery again: same webhook-id.
    gone.fallback = { status: 204 };
    const retry = await fetch(`${api.url}${skipped[0]!.retry.path}`, { method: 'POST', headers: supportAuth });
    expect(retry.status).toBe(202);
    await waitFor('the delivery sent again', () => gone.deliveredIds().length === 1);
    expect(gone.deliveredIds()).toEqual([gone.requests[0]!.id]);
    entry = (await log(ticketId)).find((d) => d.destination === gone.url)!;
    expect(entry.state).toBe('delivered');
    expect(entry.endpointDisabled).toBeUndefined();
  });

  it("keeps the log and the retry to support: 401 without the token, 404 for another ticket's delivery", async () => {
    const [delivery] = await log(ticketId);
    expect((await fetch(`${api.url}/v1/tickets/${ticketId}/handoffs`)).status).toBe(401);
    expect((await fetch(`${api.url}${delivery!.retry.path}`, { method: 'POST' })).status).toBe(401);
    const elsewhere = `${api.url}/v1/tickets/not-this-ticket/handoffs/${delivery!.id}/retry`;
    expect((await fetch(elsewhere, { method: 'POST', headers: supportAuth })).status).toBe(404);
    expect((await fetch(`${api.url}/v1/tickets/not-this-ticket/handoffs`, { headers: supportAuth })).status).toBe(404);
  });

  it('every delivery reached each live receiver exactly once by webhook-id', () => {
    for (const receiver of [flaky, busy]) {
      const ids = receiver.deliveredIds();
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      expect(receiver.requests.every((r) => r.payload !== undefined)).toBe(true);
    }
  });

  it('serves a screenshot by signed link, sandboxed, and refuses a tampered or expired link', async () => {
    const link = flaky.requests[0]!.payload!.data.links.screenshots[0]!.url;
    const local = link.replace('https://support.example.test', api.url);
    const ok = await fetch(local);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(png)).toBe(true);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-disposition')).toMatch(/^inline; filename="screenshot-0\.png"$/);

    const tampered = local.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(tampered)).status).toBe(403);
    const otherShot = local.replace(/\/0\?/, '/1?');
    expect((await fetch(otherShot)).status).toBe(403);
    offsetMs = 8 * 24 * 3600 * 1000;
    try {
      const expired = await fetch(local);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toContain('expired');
    } finally {
      offsetMs = 0;
    }
  });
});
