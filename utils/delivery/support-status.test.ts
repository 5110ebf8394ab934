import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SupportStatus } from '../contract/schemas';
import { builtinStatus, defaultSchedule } from '../response-time/schedule';
import { CACHE_MAX_AGE_MS, supportStatusItem } from './status-cache';
import { loadSupportStatus, peekSupportStatus, STATUS_TIMEOUT_MS, watchSupportStatus, type LoadedSupportStatus } from './support-status';

const NOW = new Date('2026-06-09T14:00:00.000Z');
const now = () => NOW;

const PEAK: SupportStatus = {
  mode: 'peak',
  message: 'Instagram API outage',
  until: '2026-06-10T22:00:00-04:00',
  updatedAt: '2026-06-09T13:30:00.000Z',
  schedule: defaultSchedule(NOW),
};

/** What the local server does for the next requests. */
let handler: (req: IncomingMessage, res: ServerResponse) => void;
const requests: Array<{ method?: string; url?: string; accept?: string }> = [];
let server: Server;
let base: string;

const json =
  (body: unknown, status = 200) =>
  (_: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, accept: req.headers.accept });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  fakeBrowser.reset();
  requests.length = 0;
  handler = json(PEAK);
});

describe('loadSupportStatus', () => {
  it('GETs /v1/status, returns it live and keeps it', async () => {
    expect(await loadSupportStatus(`${base}/`, { now })).toEqual({ status: PEAK, source: 'live' });
    expect(requests).toEqual([{ method: 'GET', url: '/v1/status', accept: 'application/json' }]);
    expect(await supportStatusItem.getValue()).toEqual({ status: PEAK, fetchedAt: NOW.toISOString() });
  });

  it('falls back to the built-in status when nothing is cached and the API fails', async () => {
    handler = json({ error: { code: 'internal', message: 'boom' } }, 500);
    expect(await loadSupportStatus(base, { now })).toEqual({ status: builtinStatus(NOW), source: 'builtin' });
  });

  it.each([
    ['an HTTP error', json(PEAK, 503)],
    ['a body that is not JSON', (_: IncomingMessage, res: ServerResponse) => res.end('<html>proxy error</html>')],
    ['JSON that is not a status', json({ mode: 'holiday', schedule: {} })],
    ['a status with an unknown timezone', json({ ...PEAK, schedule: { ...PEAK.schedule, timezone: 'Mars/Olympus' } })],
  ])('answers the cached status after %s', async (_, bad) => {
    await loadSupportStatus(base, { now });
    handler = bad;
    const later = () => new Date(NOW.getTime() + 3_600_000);
    expect(await loadSupportStatus(base, { now: later })).toEqual({ status: PEAK, source: 'cached' });
    // The garbage did not replace the good one.
    expect((await supportStatusItem.getValue())?.status).toEqual(PEAK);
  });

  it('gives up after the timeout when the API does not answer', async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    expect(await loadSupportStatus(base, { now, timeoutMs: 150 })).toEqual({ status: builtinStatus(NOW), source: 'builtin' });
    expect(Date.now() - started).toBeLessThan(STATUS_TIMEOUT_MS);
  });

  it('gives up when the API stalls in the middle of the body', async () => {
    handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"mode":"normal",');
    };
    expect((await loadSupportStatus(base, { now, timeoutMs: 150 })).source).toBe('builtin');
  });

  it('falls back when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect((await loadSupportStatus(`http://127.0.0.1:${port}`, { now })).source).toBe('builtin');
  });

  it('uses the injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify(PEAK), { status: 200 });
    };
    expect((await loadSupportStatus('https://api.example.test', { now, fetch: fakeFetch })).source).toBe('live');
    expect(calls).toEqual(['https://api.example.test/v1/status']);
  });
});

describe('peekSupportStatus', () => {
  it('answers from storage without the network', async () => {
    expect(await peekSupportStatus({ now })).toEqual({ status: builtinStatus(NOW), source: 'builtin' });
    await loadSupportStatus(base, { now });
    requests.length = 0;
    expect(await peekSupportStatus({ now })).toEqual({ status: PEAK, source: 'cached' });
    expect(requests).toEqual([]);
  });

  it('does not trust a cache older than the maximum age', async () => {
    await loadSupportStatus(base, { now });
    const muchLater = new Date(NOW.getTime() + CACHE_MAX_AGE_MS + 1);
    expect(await peekSupportStatus({ now: () => muchLater })).toEqual({ status: builtinStatus(muchLater), source: 'builtin' });
  });

  it('ignores a corrupt cache', async () => {
    await fakeBrowser.storage.local.set({ supportStatus: { status: { mode: 'peak' }, fetchedAt: NOW.toISOString() } });
    expect((await peekSupportStatus({ now })).source).toBe('builtin');
    await fakeBrowser.storage.local.set({ supportStatus: 'garbage' });
    expect((await peekSupportStatus({ now })).source).toBe('builtin');
  });
});

describe('watchSupportStatus', () => {
  it('shows the peeked status, then the live one, then a mode change, and stops', async () => {
    const NORMAL: SupportStatus = { ...PEAK, mode: 'normal', message: undefined, until: undefined };
    delete NORMAL.message;
    delete NORMAL.until;
    handler = json(NORMAL);
    const seen: LoadedSupportStatus[] = [];
    const waitFor = async (n: number) => {
      for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
      expect(seen.length).toBeGreaterThanOrEqual(n);
    };
    const stop = watchSupportStatus(base, (loaded) => seen.push(loaded), { now, intervalMs: 40 });
    await waitFor(2);
    expect(seen[0]?.source).toBe('builtin');
    expect(seen[1]).toEqual({ status: NORMAL, source: 'live' });
    // Unchanged answers are not repeated.
    const requestsBefore = requests.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(requests.length).toBeGreaterThan(requestsBefore);
    expect(seen).toHaveLength(2);
    // Support switches to peak: the open form learns it on the next poll.
    handler = json(PEAK);
    await waitFor(3);
    expect(seen[2]).toEqual({ status: PEAK, source: 'live' });
    stop();
    const afterStop = requests.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(requests.length).toBeLessThanOrEqual(afterStop + 1); // at most the one in flight
    expect(seen).toHaveLength(3);
  });
});
