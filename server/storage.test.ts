/**
 * Storage under abuse and faults, over real HTTP: the per-address and total budgets, a full
 * disk (SQLite's max_page_count makes the real database file full), retention, erasure and
 * durable commits.
 */
import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketCreatedSchema } from '../utils/contract/schemas';
import { makePng, postParts, pngOfSize, startTestApi, supportAuth, tempDataDir, ticketFor, ticketParts } from './test-support';
import { apiErrorOf } from './test-api-error';

type Api = Awaited<ReturnType<typeof startTestApi>>;
let apis: Api[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  for (const api of apis) await api.close();
  apis = [];
  for (const dir of dirs.splice(0)) dir.remove();
});

/** A data directory that outlives one API (restart tests). */
function keptDir(): string {
  const data = tempDataDir();
  dirs.push(data);
  return data.dir;
}

async function start(options: Parameters<typeof startTestApi>[0] = {}): Promise<Api> {
  const api = await startTestApi(options);
  apis.push(api);
  return api;
}

/** Posts a ticket with one screenshot of `bytes` bytes; returns the answer and the ticket. */
async function post(api: Api, bytes: number, headers: Record<string, string> = {}, shot = pngOfSize(bytes)) {
  const files = [{ type: 'image/png' as const, bytes: shot }];
  const ticket = ticketFor(files);
  const res = await postParts(api.url, ticketParts(ticket, files), headers);
  return { res, ticket, shot, files };
}

