import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  MULTIPART,
  StoredTicketSchema,
  SupportStatusSchema,
  TicketCreatedSchema,
  TicketListSchema,
  TicketPublicSchema,
} from '../utils/contract/schemas';
import { LIMITS } from '../utils/contract/limits';
import { sampleTicket } from '../tests/fixtures/sample-ticket';
import { createApp } from './app';
import { SupportDb } from './db';
import {
  EXTENSION_ORIGIN,
  JPEG_2X2,
  SUPPORT_TOKEN,
  WEBP_2X2,
  encodeMultipart,
  makePng,
  postParts,
  postPartsTo,
  rawRequest,
  startTestApi,
  supportAuth,
  tempDataDir,
  ticketFor,
  ticketParts,
} from './test-support';
import { apiErrorOf } from './test-api-error';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const PNG = makePng(3, 2);
const files = [
  { type: 'image/png' as const, bytes: PNG },
  { type: 'image/jpeg' as const, bytes: JPEG_2X2 },
];

describe('tickets over real HTTP', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('stores a ticket with a PNG and a JPEG, lists it for support and serves each screenshot byte-identical', async () => {
    const ticket = ticketFor(files);
    // The extension's way: FormData with Blobs (the ticket as an application/json file part).
    const form = new FormData();
    form.append(MULTIPART.ticket, new Blob([JSON.stringify(ticket)], { type: 'application/json' }), 'ticket.json');
    form.append(MULTIPART.screenshot(0), new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'a.png');
    form.append(MULTIPART.screenshot(1), new Blob([new Uint8Array(JPEG_2X2)], { type: 'image/jpeg' }), 'b.jpg');
    const res = await fetch(`${api.url}/v1/tickets`, { method: 'POST', body: form, headers: { 'Idempotency-Key': ticket.idempotencyKey } });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const created = TicketCreatedSchema.parse(await res.json());
    expect(created.reference).toMatch(/^OSO-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(created.accessToken.length).toBeGreaterThanOrEqual(32);
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/);

    const list = await fetch(`${api.url}/v1/tickets`, { headers: supportAuth });
    expect(list.status).toBe(200);
    const { tickets } = TicketListSchema.parse(await list.json());
    const stored = tickets.find((t) => t.id === created.id)!;
    expect(stored.reference).toBe(created.reference);
    expect(stored.status).toBe('received');
    expect(stored.receivedAt).toBe(created.receivedAt);
    // The list holds summaries; the whole ticket is its own route.
    expect(stored).not.toHaveProperty('ticket');
    const full = StoredTicketSchema.parse(await (await fetch(`${api.url}/v1/tickets/${created.id}/full`, { headers: supportAuth })).json());
    expect(full.ticket).toEqual(StoredTicketSchema.shape.ticket.parse(ticket));

    for (const [index, file] of files.entries()) {
      const shot = await fetch(`${api.url}/v1/tickets/${created.id}/screenshots/${index}`, { headers: supportAuth });
      expect(shot.status).toBe(200);
      expect(shot.headers.get('content-type')).toBe(file.type);
      expect(Buffer.from(await shot.arrayBuffer()).equals(file.bytes)).toBe(true);
    }
    const missing = await fetch(`${api.url}/v1/tickets/${created.id}/screenshots/2`, { headers: supportAuth });
    expect(missing.status).toBe(404);
    expect((await apiErrorOf(missing)).code).toBe('not_found');
  });

  it('lets the customer read the status with the access token, and support change it', async () => {
    const ticket = ticketFor([{ type: 'image/webp', bytes: WEBP_2X2 }], { category: 'billing' });
    const res = await postParts(api.url, ticketParts(ticket, [{ type: 'image/webp', bytes: WEBP_2X2 }]));
    expect(res.status).toBe(201);
    const created = TicketCreatedSchema.parse(await res.json());

    const read = await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } });
    expect(read.status).toBe(200);
    const view = TicketPublicSchema.parse(await read.json());
    expect(view).toMatchObject({ id: created.id, reference: created.reference, status: 'received', category: 'billing' });

    const patch = await fetch(`${api.url}/v1/tickets/${created.id}`, {
      method: 'PATCH',
      headers: { ...supportAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'acknowledged' }),
    });
    expect(patch.status).toBe(200);
    const again = TicketPublicSchema.parse(
      await (await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } })).json(),
    );
    expect(again.status).toBe('acknowledged');

    const badPatch = await fetch(`${api.url}/v1/tickets/${created.id}`, {
      method: 'PATCH',
      headers: supportAuth,
      body: JSON.stringify({ status: 'lost' }),
    });
    expect(badPatch.status).toBe(400);
    expect((await apiErrorOf(badPatch)).issues?.[0]?.path).toBe('body.status');
    const patchUnknown = await fetch(`${api.url}/v1/tickets/nope`, { method: 'PATCH', headers: supportAuth, body: '{"status":"closed"}' });
    expect(patchUnknown.status).toBe(404);
  });

  it('stores only the hash of the access token', async () => {
    const ticket = ticketFor([]);
    const created = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticket, []))).json());
    const db = new Database(join(api.dataDir, 'support.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT * FROM tickets WHERE id = ?').get(created.id) as Record<string, unknown>;
      const columns = Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : String(v)));
      expect(columns.some((v) => v.includes(created.accessToken))).toBe(false);
      expect((row.access_token_sha256 as Buffer).length).toBe(32);
    } finally {
      db.close();
    }
  });

  it('answers 401 alike for a wrong token, a missing token and an unknown id', async () => {
    const ticket = ticketFor([]);
    const created = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticket, []))).json());
    const attempts = [
      fetch(`${api.url}/v1/tickets/${created.id}`),
      fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}x` } }),
      fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Basic ${created.accessToken}` } }),
      fetch(`${api.url}/v1/tickets/unknown-id`, { headers: { Authorization: `Bearer ${created.accessToken}` } }),
      fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${SUPPORT_TOKEN}` } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      const error = await apiErrorOf(res);
      expect(error).toEqual({ code: 'unauthorized', message: 'Unknown ticket or wrong access token' });
    }
  });

  it('refuses the support routes without the support token', async () => {
    const ticket = ticketFor([]);
    const created = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticket, []))).json());
    const wrong = { Authorization: `Bearer ${SUPPORT_TOKEN.slice(0, -1)}` };
    const requests = [
      fetch(`${api.url}/v1/tickets`),
      fetch(`${api.url}/v1/tickets`, { headers: wrong }),
      fetch(`${api.url}/v1/tickets`, { headers: { Authorization: `Bearer ${created.accessToken}` } }),
      fetch(`${api.url}/v1/tickets/${created.id}/screenshots/0`, { headers: wrong }),
      fetch(`${api.url}/v1/tickets/${created.id}`, { method: 'PATCH', headers: wrong, body: '{"status":"closed"}' }),
      fetch(`${api.url}/v1/status`, { method: 'PUT', headers: wrong, body: '{"mode":"peak"}' }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(401);
      expect((await apiErrorOf(res)).code).toBe('unauthorized');
    }
  });

  it('validates ?limit= and screenshot indexes, newest first', async () => {
    expect((await fetch(`${api.url}/v1/tickets?limit=abc`, { headers: supportAuth })).status).toBe(400);
    expect((await fetch(`${api.url}/v1/tickets?limit=0`, { headers: supportAuth })).status).toBe(400);
    const one = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets?limit=1`, { headers: supportAuth })).json());
    expect(one.tickets).toHaveLength(1);
    const all = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets`, { headers: supportAuth })).json());
    const times = all.tickets.map((t) => t.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    const bad = await fetch(`${api.url}/v1/tickets/${one.tickets[0]!.id}/screenshots/x1`, { headers: supportAuth });
    expect(bad.status).toBe(400);
    expect((await apiErrorOf(bad)).issues?.[0]?.path).toBe('index');
  });
});

describe('refusals of POST /v1/tickets', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function expectRefused(res: Response, status: number, code: string, path?: string) {
    expect(res.status).toBe(status);
    const error = await apiErrorOf(res);
    expect(error.code).toBe(code);
    if (path !== undefined) expect(error.issues?.map((i) => i.path)).toContain(path);
    return error;
  }

  it('400 with field paths for a ticket that breaks the contract', async () => {
    const base = ticketFor([]);
    await expectRefused(
      await postParts(api.url, ticketParts({ ...base, email: 'not-an-email' }, [])),
      400,
      'validation_failed',
      'ticket.email',
    );
    const entries = structuredClone(base.diagnostics.entries) as unknown as Record<string, unknown>[];
    entries.push({ kind: 'resource', t: 1, count: 1, message: 'x', tag: 'img', url: 'x'.repeat(LIMITS.urlChars + 1) });
    await expectRefused(
      await postParts(api.url, ticketParts({ ...base, diagnostics: { ...base.diagnostics, entries } }, [])),
      400,
      'validation_failed',
      'ticket.diagnostics.entries.2.url',
    );
    await expectRefused(await postParts(api.url, ticketParts([base], [])), 400, 'validation_failed', 'ticket');
    await expectRefused(await postParts(api.url, [{ name: 'ticket', data: '{"contractVersion":1,' }]), 400, 'validation_failed', 'ticket');
    await expectRefused(await postParts(api.url, [{ name: 'ticket', data: 'null' }]), 400, 'validation_failed', 'ticket');
  });

  it('400 when the parts do not match the metadata', async () => {
    const ticket = ticketFor(files);
    // Missing file.
    await expectRefused(await postParts(api.url, ticketParts(ticket, files.slice(0, 1))), 400, 'validation_failed', 'screenshot-1');
    // A file without metadata.
    await expectRefused(
      await postParts(api.url, ticketParts(ticketFor(files.slice(0, 1)), files)),
      400,
      'validation_failed',
      'screenshot-1',
    );
    // Size differs from `bytes`.
    const lying = ticketFor(files);
    lying.screenshots[0]!.bytes += 1;
    await expectRefused(await postParts(api.url, ticketParts(lying, files)), 400, 'validation_failed', 'screenshot-0');
    // Duplicate part, unknown part, no ticket part, a screenshot as a plain field.
    const parts = ticketParts(ticket, files);
    await expectRefused(await postParts(api.url, [...parts, parts[1]!]), 400, 'validation_failed', 'screenshot-0');
    await expectRefused(await postParts(api.url, [...parts, { name: 'extra', data: 'x' }]), 400, 'validation_failed', 'extra');
    await expectRefused(await postParts(api.url, parts.slice(1)), 400, 'validation_failed', 'ticket');
    const asField = ticketFor([{ type: 'image/png', bytes: Buffer.from('abc') }]);
    await expectRefused(
      await postParts(
        api.url,
        [parts[0]!, { name: 'screenshot-0', data: 'abc' }].map((p, i) => (i === 0 ? { ...p, data: JSON.stringify(asField) } : p)),
      ),
      400,
      'validation_failed',
      'screenshot-0',
    );
  });

  it('400 for a malformed body, a bad or different Idempotency-Key', async () => {
    const ticket = ticketFor([]);
    const { body, contentType } = encodeMultipart(ticketParts(ticket, []));
    const truncated = await fetch(`${api.url}/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: body.subarray(0, body.length - 30),
    });
    await expectRefused(truncated, 400, 'validation_failed');
    const noBoundary = await fetch(`${api.url}/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; charset=utf-8' },
      body,
    });
    await expectRefused(noBoundary, 400, 'validation_failed');
    await expectRefused(
      await postParts(api.url, ticketParts(ticket, []), { 'Idempotency-Key': 'not-a-uuid' }),
      400,
      'validation_failed',
      'Idempotency-Key',
    );
    await expectRefused(
      await postParts(api.url, ticketParts(ticket, []), { 'Idempotency-Key': crypto.randomUUID() }),
      400,
      'validation_failed',
      'Idempotency-Key',
    );
  });

  it('415 for anything but a multipart body, and for files that are not what they say (magic bytes)', async () => {
    const json = await fetch(`${api.url}/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ticketFor([])),
    });
    await expectRefused(json, 415, 'unsupported_media_type');
    // A PNG renamed .jpg and declared as JPEG everywhere.
    const renamed = ticketFor([{ type: 'image/jpeg', bytes: PNG }]);
    const renamedParts = ticketParts(renamed, [{ type: 'image/jpeg', bytes: PNG }]);
    renamedParts[1]!.filename = 'winner.jpg';
    const e1 = await expectRefused(await postParts(api.url, renamedParts), 415, 'unsupported_media_type', 'screenshot-0');
    expect(e1.issues![0]!.message).toContain('image/png');
    // A text file called .png.
    const text = Buffer.from('hello, I am not an image at all');
    const fake = ticketFor([{ type: 'image/png', bytes: text }]);
    await expectRefused(
      await postParts(api.url, ticketParts(fake, [{ type: 'image/png', bytes: text }])),
      415,
      'unsupported_media_type',
      'screenshot-0',
    );
    // Right metadata, but the part's own Content-Type lies.
    const parts = ticketParts(ticketFor([{ type: 'image/png', bytes: PNG }]), [{ type: 'image/png', bytes: PNG }]);
    parts[1]!.contentType = 'image/gif';
    await expectRefused(await postParts(api.url, parts), 415, 'unsupported_media_type', 'screenshot-0');
  });

  it('413 on Content-Length before reading the body, and on streamed bytes without it', async () => {
    const started = Date.now();
    // Announces 10 GB, sends 100 bytes: the answer must come without waiting for the rest.
    const res = await rawRequest(api.url, {
      method: 'POST',
      path: '/v1/tickets',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': 10 * 1024 ** 3 },
      body: Buffer.alloc(100, 'a'),
      endEarly: false,
    }).catch(() => ({ status: null, body: '' }));
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(JSON.parse(res.body)).error.code).toBe('payload_too_large');
    expect(Date.now() - started).toBeLessThan(3000);

    // Chunked (no Content-Length): counted as it streams.
    const big = new Uint8Array(LIMITS.requestBytes + 1024);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 1024 * 1024) controller.enqueue(big.subarray(i, i + 1024 * 1024));
        controller.close();
      },
    });
    const chunked = await fetch(`${api.url}/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectRefused(chunked, 413, 'payload_too_large');
  });

  it('413 for a screenshot or a ticket JSON over their own limits', async () => {
    const hugeFile = Buffer.concat([PNG, Buffer.alloc(LIMITS.screenshotBytes)]);
    const ticket = ticketFor([{ type: 'image/png', bytes: PNG }]);
    await expectRefused(
      await postParts(api.url, ticketParts(ticket, [{ type: 'image/png', bytes: hugeFile }])),
      413,
      'payload_too_large',
      'screenshot-0',
    );
    const fat = { ...ticketFor([]), padding: 'x'.repeat(LIMITS.ticketJsonBytes) };
    await expectRefused(await postParts(api.url, ticketParts(fat, [])), 413, 'payload_too_large', 'ticket');
  });

  it('stores nothing that was refused', async () => {
    const list = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets`, { headers: supportAuth })).json());
    expect(list.tickets).toHaveLength(0);
  });
});

