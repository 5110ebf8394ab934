import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { serializeArgs, serializeReason } from './serialize';
import { LIMITS } from '../../contract/limits';
import { rawTextBound } from '../../extension/messaging';

const msg = (...args: unknown[]) => serializeArgs(args).message;

describe('serializeArgs: primitives and format specifiers', () => {
  it('prints strings as-is and primitives as the console does', () => {
    expect(msg('Chargement des commentaires échoué')).toBe('Chargement des commentaires échoué');
    expect(msg('a', 'b', 'c')).toBe('a b c');
    expect(msg(1, -0, NaN, Infinity, true, null, undefined, 10n, Symbol('s'))).toBe('1 -0 NaN Infinity true null undefined 10n Symbol(s)');
  });

  it('substitutes %s %d %i %f %o %O %% (values as they are) and drops %c styles', () => {
    expect(msg('%cOsortoo%c ready', 'color: red; font-weight: bold', '')).toBe('Osortoo ready');
    expect(msg('%s has %d comments (%i%%)', 'post', 42.9, '17.5')).toBe('post has 42.9 comments (17.5%)');
    expect(msg('ratio %f', '0.25abc')).toBe('ratio 0.25abc');
    expect(msg('obj %o / %O', { a: 1 }, ['x'])).toBe('obj {a: 1} / ["x"]');
    expect(msg('%d', {})).toBe('{}');
    expect(msg('%d', 5n)).toBe('5n');
    // Missing arguments keep the specifier; extra arguments are appended.
    expect(msg('%s and %s', 'one')).toBe('one and %s');
    expect(msg('%s', 'a', 'b', 3)).toBe('a b 3');
  });
});

describe('serializeArgs: objects', () => {
  it('describes errors with name and message and returns the first stack', () => {
    const e = new TypeError('Cannot read properties of undefined');
    const second = new Error('second');
    const out = serializeArgs(['Draw failed:', e, second]);
    expect(out.message).toBe('Draw failed: TypeError: Cannot read properties of undefined Error: second');
    expect(out.stack).toBe(e.stack);
    expect(serializeArgs(['x']).stack).toBeUndefined();
  });

  it('treats cross-realm and error-like objects as errors', () => {
    const foreign = vm.runInNewContext('new RangeError("bad range")');
    expect(foreign instanceof Error).toBe(false);
    const out = serializeArgs([foreign]);
    expect(out.message).toBe('RangeError: bad range');
    expect(out.stack).toContain('bad range');
    expect(msg({ name: 'GraphError', message: 'OAuthException' })).toBe('GraphError: OAuthException');
    expect(msg(new DOMException('The operation was aborted.', 'AbortError'))).toBe('AbortError: The operation was aborted.');
  });

  it('prints plain objects and arrays as bounded JSON-like text', () => {
    expect(msg({ a: 1, 'b-c': 'x', d: [1, { e: null }] })).toBe('{a: 1, b-c: "x", d: [1, {e: null}]}');
    expect(msg({ l1: { l2: { l3: { l4: 1 } } } })).toBe('{l1: {l2: {l3: [Object]}}}');
    expect(msg([[[['deep']]]])).toBe('[[[[Array(1)]]]]');
    class Giveaway {
      id = 'g1';
    }
    expect(msg(new Giveaway())).toBe('{id: "g1"}');
    expect(msg(Object.create(null))).toBe('{}');
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    expect(msg(many)).toMatch(/k19: 19, … 10 more\}$/);
    expect(msg(Array.from({ length: 1000 }, (_, i) => i))).toMatch(/^\[0, 1, .*19, … 980 more\]$/);
    expect(msg({ s: 'z'.repeat(500) })).toMatch(/^\{s: "z{199}…"\}$/);
  });

  it('marks circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a];
    expect(msg(a)).toBe('{name: "a", self: [Circular], list: [[Circular]]}');
    // The same object twice side by side is not circular.
    const shared = { x: 1 };
    expect(msg([shared, shared])).toBe('[{x: 1}, {x: 1}]');
  });

  it('never invokes getters', () => {
    let calls = 0;
    const o = {
      ok: 1,
      get boom(): number {
        calls++;
        throw new Error('getter ran');
      },
      set both(_v: number) {},
      get both(): number {
        calls++;
        return 1;
      },
    };
    expect(msg(o)).toBe('{ok: 1, boom: [Getter], both: [Getter]}');
    expect(calls).toBe(0);
  });

  it('describes functions, and other objects by their own keys (no type-specific code in the hook)', () => {
    expect(
      msg(
        new Map<unknown, unknown>([
          ['a', 1],
          [{ k: 1 }, [2]],
        ]),
      ),
    ).toBe('{}');
    expect(msg(new Set([1, 'x']))).toBe('{}');
    expect(msg(new Date('2026-11-24T14:05:00.000Z'))).toBe('{}');
    expect(msg(function pickWinner() {})).toBe('[Function pickWinner]');
    expect(msg(() => 1)).toBe('[Function (anonymous)]');
    expect(msg(class Draw {})).toBe('[Function Draw]');
    expect(msg(new Uint8Array(30))).toBe(
      '{0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 0, 14: 0, 15: 0, 16: 0, 17: 0, 18: 0, 19: 0, … 10 more}',
    );
    expect(msg(Promise.resolve(1))).toBe('{}');
    expect(msg({ m: { n: new Map([[1, 2]]) } })).toBe('{m: {n: {}}}');
  });

  it('describes DOM-like nodes without dumping them', () => {
    const div = { nodeType: 1, nodeName: 'DIV', id: 'app', className: 'results  winners', innerHTML: 'x'.repeat(10000) };
    expect(msg('node', div)).toBe('node <div#app>');
    expect(msg({ nodeType: 3, nodeName: '#text', data: 'Bonjour' })).toBe('#text');
    expect(msg({ nodeType: 9, nodeName: '#document' })).toBe('#document');
    const win: Record<string, unknown> = { document: {} };
    win.window = win;
    expect(msg(win)).toBe('{document: {}, window: [Circular]}');
  });
});