describe('storage budgets', () => {
  it('answers 507 quota_exceeded with Retry-After once an address has stored its daily budget; replays cost nothing; others go on', async () => {
    const api = await start({ quota: { totalBytes: 1024 ** 3, addressDailyBytes: 300_000 }, trustProxy: { addresses: ['127.0.0.1'] } });
    const first = await post(api, 120_000, { 'X-Forwarded-For': '203.0.113.7' });
    expect(first.res.status).toBe(201);
    // The same ticket again (an outbox retry after a lost answer) is a replay, not new bytes.
    for (let i = 0; i < 3; i++) {
      const again = await postParts(api.url, ticketParts(first.ticket, first.files), { 'X-Forwarded-For': '203.0.113.7' });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect((await post(api, 120_000, { 'X-Forwarded-For': '203.0.113.7' })).res.status).toBe(201);
    const over = await post(api, 120_000, { 'X-Forwarded-For': '203.0.113.7' });
    expect(over.res.status).toBe(507);
    const seconds = Number(over.res.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(86_400);
    expect((await apiErrorOf(over.res)).code).toBe('quota_exceeded');
    // Another customer is not affected.
    expect((await post(api, 120_000, { 'X-Forwarded-For': '198.51.100.20' })).res.status).toBe(201);
    expect(api.db.counts().tickets).toBe(3);
  });

  it('answers 507 storage_full with Retry-After when the total budget would be exceeded, before reading the body', async () => {
    const api = await start({ dataDir: keptDir() });
    expect((await post(api, 50_000)).res.status).toBe(201);
    await api.close();
    apis = [];
    const used = statSync(join(api.dataDir, 'support.sqlite')).size;
    const full = await start({ dataDir: api.dataDir, quota: { totalBytes: used + 100_000, addressDailyBytes: 0 } });
    expect((await post(full, 20_000)).res.status).toBe(201);
    const over = await post(full, 200_000);
    expect(over.res.status).toBe(507);
    expect(Number(over.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await apiErrorOf(over.res)).code).toBe('storage_full');
    expect(full.db.counts().tickets).toBe(2);
  });
});

describe('a full disk', () => {
  it('answers 507 storage_full with Retry-After (not 500), logs one line, and stores again once there is room, without a restart', async () => {
    const logs: { message: string; error: unknown }[] = [];
    const api = await start({ log: (message, error) => logs.push({ message, error }) });
    expect((await post(api, 10_000)).res.status).toBe(201);
    // The real database file cannot grow past its current pages: SQLite answers SQLITE_FULL,
    // exactly as on a full file system (where it maps ENOSPC to SQLITE_FULL). The limit is set on
    // the connection that writes tickets (its own thread, server/storage/writer-thread.ts).
    const pages = api.db.db.pragma('page_count', { simple: true }) as number;
    await api.writer.pragma(`max_page_count = ${pages + 2}`);
    const attempt = await post(api, 400_000);
    expect(attempt.res.status).toBe(507);
    expect(Number(attempt.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await apiErrorOf(attempt.res)).code).toBe('storage_full');
    expect(logs).toHaveLength(1);
    expect(logs[0]!.message).toMatch(/disk full/);
    expect(logs[0]!.error).toBeUndefined();
    expect(api.db.counts().tickets).toBe(1);

    // Room again (support freed the disk): the outbox's retry of the very same ticket is stored.
    await api.writer.pragma('max_page_count = 1073741823');
    const retry = await postParts(api.url, ticketParts(attempt.ticket, attempt.files));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(api.db.counts()).toEqual({ tickets: 2, screenshots: 2, idempotency: 2 });
  });
});

describe('retention and erasure', () => {
  const DAY = 86_400_000;

  it('deletes closed and spam tickets RETENTION_DAYS after closing, keeps the others, and the file shrinks', async () => {
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    const api = await start({ dataDir: keptDir(), now: () => new Date(clock), retentionDays: 90 });
    const make = async () => TicketCreatedSchema.parse(await (await post(api, 300_000)).res.json());
    const [closedOld, spamOld, closedRecent, open] = [await make(), await make(), await make(), await make()];
    const setStatus = (id: string, status: string) =>
      fetch(`${api.url}/v1/tickets/${id}`, {
        method: 'PATCH',
        headers: { ...supportAuth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    expect((await setStatus(closedOld.id, 'closed')).status).toBe(200);
    expect((await setStatus(spamOld.id, 'spam')).status).toBe(200);
    // Moving between closed and spam keeps the first closing date.
    clock += 10 * DAY;
    expect((await setStatus(spamOld.id, 'closed')).status).toBe(200);
    clock += 5 * DAY;
    expect((await setStatus(closedRecent.id, 'closed')).status).toBe(200);
    await api.close();
    apis = [];
    const file = join(api.dataDir, 'support.sqlite');
    const before = statSync(file).size;

    // 91 days after the first two were closed (76 after the third): a restart runs the sweep.
    clock = Date.parse('2026-03-01T12:00:00.000Z') + 91 * DAY;
    const later = await start({ dataDir: api.dataDir, now: () => new Date(clock), retentionDays: 90 });
    const ids = (later.db.db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id).sort();
    expect(ids).toEqual([closedRecent.id, open.id].sort());
    expect(later.db.counts()).toEqual({ tickets: 2, screenshots: 2, idempotency: 2 });
    const after = statSync(file).size;
    // Two 300 KB screenshots went: the file gave their pages back.
    expect(before - after).toBeGreaterThan(500_000);
  });

  it('DELETE /v1/tickets/:id erases the ticket, its screenshots and idempotency record: gone from the API and from the file', async () => {
    const api = await start();
    const marker = Buffer.from(`ERASE-ME-${'x'.repeat(40)}`);
    const shot = Buffer.concat([pngOfSize(200_000), marker]);
    const { res, ticket, files } = await post(api, 0, {}, shot);
    const created = TicketCreatedSchema.parse(await res.json());
    const keep = TicketCreatedSchema.parse(await (await post(api, 10_000)).res.json());
    const file = join(api.dataDir, 'support.sqlite');
    const walSize = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

    expect((await fetch(`${api.url}/v1/tickets/${created.id}`, { method: 'DELETE' })).status).toBe(401);
    // Everything in the database file itself first, so that its shrinking is what is measured.
    api.db.db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = statSync(file).size;
    const erased = await fetch(`${api.url}/v1/tickets/${created.id}`, { method: 'DELETE', headers: supportAuth });
    expect(erased.status).toBe(204);
    expect((await fetch(`${api.url}/v1/tickets/${created.id}/screenshots/0`, { headers: supportAuth })).status).toBe(404);
    expect(
      (await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } })).status,
    ).toBe(401);
    expect((await fetch(`${api.url}/v1/tickets/${created.id}`, { method: 'DELETE', headers: supportAuth })).status).toBe(404);
    expect(api.db.counts()).toEqual({ tickets: 1, screenshots: 1, idempotency: 1 });
    expect(api.db.getTicket(keep.id)).toBeDefined();
    // Nothing of it is left on disk: not in the database, not in the WAL, and the file shrank.
    expect(statSync(file).size).toBeLessThan(sizeBefore - 150_000);
    expect(walSize()).toBe(0);
    for (const path of [file, `${file}-wal`]) {
      const bytes = statSync(path, { throwIfNoEntry: false }) ? readFileSync(path) : Buffer.alloc(0);
      expect(bytes.includes(marker)).toBe(false);
      expect(bytes.includes(Buffer.from(ticket.idempotencyKey))).toBe(false);
    }
    // The key is free again: the same ticket sent anew is a new ticket, not a replay of an erased one.
    const resent = await postParts(api.url, ticketParts(ticket, files));
    expect(resent.status).toBe(201);
    expect(resent.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('durability', () => {
  it('commits with synchronous=FULL: a 201 means the ticket is on disk', async () => {
    const api = await start();
    // 2 = FULL: the WAL is synced at every commit (NORMAL = 1 may lose the last ones on power loss).
    expect(api.db.db.pragma('synchronous', { simple: true })).toBe(2);
    // The connection that commits tickets (on the writer thread) too: the 201 waits for its commit.
    expect(await api.writer.pragma('synchronous')).toBe(2);
    const { res, shot } = await post(api, 0, {}, makePng(3, 2));
    expect(res.status).toBe(201);
    // A second connection (another process would see the same) reads the committed ticket.
    const other = new Database(join(api.dataDir, 'support.sqlite'), { readonly: true });
    try {
      const row = other.prepare('SELECT bytes FROM screenshots').get() as { bytes: Buffer };
      expect(Buffer.compare(row.bytes, shot)).toBe(0);
    } finally {
      other.close();
    }
  });
});