describe('idempotency', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const count = async () =>
    TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets?limit=100`, { headers: supportAuth })).json()).tickets.length;

  it('answers a repeat with the same 201 body and Idempotent-Replayed, storing one ticket', async () => {
    const ticket = ticketFor(files);
    const before = await count();
    const first = await postParts(api.url, ticketParts(ticket, files), { 'Idempotency-Key': ticket.idempotencyKey });
    const second = await postParts(api.url, ticketParts(ticket, files)); // key taken from the ticket
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await count()).toBe(before + 1);
  });

  it('stores exactly one ticket for 20 concurrent identical requests', async () => {
    const ticket = ticketFor(files);
    const before = await count();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postParts(api.url, ticketParts(ticket, files), { 'Idempotency-Key': ticket.idempotencyKey })),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('answers 422 when the same key comes with a different ticket or different file bytes', async () => {
    const ticket = ticketFor(files);
    expect((await postParts(api.url, ticketParts(ticket, files))).status).toBe(201);
    const before = await count();
    const otherText = await postParts(api.url, ticketParts({ ...ticket, description: 'Autre chose' }, files));
    expect(otherText.status).toBe(422);
    expect((await apiErrorOf(otherText)).code).toBe('idempotency_conflict');
    const otherPng = makePng(3, 2, [1, 2, 3]);
    expect(otherPng.length).toBe(PNG.length);
    const otherBytes = await postParts(api.url, ticketParts(ticket, [{ type: 'image/png', bytes: otherPng }, files[1]!]));
    expect(otherBytes.status).toBe(422);
    expect(await count()).toBe(before);
  });
});

describe('CORS', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers the preflight of the extension origin and exposes Retry-After and Idempotent-Replayed', async () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const res = await fetch(`${api.url}/v1/tickets`, {
        method: 'OPTIONS',
        headers: {
          Origin: EXTENSION_ORIGIN,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'idempotency-key, content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
      expect(res.headers.get('access-control-allow-methods')).toContain(method);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    }
    const ticket = ticketFor([]);
    const post = await postParts(api.url, ticketParts(ticket, []), { Origin: EXTENSION_ORIGIN });
    expect(post.status).toBe(201);
    expect(post.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(post.headers.get('access-control-expose-headers')).toMatch(/Retry-After.*Idempotent-Replayed/);
  });

  it('refuses other origins, preflight or not, and stores nothing', async () => {
    const preflight = await fetch(`${api.url}/v1/tickets`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postParts(api.url, ticketParts(ticketFor([]), []), {
      Origin: 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect((await apiErrorOf(post)).code).toBe('forbidden');
    const list = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets`, { headers: supportAuth })).json());
    expect(list.tickets).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, and lets the client in again after the window', async () => {
    let clock = new Date('2026-11-24T15:00:00Z').getTime();
    const api = await startTestApi({ rateLimit: { max: 3, windowMs: 60_000 }, now: () => new Date(clock) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postParts(api.url, ticketParts(ticketFor([]), []))).status);
      expect(statuses).toEqual([201, 201, 201]);
      clock += 20_000;
      const limited = await postParts(api.url, ticketParts(ticketFor([]), []));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('40');
      expect((await apiErrorOf(limited)).code).toBe('rate_limited');
      // Other routes are not limited.
      expect((await fetch(`${api.url}/v1/status`)).status).toBe(200);
      clock += 40_000;
      expect((await postParts(api.url, ticketParts(ticketFor([]), []))).status).toBe(201);
    } finally {
      await api.close();
    }
  });
});

