/**
 * Speed with 10,000 stored tickets, over real HTTP (issue targets): a page of `GET /v1/tickets`
 * < 200 ms (first, deep by cursor, filtered, searched), `GET /v1/status` < 50 ms while lists and
 * uploads run, the inbox's queue < 300 ms and a ticket's page < 200 ms. The API runs as `npm run api`
 * does, in its own process, so the load this file generates does not share the server's event
 * loop. Times are loopback round trips (server time plus a little), medians of several runs.
 *
 * The test machine is shared (up to 8 jobs on 2 cores), so each run first measures a reference:
 * the round trip of an idle `GET /v1/status`, well under 5 ms on an unshared machine. When it is
 * slower, every target is multiplied by the same factor (reference / 5 ms), so a busy machine
 * does not fail the test while a slow product still does; the figures and the factor are printed.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketListSchema } from '../utils/contract/schemas';
import { seedTickets } from '../tests/fixtures/seed-tickets';
import { SupportDb } from './db';
import { encodeMultipart, makePng, SUPPORT_TOKEN, supportAuth, tempDataDir, ticketFor, ticketParts } from './test-support';
import { startApiProcess } from './test-api-process';

const COUNT = 10_000;

/**
 * The load of `statusLatency`, as plain JavaScript on a worker thread: `lists` clients page the
 * list back to back, `uploads` clients post the same 1 MiB ticket back to back, each time under a
 * fresh idempotency key (written over the old one, at `keyAt`, in a copy of the body). Stops on a
 * message, then reports how many tickets were stored and any answer that was not the expected one.
 */