describe('serializeArgs: hostile inputs never throw', () => {
  const hostileProxy = () =>
    new Proxy(
      {},
      Object.fromEntries(
        ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'apply', 'construct'].map((trap) => [
          trap,
          () => {
            throw new Error(`trap ${trap}`);
          },
        ]),
      ),
    );

  it('survives throwing toString, throwing Proxies and revoked Proxies', () => {
    const badToString = {
      toString: () => {
        throw new Error('no');
      },
      valueOf: () => {
        throw new Error('no');
      },
    };
    expect(msg('x', badToString)).toMatch(/^x \{toString: \[Function toString\], valueOf: \[Function valueOf\]\}$/);
    expect(msg('%s|%d', badToString, badToString)).toBe(
      '{toString: [Function toString], valueOf: [Function valueOf]}|{toString: [Function toString], valueOf: [Function valueOf]}',
    );
    expect(msg(hostileProxy())).toBe('[Unserializable]');
    expect(msg('a', hostileProxy(), 'b')).toBe('a [Unserializable] b');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(msg(proxy, [proxy], { p: proxy })).toBe('[Unserializable] [[Unserializable]] {p: [Unserializable]}');
    expect(serializeReason(proxy).message).toBe('[Unserializable]');
    const fnProxy = Proxy.revocable(function f() {}, {});
    fnProxy.revoke();
    expect(() => msg(fnProxy.proxy)).not.toThrow();
  });

  it('survives objects whose keys throw while being listed', () => {
    const o = new Proxy(
      { a: 1 },
      {
        getOwnPropertyDescriptor() {
          throw new Error('nope');
        },
      },
    );
    expect(msg(o)).toBe('[Unserializable]');
  });

  it('caps huge and deep inputs quickly', () => {
    const big = 'é'.repeat(1024 * 1024);
    const started = performance.now();
    expect(msg(big)).toHaveLength(rawTextBound(LIMITS.messageChars));
    expect(msg('x', big, big)).toHaveLength(rawTextBound(LIMITS.messageChars));
    expect(msg('%s', big)).toHaveLength(rawTextBound(LIMITS.messageChars));
    expect(msg({ big })).toHaveLength(209); // {big: "…200 chars…"}
    expect(msg(new Array(5_000_000).fill('abcdefghij'))).toMatch(/… 4999980 more\]$/);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(msg(deep)).toBe('{d: {d: {d: [Object]}}}');
    const wide = Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => 'y'.repeat(300))));
    const out = msg(wide);
    expect(out.length).toBe(rawTextBound(LIMITS.messageChars));
    expect(out.endsWith('…')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    const long = serializeArgs([Object.assign(new Error('e'), { stack: 's'.repeat(100_000) })]);
    expect(long.stack).toHaveLength(rawTextBound(LIMITS.stackChars));
  });

  it('accepts custom caps', () => {
    expect(serializeArgs(['abcdefghij'], 5).message).toBe('abcd…');
    expect(serializeArgs([{ a: 'abcdefghij' }], 5).message).toBe('{a: …');
  });
});

describe('serializeReason', () => {
  it('serialises any rejection value', () => {
    const e = new Error('Graph API 190');
    expect(serializeReason(e)).toEqual({ message: 'Error: Graph API 190', stack: e.stack });
    expect(serializeReason('plain reason')).toEqual({ message: 'plain reason' });
    expect(serializeReason(undefined)).toEqual({ message: 'undefined' });
    expect(serializeReason({ code: 403 })).toEqual({ message: '{code: 403}' });
    expect(serializeReason('%s not a format')).toEqual({ message: '%s not a format' });
  });
});

describe('serializeArgs: speed', () => {
  it('records plain string arguments in well under a microsecond each', () => {
    const n = 100_000;
    // Warm up first: what matters is the steady state of a page logging in a loop.
    for (let i = 0; i < 10_000; i++) {
      serializeArgs(['warm', 'up']);
      serializeArgs(['%s %d', 'warm', i]);
    }
    const t0 = performance.now();
    for (let i = 0; i < n; i++) serializeArgs(['Failed to load comments for post', 'retrying']);
    const perCallUs = ((performance.now() - t0) * 1000) / n;
    const t1 = performance.now();
    for (let i = 0; i < n; i++) serializeArgs(['Draw %s failed with %d', 'g1', i]);
    const formatUs = ((performance.now() - t1) * 1000) / n;
    console.log(`serializeArgs: ${perCallUs.toFixed(3)} µs (strings), ${formatUs.toFixed(3)} µs (format)`);
    // Loose bounds (shared, loaded CI machines); the slow path would be several times over.
    expect(perCallUs).toBeLessThan(3);
    expect(formatUs).toBeLessThan(10);
  });
});
