/**
 * Fuzz test of the API over real HTTP: well over a thousand malformed, truncated, oversized and
 * random requests, plus mutated valid tickets judged by an independent oracle (the contract's
 * TicketSchema and what the generator knows about each file). Asserts: never a 5xx, the
 * server keeps serving, exactly the valid tickets are stored, and a valid ticket still goes
 * through afterwards. Set FUZZ_SEED to replay a run.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MULTIPART, TicketCreatedSchema, TicketSchema, type ImageType } from '../utils/contract/schemas';
import { LIMITS } from '../utils/contract/limits';
import { sampleTicket } from '../tests/fixtures/sample-ticket';
import { seededRandom } from '../tests/support/seeded-random';
import {
  JPEG_2X2,
  SUPPORT_TOKEN,
  WEBP_2X2,
  encodeMultipart,
  makePng,
  rawRequest,
  shotMeta,
  startTestApi,
  type RawPart,
} from './test-support';

const TOTAL = 1200;
const CONCURRENCY = 8;
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;

/** mulberry32: small, seedable, good enough to pick mutations. */
function prng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
  };
}
const rng = prng(SEED);

type RealType = ImageType | 'text' | 'garbage';
interface FilePart {
  bytes: Buffer;
  realType: RealType;
  partType: string;
  /** The real dimensions of a real image (the API compares them with the metadata). */
  size?: { width: number; height: number };
}

/** A ticket request as the generator sees it; the oracle judges it, the encoder sends it. */
interface TicketModel {
  ticketText: string | null;
  ticketAsFile: boolean;
  files: Map<number, FilePart>;
  /** Extra parts: unknown names, duplicates, files without metadata, screenshots as plain fields. */
  junkParts: RawPart[];
  header?: string;
}

const IMAGES: { type: ImageType; bytes: Buffer; size: { width: number; height: number } }[] = [
  { type: 'image/png', bytes: makePng(3, 2), size: { width: 3, height: 2 } },
  { type: 'image/png', bytes: makePng(5, 1, [0, 200, 0]), size: { width: 5, height: 1 } },
  { type: 'image/jpeg', bytes: JPEG_2X2, size: { width: 2, height: 2 } },
  { type: 'image/webp', bytes: WEBP_2X2, size: { width: 2, height: 2 } },
];

function validModel(): TicketModel {
  const count = rng.int(4);
  const files = new Map<number, FilePart>();
  const metas = [];
  for (let i = 0; i < count; i++) {
    const image = rng.pick(IMAGES);
    files.set(i, { bytes: image.bytes, realType: image.type, partType: rng.chance(0.2) ? '' : image.type, size: image.size });
    metas.push(shotMeta(i, image.type, image.bytes));
  }
  const ticket = sampleTicket({
    screenshots: metas,
    category: rng.pick(['api_error', 'permissions', 'billing', 'bug', 'multi_platform', 'other'] as const),
  });
  return {
    ticketText: JSON.stringify(ticket),
    ticketAsFile: rng.chance(0.5),
    files,
    junkParts: [],
    header: rng.chance(0.5) ? ticket.idempotencyKey : undefined,
  };
}

// --- The oracle -----------------------------------------------------------------------------

const uuid = z.uuid();
/** Content digest per idempotency key of the tickets known to be stored. */
const storedKeys = new Map<string, string>();

function contentDigest(model: TicketModel): string {
  const hash = createHash('sha256').update(model.ticketText ?? '');
  for (const [, f] of [...model.files].sort(([a], [b]) => a - b)) hash.update('|').update(f.bytes);
  return hash.digest('hex');
}

type Expectation = { kind: 'new'; key: string } | { kind: 'replay' } | { kind: 'conflict' } | { kind: 'invalid' };

