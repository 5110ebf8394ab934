import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEntryBuffer, type BufferedEntry } from './entry-buffer';
import type { HookEntry } from './protocol';
import { DiagnosticsSchema, type DiagnosticEntry } from '../../contract/schemas';
import { LIMITS } from '../../contract/limits';
import { serializeArgs } from './serialize';

const con = (message: string, t = 0, extra: Partial<DiagnosticEntry> = {}): DiagnosticEntry =>
  ({ kind: 'console', level: 'error', t, count: 1, message, ...extra }) as DiagnosticEntry;
const net = (url: string, status: number, t = 0): DiagnosticEntry => ({
  kind: 'network',
  api: 'fetch',
  method: 'GET',
  url,
  status,
  durationMs: 10 + t,
  t,
  count: 1,
  message: `GET ${status}`,
});

const bytesOf = (entries: BufferedEntry[]) =>
  entries.reduce(
    (sum, e) => sum + Object.entries(e).reduce((n, [k, v]) => n + (typeof v === 'string' ? k.length + v.length : 0) + 0, 48),
    0,
  );

describe("HookEntry: the hook's own copy of the entry shape", () => {
  it('holds every entry of the contract (a type check: tsc fails when they drift apart)', () => {
    expectTypeOf<DiagnosticEntry>().toExtend<HookEntry>();
    expectTypeOf<DiagnosticEntry['kind']>().toEqualTypeOf<HookEntry['kind']>();
  });
});

describe('createEntryBuffer: folding', () => {
  it('folds identical entries, keeping the first time and noting the last', () => {
    const b = createEntryBuffer({ maxEntries: 10, maxBytes: 10_000 });
    b.add(con('Failed to load comments', 5));
    b.add(con('Failed to load comments', 9));
    b.add(con('Failed to load comments', 12));
    b.add(con('Failed to load comments', 13, { level: 'warn' }));
    const { entries, dropped } = b.snapshot();
    expect(entries).toEqual([
      { kind: 'console', level: 'error', t: 5, count: 3, lastT: 12, message: 'Failed to load comments' },
      { kind: 'console', level: 'warn', t: 13, count: 1, message: 'Failed to load comments' },
    ]);
    expect(dropped).toBe(0);
    expect(b.size()).toBe(4);
    expect(b.errorCount()).toBe(3);
  });

  it('uses a per-kind fold key', () => {
    const b = createEntryBuffer({ maxEntries: 50, maxBytes: 100_000 });
    // Network: same endpoint and status fold whatever the query; another status does not.
    b.add(net('https://app.osortoo.com/api/comments?post=1&t=1', 500, 1));
    b.add(net('https://app.osortoo.com/api/comments?post=1&t=2', 500, 2));
    b.add(net('https://app.osortoo.com/api/comments#x', 500, 3));
    b.add(net('https://app.osortoo.com/api/comments?post=1', 502, 4));
    b.add({ ...net('https://app.osortoo.com/api/comments', 500, 5), method: 'POST' } as DiagnosticEntry);
    // Console: a different stack is a different call site.
    b.add(con('boom', 6, { stack: 'Error: boom\n at a.js:1' }));
    b.add(con('boom', 7, { stack: 'Error: boom\n at b.js:9' }));
    b.add(con('boom', 8, { stack: 'Error: boom\n at a.js:1' }));
    // Uncaught: same message at another line is another error; the stack does not split it.
    const unc = (line: number, stack: string, t: number): DiagnosticEntry => ({
      kind: 'uncaught',
      t,
      count: 1,
      message: 'TypeError: x is undefined',
      source: 'https://app.osortoo.com/app.js',
      line,
      column: 3,
      stack,
    });
    b.add(unc(10, 's1', 9));
    b.add(unc(10, 's2', 10));
    b.add(unc(11, 's1', 11));
    // Frames: the same console error in a frame is kept apart.
    b.add(con('boom', 12, { frame: 'https://app.osortoo.com/embed', stack: 'Error: boom\n at a.js:1' }));
    b.add({ kind: 'resource', t: 13, count: 1, tag: 'img', url: 'https://cdn.osortoo.com/a.png', message: 'Failed to load img' });
    b.add({ kind: 'resource', t: 14, count: 1, tag: 'img', url: 'https://cdn.osortoo.com/a.png', message: 'Failed to load img' });
    b.add({ kind: 'csp', t: 15, count: 1, directive: 'script-src', blockedUrl: 'https://evil.example/x.js', message: 'CSP' });
    b.add({ kind: 'csp', t: 16, count: 1, directive: 'img-src', blockedUrl: 'https://evil.example/x.js', message: 'CSP' });
    b.add({ kind: 'rejection', t: 17, count: 1, message: 'Error: quota' });
    b.add({ kind: 'rejection', t: 18, count: 1, message: 'Error: quota' });
    const counts = b.snapshot().entries.map((e) => `${e.kind}:${e.count}`);
    expect(counts).toEqual([
      'network:3',
      'network:1',
      'network:1',
      'console:2',
      'console:1',
      'uncaught:2',
      'uncaught:1',
      'console:1',
      'resource:2',
      'csp:1',
      'csp:1',
      'rejection:2',
    ]);
    expect(b.snapshot().entries[0]).toMatchObject({
      url: 'https://app.osortoo.com/api/comments?post=1&t=1',
      durationMs: 11,
      t: 1,
      lastT: 3,
    });
    // Network errors count, successful answers would not; all other kinds do.
    expect(b.errorCount()).toBe(18);
  });

  it('honours an incoming count and fills in a missing time', () => {
    let clock = 100;
    const b = createEntryBuffer({ maxEntries: 4, maxBytes: 10_000, now: () => clock });
    b.add({ kind: 'console', level: 'warn', message: 'slow', count: 5 });
    clock = 200;
    b.add({ kind: 'console', level: 'warn', message: 'slow' });
    expect(b.snapshot().entries).toEqual([{ kind: 'console', level: 'warn', message: 'slow', t: 100, count: 6, lastT: 200 }]);
    expect(b.errorCount()).toBe(0);
  });

  it('snapshots are copies', () => {
    const b = createEntryBuffer({ maxEntries: 4, maxBytes: 10_000 });
    b.add(con('a'));
    b.snapshot().entries[0]!.count = 99;
    expect(b.snapshot().entries[0]!.count).toBe(1);
  });
});