describe('support status', () => {
  it('serves the status with caching headers and 304, changes it with PUT, keeps it and the tickets across a restart', async () => {
    const data = tempDataDir();
    let clock = new Date('2026-12-23T15:00:00Z').getTime();
    const options = { dataDir: data.dir, now: () => new Date(clock) };
    let api = await startTestApi(options);
    try {
      const first = await fetch(`${api.url}/v1/status`);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const status = SupportStatusSchema.parse(await first.json());
      expect(status.mode).toBe('normal');
      expect(status.schedule.timezone).toBe('America/Toronto');
      expect(status.schedule.week[1]!.length).toBeGreaterThan(0);
      expect(status.schedule.week[0]).toEqual([]);
      expect(status.schedule.closedDays).toContain('2026-12-25');

      const cached = await fetch(`${api.url}/v1/status`, { headers: { 'If-None-Match': etag } });
      expect(cached.status).toBe(304);
      expect(cached.headers.get('etag')).toBe(etag);
      expect(await cached.text()).toBe('');

      expect((await fetch(`${api.url}/v1/status`, { method: 'PUT', body: '{"mode":"peak"}' })).status).toBe(401);
      const invalid = await fetch(`${api.url}/v1/status`, { method: 'PUT', headers: supportAuth, body: '{"mode":"busy"}' });
      expect(invalid.status).toBe(400);
      const unknownField = await fetch(`${api.url}/v1/status`, {
        method: 'PUT',
        headers: supportAuth,
        body: '{"mode":"peak","schedule":{}}',
      });
      expect(unknownField.status).toBe(400);

      clock += 5_000;
      const put = await fetch(`${api.url}/v1/status`, {
        method: 'PUT',
        headers: { ...supportAuth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mode: 'incident', message: 'Instagram API outage', until: '2026-12-23T20:00:00.000Z' }),
      });
      expect(put.status).toBe(200);
      const changed = await fetch(`${api.url}/v1/status`, { headers: { 'If-None-Match': etag } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(SupportStatusSchema.parse(await changed.json())).toMatchObject({
        mode: 'incident',
        message: 'Instagram API outage',
        until: '2026-12-23T20:00:00.000Z',
        updatedAt: '2026-12-23T15:00:05.000Z',
      });

      const ticket = ticketFor([{ type: 'image/png', bytes: PNG }]);
      const created = TicketCreatedSchema.parse(
        await (await postParts(api.url, ticketParts(ticket, [{ type: 'image/png', bytes: PNG }]))).json(),
      );

      await api.close();
      api = await startTestApi(options);

      const after = SupportStatusSchema.parse(await (await fetch(`${api.url}/v1/status`)).json());
      expect(after).toMatchObject({ mode: 'incident', message: 'Instagram API outage' });
      const view = await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } });
      expect(view.status).toBe(200);
      const shot = await fetch(`${api.url}/v1/tickets/${created.id}/screenshots/0`, { headers: supportAuth });
      expect(Buffer.from(await shot.arrayBuffer()).equals(PNG)).toBe(true);
      // The same key after a restart is still a replay, not a second ticket.
      const replay = await postParts(api.url, ticketParts(ticket, [{ type: 'image/png', bytes: PNG }]));
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(TicketCreatedSchema.parse(await replay.json())).toEqual(created);
    } finally {
      await api.close();
      data.remove();
    }
  });

  it('writes SUPPORT_TIMEZONE into the schedule', async () => {
    const api = await startTestApi({ timezone: 'America/Vancouver' });
    try {
      const status = SupportStatusSchema.parse(await (await fetch(`${api.url}/v1/status`)).json());
      expect(status.schedule.timezone).toBe('America/Vancouver');
    } finally {
      await api.close();
    }
  });
});