/** Judges a model with the contract and the generator's knowledge of the files; never with server code. */
function judge(model: TicketModel): Expectation {
  if (model.junkParts.length > 0 || model.ticketText === null) return { kind: 'invalid' };
  if (Buffer.byteLength(model.ticketText) > LIMITS.ticketJsonBytes) return { kind: 'invalid' };
  let json: unknown;
  try {
    json = JSON.parse(model.ticketText);
  } catch {
    return { kind: 'invalid' };
  }
  const parsed = TicketSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid' };
  const key = parsed.data.idempotencyKey.toLowerCase();
  if (
    model.header !== undefined &&
    (!uuid.safeParse(model.header.trim().toLowerCase()).success || model.header.trim().toLowerCase() !== key)
  ) {
    return { kind: 'invalid' };
  }
  const metas = parsed.data.screenshots;
  if (model.files.size !== metas.length) return { kind: 'invalid' };
  for (const meta of metas) {
    const file = model.files.get(meta.index);
    if (!file || file.bytes.length !== meta.bytes || file.realType !== meta.type) return { kind: 'invalid' };
    if (file.size?.width !== meta.width || file.size?.height !== meta.height) return { kind: 'invalid' };
    // A file part without Content-Type is text/plain by the multipart rules: it declares nothing.
    if (!['', 'application/octet-stream', 'text/plain'].includes(file.partType) && file.partType !== file.realType)
      return { kind: 'invalid' };
  }
  const seen = storedKeys.get(key);
  if (seen === undefined) return { kind: 'new', key };
  return seen === contentDigest(model) ? { kind: 'replay' } : { kind: 'conflict' };
}

function encode(model: TicketModel): RawPart[] {
  const parts: RawPart[] = [];
  if (model.ticketText !== null) {
    parts.push(
      model.ticketAsFile
        ? { name: MULTIPART.ticket, data: model.ticketText, filename: 'ticket.json', contentType: 'application/json' }
        : { name: MULTIPART.ticket, data: model.ticketText },
    );
  }
  for (const [i, f] of model.files) {
    parts.push({ name: MULTIPART.screenshot(i), data: f.bytes, filename: `s${i}.png`, ...(f.partType ? { contentType: f.partType } : {}) });
  }
  parts.push(...model.junkParts);
  // Part order is not part of the contract.
  if (rng.chance(0.3)) parts.reverse();
  return parts;
}

// --- Mutations ----------------------------------------------------------------------------

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  '',
  ' ',
  'x',
  '💥'.repeat(50),
  [],
  [1, 2],
  {},
  { a: 1 },
  '2026-13-45T99:99:99Z',
  'not-a-uuid',
  '<script>alert(1)</script>',
  '\u0000\u0001',
  'a'.repeat(3000),
  42,
  '42',
];

