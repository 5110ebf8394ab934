/**
 * The outbox's state machine over real HTTP (a local node:http server that answers as each
 * test scripts it), real fake-indexeddb, and fake time: setTimeout/Date are faked so that
 * backoff, Retry-After and the request timeout are checked to the millisecond without waiting.
 */
import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TicketSchema, type Ticket } from '../../utils/contract/schemas';
import { enqueue, getRecord, allRecords, removeRecord, resetOutboxConnection, updateRecord } from '../../utils/delivery/outbox';
import { sampleTicket } from '../../tests/fixtures/sample-ticket';
import { createDelivery, type Delivery } from './outbox-delivery';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang' | 'reset';

interface Seen {
  key: string | undefined;
  bytes: number;
}

let server: Server;
let apiUrl: string;
let script: Answer[] = [];
let statusHangs = false;
let statusProbes = 0;
let seen: Seen[] = [];
const hanging: ServerResponse[] = [];

function created(reference: string) {
  return { status: 201, body: { id: `t_${reference}`, reference, accessToken: 'a'.repeat(32), receivedAt: '2026-11-24T14:05:00.000Z' } };
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // The delivery loop asks GET /v1/status after a timeout (is the API up?): answered apart
    // from the script, unless a test makes the whole API hang.
    if (req.method === 'GET') {
      if (statusHangs) return void hanging.push(res);
      statusProbes++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end('{}');
    }
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      seen.push({ key: req.headers['idempotency-key'] as string | undefined, bytes });
      const answer = script.shift() ?? { status: 500 };
      if (answer === 'hang') return void hanging.push(res);
      if (answer === 'reset') return void req.socket.destroy();
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let delivery: Delivery;
let alarmAt: number | undefined;
let random = 0.5;
const T0 = Date.parse('2026-11-24T14:00:00.000Z');
const policy = { baseDelayMs: 2_000, maxDelayMs: 60_000, maxRetryAfterMs: 3_600_000 };

beforeEach(() => {
  // Only timers and the clock: fake-indexeddb schedules with setImmediate, the HTTP client with sockets.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
  // A fresh, empty database for each test.
  globalThis.indexedDB = new IDBFactory();
  resetOutboxConnection();
  fakeBrowser.reset();
  script = [];
  seen = [];
  statusHangs = false;
  statusProbes = 0;
  random = 0.5;
  alarmAt = undefined;
  delivery = createDelivery({
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => random,
    apiUrl: async () => apiUrl,
    timeoutMs: 5_000,
    policy,
    // The fake browser's alarms, as the worker wires them.
    alarm: {
      async set(when) {
        alarmAt = when;
        await fakeBrowser.alarms.create('outbox-retry', { when });
      },
      async clear() {
        alarmAt = undefined;
        await fakeBrowser.alarms.clear('outbox-retry');
      },
    },
    log: () => {},
  });
});

afterEach(() => {
  delivery.stop();
  vi.useRealTimers();
});

async function queue(screenshotBytes = 1000): Promise<Ticket> {
  const t = TicketSchema.parse(
    sampleTicket({
      screenshots: [{ index: 0, source: 'visible', type: 'image/png', width: 4, height: 4, bytes: screenshotBytes, edited: false }],
    }),
  );
  await enqueue(t, [new Blob([new Uint8Array(screenshotBytes).fill(7)], { type: 'image/png' })], Date.now());
  return t;
}

describe('outbox delivery', () => {
  it('created → sent on 201: keeps the answer, drops the screenshots, clears the alarm', async () => {
    const t = await queue();
    script = [created('OSO-AAAAA')];
    await delivery.flush();
    const record = await getRecord(t.idempotencyKey);
    expect(record).toMatchObject({ state: 'sent', attempts: 0, result: { reference: 'OSO-AAAAA' }, screenshots: [] });
    expect(seen).toEqual([{ key: t.idempotencyKey, bytes: expect.any(Number) }]);
    expect(seen[0]!.bytes).toBeGreaterThan(1000);
    expect(alarmAt).toBeUndefined();
    expect(await fakeBrowser.alarms.get('outbox-retry')).toBeUndefined();
  });

  it.each([
    ['a network error', 'reset' as const, 'network', undefined],
    ['408', { status: 408 }, 'http', 408],
    ['429', { status: 429 }, 'http', 429],
    ['500', { status: 500, body: { error: { code: 'internal', message: 'boom' } } }, 'http', 500],
    ['a 2xx with an unreadable answer', { status: 200, body: { nope: true } }, 'http', 200],
  ])('retries after %s: back to queued with the backoff, alarm and timer set', async (_label, answer, code, status) => {
    const t = await queue();
    script = [answer as Answer];
    await delivery.flush();
    const record = (await getRecord(t.idempotencyKey))!;
    expect(record.state).toBe('queued');
    expect(record.attempts).toBe(1);
    expect(record.lastError).toMatchObject({ code, status });
    expect(record.screenshots).toHaveLength(1);
    // random 0.5 → 3/4 of the first ceiling (2 s).
    expect(record.nextAttemptAt).toBe(T0 + 1_500);
    expect(alarmAt).toBe(T0 + 1_500);
    expect(delivery.nextPassAt()).toBe(T0 + 1_500);
  });

  it('aborts a request that hangs past the timeout and retries it with the same key', async () => {
    const t = await queue();
    script = ['hang', created('OSO-BBBBB')];
    const pass = delivery.flush();
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 2_000 });
    expect((await getRecord(t.idempotencyKey))!.state).toBe('sending');
    // While the request is in flight, the alarm would wake a worker stopped mid-upload.
    // (vi.waitFor above moves fake time on by its polling interval.)
    // The timeout is 5 s plus the upload's time at the floor rate (~2 KB here: ~60 ms).
    expect(alarmAt! - T0).toBeGreaterThanOrEqual(6_000);
    expect(alarmAt! - T0).toBeLessThan(6_000 + 2_000);
    await vi.advanceTimersByTimeAsync(5_100);
    await pass;
    const record = (await getRecord(t.idempotencyKey))!;
    expect(record).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'timeout' } });
    // The timer fires the retry: nothing else needs to happen.
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(async () => expect((await getRecord(t.idempotencyKey))!.state).toBe('sent'), { timeout: 2_000 });
    expect(seen.map((s) => s.key)).toEqual([t.idempotencyKey, t.idempotencyKey]);
  });

  it('parks a big ticket that timed out on 3 attempts in a row while the API answered as needing attention (too_slow), with its size; Try now gives it fresh tries', async () => {
    // 240 KB: at the 32 KiB/s floor its upload gets 7.3 s on top of the 5 s allowance.
    const t = await queue(240_000);
    script = ['hang', 'hang', 'hang', created('OSO-SLOWW')];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const pass = delivery.flush();
      await vi.waitFor(() => expect(seen).toHaveLength(attempt), { timeout: 2_000 });
      await vi.advanceTimersByTimeAsync(13_000);
      await pass;
      const record = (await getRecord(t.idempotencyKey))!;
      if (attempt < 3) {
        expect(record).toMatchObject({ state: 'queued', timeouts: attempt, lastError: { code: 'timeout' } });
        await vi.advanceTimersByTimeAsync(record.nextAttemptAt - Date.now());
      }
    }
    const parked = (await getRecord(t.idempotencyKey))!;
    expect(parked).toMatchObject({ state: 'attention', attempts: 3, lastError: { code: 'too_slow', bytes: parked.bytes } });
    expect(statusProbes).toBe(3);
    expect(parked.screenshots).toHaveLength(1);
    // Parked: no more automatic attempts.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(seen).toHaveLength(3);
    await delivery.retryNow(t.idempotencyKey);
    expect(await getRecord(t.idempotencyKey)).toMatchObject({ state: 'sent', result: { reference: 'OSO-SLOWW' } });
  });

  it('a small ticket that times out is the API’s fault, not the link’s: it keeps being retried', async () => {
    const t = await queue();
    script = ['hang', 'hang', 'hang', 'hang'];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const pass = delivery.flush();
      await vi.waitFor(() => expect(seen).toHaveLength(attempt), { timeout: 2_000 });
      await vi.advanceTimersByTimeAsync(6_000);
      await pass;
      const record = (await getRecord(t.idempotencyKey))!;
      expect(record).toMatchObject({ state: 'queued', attempts: attempt, timeouts: 0, lastError: { code: 'timeout' } });
      await vi.advanceTimersByTimeAsync(record.nextAttemptAt - Date.now());
    }
  });

  it('an API that hangs for every request is an outage, not a slow link: the ticket keeps being retried', async () => {
    const t = await queue(240_000);
    statusHangs = true;
    script = ['hang', 'hang', 'hang', 'hang'];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const pass = delivery.flush();
      await vi.waitFor(() => expect(seen).toHaveLength(attempt), { timeout: 2_000 });
      // The upload's timeout (12.3 s), then the status probe's (5 s).
      await vi.advanceTimersByTimeAsync(13_000);
      await vi.advanceTimersByTimeAsync(6_000);
      await pass;
      const record = (await getRecord(t.idempotencyKey))!;
      expect(record).toMatchObject({ state: 'queued', attempts: attempt, timeouts: 0, lastError: { code: 'timeout' } });
      await vi.advanceTimersByTimeAsync(record.nextAttemptAt - Date.now());
    }
  });

  it('a 507 storage_full waits for its Retry-After and keeps the API code, so the customer is told why', async () => {
    const t = await queue();
    script = [{ status: 507, headers: { 'Retry-After': '1800' }, body: { error: { code: 'storage_full', message: 'full' } } }];
    await delivery.flush();
    const record = (await getRecord(t.idempotencyKey))!;
    expect(record).toMatchObject({ state: 'queued', lastError: { code: 'storage_full', status: 507 } });
    expect(record.nextAttemptAt).toBe(T0 + 1_800_000);
  });

  it('honours Retry-After on 503: no attempt before it, even with the shortest backoff', async () => {
    const t = await queue();
    random = 0;
    script = [{ status: 503, headers: { 'Retry-After': '20' } }, created('OSO-CCCCC')];
    await delivery.flush();
    const record = (await getRecord(t.idempotencyKey))!;
    expect(record.nextAttemptAt - T0).toBe(20_000);
    expect(alarmAt).toBe(T0 + 20_000);
    // A flush (form opened, alarm) before then sends nothing.
    await vi.advanceTimersByTimeAsync(19_000);
    await delivery.flush();
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect((await getRecord(t.idempotencyKey))!.state).toBe('sent'), { timeout: 2_000 });
    expect(seen).toHaveLength(2);
  });

  it('keeps the key across many retries while the backoff grows and is capped', async () => {
    const t = await queue();
    random = 0.999999;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      script = [{ status: 503 }];
      const before = Date.now();
      await delivery.flush();
      const record = (await getRecord(t.idempotencyKey))!;
      expect(record.attempts).toBe(i + 1);
      delays.push(record.nextAttemptAt - before);
      vi.setSystemTime(record.nextAttemptAt);
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set([t.idempotencyKey]));
    expect(seen).toHaveLength(8);
  });

  it.each([
    [400, { code: 'validation_failed', message: 'Invalid ticket', issues: [{ path: 'ticket.email', message: 'Invalid email' }] }],
    [422, { code: 'idempotency_conflict', message: 'Another ticket has this key' }],
    [413, { code: 'payload_too_large', message: 'Too large' }],
  ])('a %i refusal needs the customer: attention with the reasons, never retried on its own', async (status, error) => {
    const t = await queue();
    script = [{ status, body: { error } }];
    await delivery.flush();
    const record = (await getRecord(t.idempotencyKey))!;
    expect(record.state).toBe('attention');
    expect(record.lastError).toEqual({ ...error, status });
    // Kept (with its screenshots) until fixed or discarded; no alarm for it.
    expect(record.screenshots).toHaveLength(1);
    expect(alarmAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_600_000);
    await delivery.flush();
    expect(seen).toHaveLength(1);
  });

  it('only a 2xx removes a ticket from the queue, whatever the order of answers', async () => {
    const t = await queue();
    const answers: Answer[] = [
      'reset',
      { status: 502 },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 503 },
      { status: 201, body: {} },
    ];
    for (const answer of answers) {
      script = [answer];
      await delivery.flush();
      const record = (await getRecord(t.idempotencyKey))!;
      expect(record.state).toBe('queued');
      vi.setSystemTime(record.nextAttemptAt);
    }
    script = [created('OSO-DDDDD')];
    await delivery.flush();
    expect((await getRecord(t.idempotencyKey))!.state).toBe('sent');
    expect(seen).toHaveLength(6);
  });

  it('recovers a record a stopped worker left in "sending", and sends it with the same key', async () => {
    const t = await queue();
    await updateRecord(t.idempotencyKey, (r) => ({ ...r, state: 'sending', stage: 'uploading' }));
    script = [created('OSO-EEEEE')];
    // A fresh loop, as in a restarted worker.
    await delivery.flush();
    expect(await getRecord(t.idempotencyKey)).toMatchObject({ state: 'sent', attempts: 1, result: { reference: 'OSO-EEEEE' } });
    expect(seen.map((s) => s.key)).toEqual([t.idempotencyKey]);
  });

  it('pauses the whole queue after a retryable failure instead of failing every ticket in turn', async () => {
    const a = await queue();
    vi.advanceTimersByTime(1);
    const b = await queue();
    script = ['reset'];
    await delivery.flush();
    expect((await getRecord(a.idempotencyKey))!.state).toBe('queued');
    expect((await getRecord(b.idempotencyKey))!.attempts).toBe(0);
    expect(seen).toHaveLength(1);
    // When the pause ends, oldest first, both go.
    script = [created('OSO-FFFFF'), created('OSO-GGGGG')];
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(async () => expect((await allRecords()).map((r) => r.state)).toEqual(['sent', 'sent']), { timeout: 2_000 });
    expect(seen.map((s) => s.key)).toEqual([a.idempotencyKey, a.idempotencyKey, b.idempotencyKey]);
  });

  it('coalesces concurrent flushes into one delivery per ticket', async () => {
    const t = await queue();
    script = [created('OSO-HHHHH'), created('OSO-HHHHH')];
    await Promise.all([delivery.flush(), delivery.flush(), delivery.flush()]);
    expect(seen).toHaveLength(1);
    expect((await getRecord(t.idempotencyKey))!.state).toBe('sent');
  });

  it('retryNow sends a queued ticket at once, lifting the pause; a discarded ticket is never sent', async () => {
    const a = await queue();
    script = [{ status: 503, headers: { 'Retry-After': '120' } }];
    await delivery.flush();
    script = [created('OSO-JJJJJ')];
    await delivery.retryNow(a.idempotencyKey);
    expect((await getRecord(a.idempotencyKey))!.state).toBe('sent');

    const b = await queue();
    await removeRecord(b.idempotencyKey);
    await delivery.flush();
    expect(seen.map((s) => s.key)).not.toContain(b.idempotencyKey);
  });
});