describe('createEntryBuffer: bounds and drop policy', () => {
  it('keeps the first half and a window of the most recent distinct entries', () => {
    const b = createEntryBuffer({ maxEntries: 6, maxBytes: 100_000 });
    for (let i = 0; i < 20; i++) b.add(con(`error ${i}`, i));
    const { entries, dropped } = b.snapshot();
    expect(entries.map((e) => e.message)).toEqual(['error 0', 'error 1', 'error 2', 'error 17', 'error 18', 'error 19']);
    expect(dropped).toBe(14);
    expect(b.size()).toBe(6);
  });

  it('does not evict a recurring error in favour of one-off noise', () => {
    const b = createEntryBuffer({ maxEntries: 4, maxBytes: 100_000 });
    b.add(con('first', 0));
    b.add(con('second', 1));
    for (let i = 0; i < 50; i++) {
      b.add(con('still failing', 2 + i * 2));
      b.add(con(`noise ${i}`, 3 + i * 2));
    }
    const { entries } = b.snapshot();
    expect(entries.map((e) => e.message)).toEqual(['first', 'second', 'still failing', 'noise 49']);
    expect(entries[2]).toMatchObject({ t: 2, count: 50, lastT: 100 });
  });

  it('is bounded in bytes too, and drops what can never fit', () => {
    const b = createEntryBuffer({ maxEntries: 100, maxBytes: 20_000 });
    for (let i = 0; i < 100; i++) b.add(con(`${i} ${'x'.repeat(1500)}`, i));
    b.add(con('y'.repeat(30_000), 200));
    const { entries, dropped } = b.snapshot();
    expect(bytesOf(entries)).toBeLessThanOrEqual(20_000);
    expect(entries.length).toBeGreaterThan(8);
    expect(entries[0]!.message.startsWith('0 ')).toBe(true);
    expect(entries.at(-1)!.message.startsWith('99 ')).toBe(true);
    expect(dropped + b.size()).toBe(101);
  });

  it('stays bounded and fast over 100,000 adds', () => {
    const maxBytes = 256 * 1024;
    const b = createEntryBuffer({ maxEntries: LIMITS.entries, maxBytes });
    const n = 100_000;
    const kinds = [
      (i: number) => con('Failed to load comments', i), // identical: folds
      (i: number) => con(`Comment ${i} could not be parsed`, i), // distinct every time
      (i: number) => net(`https://app.osortoo.com/api/poll?t=${i}`, 503, i), // folds (query ignored)
      // After the boot noise, 20 warnings that keep recurring: they live in the recent window.
      (i: number) => (i < 2000 ? con(`Boot step ${i}`, i, { level: 'warn' }) : con(`Retry ${(i >> 2) % 20} failed`, i, { level: 'warn' })),
    ];
    const inputs = Array.from({ length: n }, (_, i) => kinds[i % 4]!(i));
    const t0 = performance.now();
    for (const entry of inputs) b.add(entry);
    const ms = performance.now() - t0;
    console.log(`entry buffer: ${n} adds in ${ms.toFixed(1)} ms (${((ms * 1000) / n).toFixed(3)} µs/add)`);
    const snap = b.snapshot();
    expect(snap.entries.length).toBe(LIMITS.entries);
    expect(bytesOf(snap.entries)).toBeLessThanOrEqual(maxBytes);
    // Every occurrence is either represented by a retained count or counted as dropped.
    expect(b.size() + snap.dropped).toBe(n);
    // The 25,000 distinct "Comment i" entries cannot all fit; the recurring ones are all kept.
    expect(snap.dropped).toBeGreaterThan(24_000);
    const folded = snap.entries.find((e) => e.message === 'Failed to load comments');
    expect(folded).toMatchObject({ t: 0, count: 25_000, lastT: 99_996 });
    expect(snap.entries.find((e) => e.kind === 'network')).toMatchObject({ count: 25_000 });
    const retries = snap.entries.filter((e) => e.message.startsWith('Retry '));
    expect(retries).toHaveLength(20);
    // Never evicted: together they hold every one of their occurrences.
    expect(retries.reduce((sum, e) => sum + e.count, 0)).toBe((n - 2000) / 4);
    // The first distinct entries are kept whatever came later.
    expect(snap.entries.slice(0, 4).map((e) => e.message)).toEqual([
      'Failed to load comments',
      'Comment 1 could not be parsed',
      'GET 503',
      'Boot step 3',
    ]);
    expect(snap.entries.at(-1)!.message).toBe('Comment 99997 could not be parsed');
    expect(b.errorCount()).toBe(75_000);
    // Generous: a catastrophic (quadratic) regression takes minutes, not seconds.
    expect(ms).toBeLessThan(3000);
    // What the hook hands over is valid against the contract.
    expect(DiagnosticsSchema.safeParse(snap).success).toBe(true);
  });

  it('records a flood of identical console.error calls cheaply (serialize + fold)', () => {
    const b = createEntryBuffer({ maxEntries: LIMITS.entries, maxBytes: 256 * 1024 });
    const n = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const { message, stack } = serializeArgs(['Impossible de charger les commentaires', 'post 1789']);
      b.add({ kind: 'console', level: 'error', t: i, count: 1, message, stack });
    }
    const ms = performance.now() - t0;
    console.log(`serialize + fold: ${n} identical calls in ${ms.toFixed(1)} ms (${((ms * 1000) / n).toFixed(3)} µs/call)`);
    expect(b.snapshot().entries).toHaveLength(1);
    expect(b.size()).toBe(n);
    expect(ms).toBeLessThan(3000);
  });
});