/** Every path in a JSON value, so a mutation can hit any field, including nested ones. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutateJson(ticket: Record<string, unknown>): unknown {
  const all = paths(ticket).filter((p) => p.length > 0);
  const path = rng.pick(all);
  // biome-ignore lint/suspicious/noExplicitAny: the fuzzer reads and rewrites any JSON node, whatever its type.
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], ticket);
  const last = path[path.length - 1]!;
  switch (rng.int(7)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 1:
      parent[last] = rng.pick(WEIRD_VALUES);
      break;
    case 2:
      parent[last] = 'y'.repeat(rng.pick([LIMITS.shortTextChars + 1, LIMITS.descriptionChars + 1, 100_000, LIMITS.ticketJsonBytes + 10]));
      break;
    case 3:
      // Unknown fields are stripped by the contract: still valid.
      (rng.chance(0.5) ? ticket : parent && typeof parent === 'object' ? parent : ticket)[`unknown_${rng.int(1000)}`] =
        rng.pick(WEIRD_VALUES);
      break;
    case 4:
      if (Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
      else parent[last] = [parent[last]];
      break;
    case 5:
      if (typeof parent[last] === 'number') parent[last] = rng.pick([-1, 0, 0.5, 2 ** 53, Number.MAX_VALUE, parent[last] + 1]);
      else if (typeof parent[last] === 'string') parent[last] = String(parent[last]).slice(0, rng.int(5));
      else if (typeof parent[last] === 'boolean') parent[last] = !parent[last];
      else parent[last] = null;
      break;
    default:
      return rng.pick([[ticket], 'a string', 12, null, true]);
  }
  return ticket;
}

function mutatedTicketModel(): TicketModel {
  const model = validModel();
  const ticket = JSON.parse(model.ticketText!) as Record<string, unknown>;
  for (let n = 1 + rng.int(2); n > 0; n--) {
    const mutated = mutateJson(ticket);
    if (mutated !== ticket) {
      model.ticketText = JSON.stringify(mutated);
      return model;
    }
  }
  model.ticketText = JSON.stringify(ticket);
  return model;
}

function structuralModel(): TicketModel {
  const model = validModel();
  if (model.files.size === 0 && rng.chance(0.5)) {
    // Give the mutations something to break.
    const ticket = JSON.parse(model.ticketText!);
    ticket.screenshots = [shotMeta(0, 'image/png', IMAGES[0]!.bytes)];
    model.ticketText = JSON.stringify(ticket);
    model.files.set(0, { bytes: IMAGES[0]!.bytes, realType: 'image/png', partType: 'image/png', size: IMAGES[0]!.size });
  }
  const first = model.files.get(0);
  switch (rng.int(11)) {
    case 0:
      model.ticketText = null;
      break;
    case 1:
      if (first) model.files.delete(rng.int(model.files.size));
      else model.junkParts.push({ name: 'screenshot-0', data: IMAGES[0]!.bytes, filename: 'x.png' });
      break;
    case 2:
      model.junkParts.push({ name: rng.pick([MULTIPART.ticket, 'screenshot-0']), data: model.ticketText ?? 'x' });
      break;
    case 3:
      model.junkParts.push({
        name: rng.pick(['extra', 'screenshot-01', 'screenshot-6', 'screenshot-999', 'screenshot--1', 'Ticket', '', 'screenshot-0 ']),
        data: rng.bytes(rng.int(64)),
        filename: 'f.bin',
      });
      break;
    case 4:
      if (first) model.files.set(0, { ...first, bytes: Buffer.concat([first.bytes, Buffer.from([0])]) });
      else model.ticketText = '{';
      break;
    case 5:
      if (first) model.files.set(0, { bytes: Buffer.alloc(first.bytes.length, 'a'), realType: 'text', partType: first.partType });
      else model.ticketText = '[]';
      break;
    case 6:
      if (first) model.files.set(0, { ...first, partType: rng.pick(['image/gif', 'text/html', 'image/svg+xml', 'application/json']) });
      else model.header = 'nope';
      break;
    case 7:
      model.header = rng.pick([randomUUID(), 'not-a-uuid', '', ' '.repeat(10), 'x'.repeat(300)]);
      break;
    case 8:
      model.ticketText = rng.pick([
        '',
        'null',
        '"ticket"',
        '1e999',
        '{"__proto__":{"x":1}}',
        '{"contractVersion":1}',
        rng.bytes(200).toString('latin1'),
      ]);
      break;
    case 9: {
      // A real image whose type differs from the metadata (a PNG renamed .jpg, etc.).
      const other = rng.pick(IMAGES.filter((i) => i.type !== first?.realType));
      if (first)
        model.files.set(0, {
          bytes: Buffer.concat([other.bytes, Buffer.alloc(Math.max(0, first.bytes.length - other.bytes.length))]).subarray(
            0,
            first.bytes.length,
          ),
          realType: first.bytes.length >= 12 ? other.type : 'garbage',
          partType: '',
        });
      else model.ticketText = 'null';
      break;
    }
    default:
      if (first) model.files.set(0, { bytes: Buffer.alloc(LIMITS.screenshotBytes + 1, 0x89), realType: 'garbage', partType: 'image/png' });
      else model.ticketText = JSON.stringify({ ...JSON.parse(model.ticketText!), pad: 'z'.repeat(LIMITS.ticketJsonBytes) });
  }
  return model;
}

// --- Requests -------------------------------------------------------------------------------

interface Outcome {
  ms?: number;
  kind: string;
  status: number | null;
  expectation?: Expectation;
  body?: string;
  files?: number;
}

let url = '';
const JUNK_TYPES = [
  'application/json',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  'multipart/mixed; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'image/png',
];

async function sendModel(kind: string, model: TicketModel): Promise<Outcome> {
  const expectation = judge(model);
  const { body, contentType } = encodeMultipart(encode(model));
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (model.header !== undefined) headers['Idempotency-Key'] = model.header;
  const res = await fetch(`${url}/v1/tickets`, { method: 'POST', headers, body });
  const text = await res.text();
  if (res.status === 201 && expectation.kind === 'new') storedKeys.set(expectation.key, contentDigest(model));
  return { kind, status: res.status, expectation, body: text, files: model.files.size };
}

const generators: [string, number, () => Promise<Outcome>][] = [
  ['valid', 4, () => sendModel('valid', validModel())],
  ['mutated-json', 30, () => sendModel('mutated-json', mutatedTicketModel())],
  ['structural', 20, () => sendModel('structural', structuralModel())],
  [
    'replay-or-conflict',
    3,
    async () => {
      const model = validModel();
      const keys = [...storedKeys.keys()];
      if (keys.length === 0) return sendModel('replay-or-conflict', model);
      // Same key as a stored ticket, different content: 422.
      const ticket = JSON.parse(model.ticketText!);
      ticket.idempotencyKey = rng.pick(keys);
      model.ticketText = JSON.stringify(ticket);
      model.header = undefined;
      return sendModel('replay-or-conflict', model);
    },
  ],
  [
    'truncated-multipart',
    10,
    async () => {
      const model = validModel();
      const expectation = judge(model);
      const { body, contentType } = encodeMultipart(encode(model));
      // Cut before the closing delimiter's start: the last part is always incomplete.
      const closing = body.lastIndexOf('\r\n--');
      const cut = rng.int(closing);
      const res = await fetch(`${url}/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: body.subarray(0, cut),
      });
      await res.text();
      return {
        kind: 'truncated-multipart',
        status: res.status,
        expectation: expectation.kind === 'new' ? { kind: 'invalid' } : expectation,
      };
    },
  ],
  [
    'random-bytes',
    8,
    async () => {
      const res = await fetch(`${url}/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': rng.pick(JUNK_TYPES) || 'application/octet-stream' },
        body: rng.bytes(rng.int(4096)),
      });
      await res.text();
      return { kind: 'random-bytes', status: res.status, expectation: { kind: 'invalid' } };
    },
  ],
  [
    'random-multipart',
    8,
    async () => {
      const parts: RawPart[] = Array.from({ length: rng.int(6) }, () => ({
        name: rng.pick(['ticket', 'screenshot-0', 'screenshot-1', 'x', rng.bytes(8).toString('hex')]),
        data: rng.chance(0.5) ? rng.bytes(rng.int(2000)) : JSON.stringify(rng.pick(WEIRD_VALUES)),
        ...(rng.chance(0.5) ? { filename: 'f.png', contentType: rng.pick(['image/png', 'application/json', 'text/plain']) } : {}),
      }));
      const { body, contentType } = encodeMultipart(parts);
      const res = await fetch(`${url}/v1/tickets`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
      await res.text();
      return { kind: 'random-multipart', status: res.status, expectation: { kind: 'invalid' } };
    },
  ],
  [
    'raw-socket',
    8,
    async () => {
      const { body, contentType } = encodeMultipart(encode(validModel()));
      const variant = rng.int(4);
      const res =
        variant === 0 // Announces the whole body, sends part of it, hangs up.
          ? await rawRequest(url, {
              method: 'POST',
              path: '/v1/tickets',
              headers: { 'Content-Type': contentType, 'Content-Length': body.length },
              body: body.subarray(0, rng.int(body.length)),
              endEarly: true,
            })
          : variant === 1 // Huge headers.
            ? await rawRequest(url, { method: 'GET', path: '/v1/status', headers: { 'X-Junk': 'j'.repeat(20_000 + rng.int(50_000)) } })
            : variant === 2 // Huge announced length.
              ? await rawRequest(url, {
                  method: 'POST',
                  path: '/v1/tickets',
                  headers: { 'Content-Type': contentType, 'Content-Length': LIMITS.requestBytes + 1 + rng.int(1e9) },
                  body: body.subarray(0, 100),
                })
              : await rawRequest(url, {
                  method: rng.pick(['POST', 'PUT', 'PATCH']),
                  path: rng.pick(['/v1/tickets', '/v1/status', '/v1/tickets/x']),
                  headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked', Authorization: `Bearer ${SUPPORT_TOKEN}` },
                  body: rng.bytes(rng.int(3000)),
                });
      return { kind: 'raw-socket', status: res.status, expectation: { kind: 'invalid' } };
    },
  ],
  [
    'other-routes',
    9,
    async () => {
      const auth = rng.pick([`Bearer ${SUPPORT_TOKEN}`, 'Bearer x', `Bearer ${'t'.repeat(5000)}`, 'Basic abc', '', 'Bearer']);
      const id = rng.pick(['x', '%00', '..%2F..', 'a'.repeat(500), randomUUID(), '%E2%82%AC']);
      const choice = rng.int(6);
      let res: Response;
      if (choice === 0) res = await fetch(`${url}/v1/tickets/${id}`, { headers: { Authorization: auth } });
      else if (choice === 1)
        res = await fetch(`${url}/v1/tickets/${id}/screenshots/${rng.pick(['-1', 'abc', '1e3', '9999999999', '0', '5', '%20'])}`, {
          headers: { Authorization: auth },
        });
      else if (choice === 2)
        res = await fetch(`${url}/v1/tickets/${id}`, {
          method: 'PATCH',
          headers: { Authorization: auth },
          body: rng.pick([
            '{"status":"closed"}',
            '{"status":1}',
            'null',
            '[',
            rng.bytes(100).toString('latin1'),
            '{"status":"closed","x":1}',
          ]),
        });
      else if (choice === 3)
        res = await fetch(`${url}/v1/status`, {
          method: 'PUT',
          headers: { Authorization: auth },
          body: rng.pick([
            '{"mode":"normal"}',
            '{"mode":"peak","until":"tomorrow"}',
            `{"mode":"incident","message":"${'m'.repeat(600)}"}`,
            '{}',
            '"peak"',
            rng.bytes(50).toString('latin1'),
          ]),
        });
      else if (choice === 4)
        res = await fetch(
          `${url}/v1/tickets?limit=${rng.pick(['-5', 'x', '1001', '5', '', '1.5', '5&cursor=WyJ4Il0', '5&cursor=%ZZ', '5&status=nope', '5&text=%00%27--'])}`,
          {
            headers: { Authorization: auth },
          },
        );
      else
        res = await fetch(`${url}${rng.pick(['/', '/v1', '/v1/tickets/', '/v2/tickets', '/v1/status/x'])}`, {
          method: rng.pick(['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'HEAD']),
          headers: rng.chance(0.3)
            ? { Origin: rng.pick(['https://evil.example', 'null', 'chrome-extension://olkiigammefckhmfmlfmbpaejfekofon']) }
            : {},
        });
      await res.arrayBuffer();
      return { kind: 'other-routes', status: res.status };
    },
  ],
];

function pickGenerator() {
  const total = generators.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const generator of generators) {
    roll -= generator[1];
    if (roll < 0) return generator;
  }
  return generators[0]!;
}

// --- The test -------------------------------------------------------------------------------

describe('fuzz', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  const faults: unknown[] = [];
  beforeAll(async () => {
    api = await startTestApi({ rateLimit: false, log: (message, error) => faults.push({ message, error }) });
    url = api.url;
  });
  afterAll(() => api.close());

  it(`survives ${TOTAL} malformed, truncated, oversized and random requests without a 5xx, storing exactly the valid ones`, async () => {
    const db = new Database(join(api.dataDir, 'support.sqlite'), { readonly: true });
    const rows = () =>
      db
        .prepare(
          'SELECT (SELECT count(*) FROM tickets) AS t, (SELECT count(*) FROM screenshots) AS s, (SELECT count(*) FROM idempotency) AS i',
        )
        .get() as { t: number; s: number; i: number };
    const before = rows();
    const started = Date.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < TOTAL) {
          next++;
          const t0 = Date.now();
          const outcome = await pickGenerator()[2]();
          outcomes.push({ ...outcome, ms: Date.now() - t0 });
        }
      }),
    );
    const elapsed = Date.now() - started;
    const after = rows();
    db.close();

    const histogram: Record<string, number> = {};
    const byKind: Record<string, Record<string, number>> = {};
    for (const o of outcomes) {
      const key = o.status === null ? 'no-answer' : String(o.status);
      histogram[key] = (histogram[key] ?? 0) + 1;
      const kind = byKind[o.kind] ?? {};
      kind[key] = (kind[key] ?? 0) + 1;
      byKind[o.kind] = kind;
    }
    const created = outcomes.filter((o) => o.expectation?.kind === 'new');
    // Replays answer the first ticket's id, so the distinct ids of all 201s are the new tickets.
    const newIds = new Set(outcomes.filter((o) => o.status === 201).map((o) => TicketCreatedSchema.parse(JSON.parse(o.body!)).id));
    const newShots = created.reduce((sum, o) => sum + (o.files ?? 0), 0);
    console.log(`[fuzz] seed=${SEED} requests=${outcomes.length} in ${elapsed} ms; status histogram ${JSON.stringify(histogram)}`);
    console.log(`[fuzz] by kind ${JSON.stringify(byKind)}`);
    console.log(
      `[fuzz] oracle-valid new tickets=${created.length}, stored tickets ${before.t}→${after.t}, screenshots ${before.s}→${after.s}`,
    );

    expect(outcomes.length).toBe(TOTAL);
    const serverErrors = outcomes.filter((o) => o.status !== null && o.status >= 500);
    expect(serverErrors, `seed ${SEED}`).toEqual([]);
    expect(faults, `seed ${SEED}`).toEqual([]);
    // Only requests that hang up mid-body may go without an answer.
    expect(outcomes.filter((o) => o.status === null && o.kind !== 'raw-socket')).toEqual([]);

    // The oracle and the server agree on every ticket request.
    const disagreements = outcomes.filter((o) => {
      if (!o.expectation) return false;
      switch (o.expectation.kind) {
        case 'new':
        case 'replay':
          return o.status !== 201;
        case 'conflict':
          return o.status !== 422;
        case 'invalid':
          return o.status === 201 || (o.status !== null && (o.status < 400 || o.status >= 500));
      }
      return false;
    });
    if (process.env.FUZZ_DUMP)
      (await import('node:fs')).writeFileSync(
        process.env.FUZZ_DUMP,
        JSON.stringify(
          { histogram, byKind, disagreements, outcomes: outcomes.map((o) => ({ kind: o.kind, status: o.status, ms: o.ms })) },
          null,
          1,
        ),
      );
    expect(
      disagreements.map((o) => ({ kind: o.kind, status: o.status, body: o.body?.slice(0, 300) })),
      `seed ${SEED}`,
    ).toEqual([]);

    // Exactly the valid tickets were stored, each once, with their screenshots.
    expect(after.t - before.t).toBe(created.length);
    expect(newIds.size).toBe(created.length);
    expect(after.i - before.i).toBe(created.length);
    expect(after.s - before.s).toBe(newShots);
    expect(created.length).toBeGreaterThan(10);

    // And the server still takes a valid ticket.
    const last = validModel();
    const check = await sendModel('after', last);
    expect(check.status).toBe(201);
    // 120 s: on 2 shared cores it can run beside load.test.ts, which keeps a core busy for ~40 s.
  }, 120_000);
});