const LOAD_THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const http = require('node:http');
const { url, auth, lists, uploads, body, contentType, keyAt } = workerData;
let running = true;
let uploaded = 0;
const failures = [];
parentPort.once('message', () => { running = false; });
const lister = async () => {
  let cursor;
  while (running) {
    const res = await fetch(url + '/v1/tickets?limit=100' + (cursor ? '&cursor=' + cursor : ''), { headers: { Authorization: auth } });
    if (res.status !== 200) failures.push('list ' + res.status);
    cursor = (await res.json()).nextCursor;
  }
};
// node:http rather than fetch: the same bytes on the wire for less of the cores the API shares.
const agent = new http.Agent({ keepAlive: true });
const post = (bytes) =>
  new Promise((resolve, reject) => {
    const req = http.request(url + '/v1/tickets', { method: 'POST', agent, headers: { 'Content-Type': contentType, 'Content-Length': bytes.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(bytes);
  });
const uploader = async () => {
  const bytes = Buffer.from(body);
  while (running) {
    bytes.write(randomUUID(), keyAt, 'latin1');
    const res = await post(bytes);
    if (res.status === 201) uploaded++;
    else failures.push('upload ' + res.status + ' ' + res.text);
  }
};
Promise.all([...Array.from({ length: lists }, lister), ...Array.from({ length: uploads }, uploader)]).then(
  () => parentPort.postMessage({ uploaded, failures }),
  (error) => parentPort.postMessage({ uploaded, failures: [...failures, String(error)] }),
);
`;

async function timed(run: () => Promise<Response>): Promise<{ ms: number; res: Response; body: string }> {
  const start = performance.now();
  const res = await run();
  const body = await res.text();
  return { ms: performance.now() - start, res, body };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

async function medianOf(times: number, run: () => Promise<Response>): Promise<{ ms: number; body: string }> {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(await timed(run));
  for (const r of runs) expect(r.res.status).toBe(200);
  return { ms: median(runs.map((r) => r.ms)), body: runs[0]!.body };
}

describe(`with ${COUNT.toLocaleString('en')} stored tickets`, () => {
  const data = tempDataDir();
  let api: { url: string; child: ChildProcess };
  let ids: string[];
  let cookie: string;
  /** How much slower than an unshared machine this run is (≥ 1); targets are multiplied by it. */
  let slowdown = 1;
  const target = (ms: number) => ms * slowdown;

  beforeAll(async () => {
    const db = SupportDb.open(data.dir, () => new Date());
    ids = seedTickets(db, COUNT, new Date());
    db.close();
    api = await startApiProcess(data.dir, { SUPPORT_TOKEN });
    const signIn = await fetch(`${api.url}/inbox/sign-in`, {
      method: 'POST',
      headers: { Origin: api.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${SUPPORT_TOKEN}`,
      redirect: 'manual',
    });
    cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    // Warm up first (connection, the route's first compilation), then measure.
    for (let i = 0; i < 10; i++) await timed(() => fetch(`${api.url}/v1/status`));
    const idle: number[] = [];
    for (let i = 0; i < 15; i++) idle.push((await timed(() => fetch(`${api.url}/v1/status`))).ms);
    slowdown = Math.max(1, median(idle) / 5);
    console.log(`[speed] reference: idle GET /v1/status median ${median(idle).toFixed(1)} ms → targets × ${slowdown.toFixed(2)}`);
  }, 120_000);
  afterAll(async () => {
    if (api) {
      const exited = new Promise((resolve) => api.child.once('exit', resolve));
      api.child.kill('SIGTERM');
      await exited;
    }
    data.remove();
  });

  it('serves each page of the list in < 200 ms: first, 50 pages deep by cursor, filtered, searched; every ticket reachable once', {
    timeout: 60_000,
  }, async () => {
    const list = (query: string) => () => fetch(`${api.url}/v1/tickets?${query}`, { headers: supportAuth });
    const first = await medianOf(5, list('limit=100'));
    const page = TicketListSchema.parse(JSON.parse(first.body));
    expect(page.tickets).toHaveLength(100);
    expect(first.body.length).toBeLessThan(100 * 1500); // summaries, not diagnostics

    // Walk every page once: each ticket exactly once, in order.
    const seen = new Set<string>();
    let cursor: string | undefined;
    let deepMs = 0;
    let pages = 0;
    do {
      const { ms, body } = await timed(list(`limit=100${cursor ? `&cursor=${cursor}` : ''}`));
      const next = TicketListSchema.parse(JSON.parse(body));
      for (const t of next.tickets) seen.add(t.id);
      if (++pages === 50) deepMs = ms;
      cursor = next.nextCursor;
      // A cursor that does not advance would page forever: stop a little past the expected count.
    } while (cursor && pages < COUNT / 100 + 5);
    expect(seen.size).toBe(COUNT);
    expect(pages).toBe(COUNT / 100);

    const filtered = await medianOf(5, list('limit=100&status=received&platform=instagram&category=bug'));
    const searched = await medianOf(5, list('limit=100&text=client4242%40example'));
    expect(TicketListSchema.parse(JSON.parse(searched.body)).tickets.map((t) => t.email)).toEqual(['client4242@example.com']);
    const byDraw = await medianOf(3, list(`limit=100&text=nothing-like-this`));
    console.log(
      `[speed] list page: first ${first.ms.toFixed(1)} ms, page 50 ${deepMs.toFixed(1)} ms, filtered ${filtered.ms.toFixed(1)} ms, ` +
        `searched ${searched.ms.toFixed(1)} ms, search without hit ${byDraw.ms.toFixed(1)} ms (target < 200)`,
    );
    for (const ms of [first.ms, deepMs, filtered.ms, searched.ms, byDraw.ms]) expect(ms).toBeLessThan(target(200));
    // The old unbounded page is refused.
    expect((await fetch(`${api.url}/v1/tickets?limit=1000`, { headers: supportAuth })).status).toBe(400);
  });

  /** Samples GET /v1/status latency while `load` runs, one request every 20 ms. */
  async function statusLatency(load: { lists: number; uploads: number }): Promise<{ samples: number[]; uploaded: number }> {
    // Noise does not compress: a screenshot-sized body (the magic bytes are what the API checks).
    const shot = Buffer.concat([makePng(1200, 800), randomBytes(1024 * 1024)]);
    const files = [{ type: 'image/png' as const, bytes: shot }];
    const ticket = ticketFor(files);
    const { body, contentType } = encodeMultipart(ticketParts(ticket, files));
    // The load runs on a thread of its own: real lists and uploads come from other machines, and
    // on this event loop its own work (sending 1 MiB bodies, parsing pages) would delay the
    // very requests that measure the server.
    const worker = new Worker(LOAD_THREAD, {
      eval: true,
      workerData: { ...load, url: api.url, auth: supportAuth.Authorization, body, contentType, keyAt: body.indexOf(ticket.idempotencyKey) },
    });
    const finished = new Promise<{ uploaded: number; failures: string[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const samples: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 40; i++) {
      const { ms, res } = await timed(() => fetch(`${api.url}/v1/status`));
      expect(res.status).toBe(200);
      samples.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    worker.postMessage('stop');
    const { uploaded, failures } = await finished;
    await worker.terminate();
    expect(failures).toEqual([]);
    return { samples, uploaded };
  }

  it('keeps GET /v1/status < 50 ms (median and p90) while a list pages, and while 1 MiB uploads run too', { timeout: 90_000 }, async () => {
    const describe = (name: string, samples: number[]) =>
      `${name}: median ${median(samples).toFixed(1)} ms, p90 ${quantile(samples, 0.9).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;
    const idle = await statusLatency({ lists: 0, uploads: 0 });
    // The machine's load changes within seconds (other test files, browsers included, run beside
    // this one on two cores): the idle samples taken just before the loaded ones, paced the same
    // way, are this test's reference. Median / 5 ms as for the other targets, and, for the p90
    // asserted below, the idle p90 / 8 ms (5.5-8.5 ms on a quiet machine): a machine that delays
    // an idle API's answers delays a loaded one's as much. The old intake, which committed on the
    // event loop, measured p90 81-88 ms with an idle p90 of 6-8 ms.
    slowdown = Math.max(1, median(idle.samples) / 5, quantile(idle.samples, 0.9) / 8);
    const listing = await statusLatency({ lists: 1, uploads: 0 });
    const both = await statusLatency({ lists: 1, uploads: 1 });
    console.log(
      `[speed] /v1/status ${describe('idle (reference)', idle.samples)}; ${describe('a list paging back to back', listing.samples)}; ` +
        `${describe(`and uploads of 1 MiB back to back (${both.uploaded} stored)`, both.samples)} (target < ${target(50).toFixed(0)})`,
    );
    expect(both.uploaded).toBeGreaterThan(0);
    expect(median(listing.samples)).toBeLessThan(target(50));
    // Uploads no longer hold the loop: the commit (fsync) runs on the writer thread
    // (server/storage/writer-thread.ts).
    expect(median(both.samples)).toBeLessThan(target(50));
    expect(quantile(both.samples, 0.9)).toBeLessThan(target(50));
  });

  it('serves the inbox queue in < 300 ms and a ticket page in < 200 ms', { timeout: 60_000 }, async () => {
    const queue = await medianOf(5, () => fetch(`${api.url}/inbox`, { headers: { cookie } }));
    expect(queue.body).toContain('data-testid="queue-row"');
    const closed = await medianOf(3, () => fetch(`${api.url}/inbox?mailbox=closed&text=example`, { headers: { cookie } }));
    const ticket = await medianOf(5, () => fetch(`${api.url}/inbox/tickets/${ids[4242]}`, { headers: { cookie } }));
    expect(ticket.body).toContain('OSO-S');
    console.log(
      `[speed] inbox: queue ${queue.ms.toFixed(1)} ms, closed mailbox searched ${closed.ms.toFixed(1)} ms (target < 300), ` +
        `ticket page ${ticket.ms.toFixed(1)} ms (target < 200)`,
    );
    expect(queue.ms).toBeLessThan(target(300));
    expect(closed.ms).toBeLessThan(target(300));
    expect(ticket.ms).toBeLessThan(target(200));
  });
});