describe('without a support token', () => {
  it('keeps the customer routes and refuses the support ones', async () => {
    const api = await startTestApi({ supportToken: undefined });
    try {
      const created = await postParts(api.url, ticketParts(ticketFor([]), []));
      expect(created.status).toBe(201);
      const list = await fetch(`${api.url}/v1/tickets`, { headers: { Authorization: 'Bearer ' } });
      expect(list.status).toBe(401);
      expect((await apiErrorOf(list)).message).toMatch(/SUPPORT_TOKEN/);
      expect((await fetch(`${api.url}/v1/status`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('createApp without a socket', () => {
  it('retries a reference that is already taken', async () => {
    const data = tempDataDir();
    const db = SupportDb.open(data.dir, () => new Date());
    const references = ['OSO-AAAAA', 'OSO-AAAAA', 'OSO-AAAAA', 'OSO-BBBBB'];
    const app = createApp({ db, allowedOrigins: [], rateLimit: false, now: () => new Date(), newReference: () => references.shift()! });
    try {
      const send = async () => {
        const res = await postPartsTo(app, ticketParts(sampleTicket({ screenshots: [] }), []));
        expect(res.status).toBe(201);
        return TicketCreatedSchema.parse(await res.json()).reference;
      };
      expect(await send()).toBe('OSO-AAAAA');
      expect(await send()).toBe('OSO-BBBBB');
      expect(references).toEqual([]);
    } finally {
      db.close();
      data.remove();
    }
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    const data = tempDataDir();
    const db = SupportDb.open(data.dir, () => new Date());
    const app = createApp({ db, allowedOrigins: [], rateLimit: false, now: () => new Date() });
    try {
      for (const [method, path] of [
        ['GET', '/'],
        ['DELETE', '/v1/tickets'],
        ['POST', '/v1/status'],
        ['GET', '/v1/tickets/a/b/c'],
      ] as const) {
        const res = await app.request(path, { method });
        expect(res.status).toBe(404);
        expect((await apiErrorOf(res)).code).toBe('not_found');
      }
    } finally {
      db.close();
      data.remove();
    }
  });
});

describe('response promise', () => {
  it('computes the promise from the live status and the category, returns it on 201 and on GET, and shows it to support', async () => {
    // Tuesday 2026-11-24 10:00 in Toronto (15:00 UTC): inside support hours.
    const clock = new Date('2026-11-24T15:00:00Z');
    const api = await startTestApi({ now: () => clock });
    try {
      const standard = TicketCreatedSchema.parse(
        await (await postParts(api.url, ticketParts(ticketFor([], { category: 'other' }), []))).json(),
      );
      expect(standard.promise).toMatchObject({
        mode: 'normal',
        statusSource: 'live',
        outsideHours: false,
        clockStartsAt: clock.toISOString(),
      });
      expect(standard.promise!.case).toBe('standard');

      const put = await fetch(`${api.url}/v1/status`, {
        method: 'PUT',
        headers: supportAuth,
        body: JSON.stringify({ mode: 'peak', message: 'Black Friday' }),
      });
      expect(put.status).toBe(200);
      const peak = TicketCreatedSchema.parse(
        await (await postParts(api.url, ticketParts(ticketFor([], { category: 'other' }), []))).json(),
      );
      expect(peak.promise).toMatchObject({ mode: 'peak', case: 'peak', statusSource: 'live' });
      expect(Date.parse(peak.promise!.latestReplyAt)).toBeGreaterThan(Date.parse(standard.promise!.latestReplyAt));

      const view = TicketPublicSchema.parse(
        await (await fetch(`${api.url}/v1/tickets/${peak.id}`, { headers: { Authorization: `Bearer ${peak.accessToken}` } })).json(),
      );
      expect(view.promise).toEqual(peak.promise);
      const full = (await (await fetch(`${api.url}/v1/tickets/${peak.id}/full`, { headers: supportAuth })).json()) as { promise?: unknown };
      expect(full.promise).toEqual(peak.promise);
      const list = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets`, { headers: supportAuth })).json());
      expect(list.tickets.find((t) => t.id === peak.id)!.dueAt).toBe(peak.promise!.latestReplyAt);
    } finally {
      await api.close();
    }
  });
});
