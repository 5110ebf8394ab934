/**
 * Turns whatever a page passes to console.error/warn (or rejects a promise with) into one
 * bounded line of text. It runs inside the page hook, on the page's hot path, next to
 * arbitrary and possibly hostile page objects, so it:
 * - never throws (every object access is guarded; Proxies and revoked Proxies included),
 * - never calls page code it can avoid (own accessors are shown as `[Getter]`, not invoked;
 *   no toString/toJSON of page objects),
 * - stops writing as soon as the cap is reached (a 1 MB string or a huge array costs the cap,
 *   not its size),
 * - has a fast path for plain string arguments, the common case when a page logs in a loop.
 * It imports nothing but the tiny LIMITS constant: it is bundled into the ≤ 3 KB page hook.
 */
import { LIMITS } from './limits';

const MAX_DEPTH = 3;
const MAX_ITEMS = 20;
const MAX_NESTED_STRING = 200;
const FULL = {}; // thrown (by identity) when the message cap is reached

const tagOf = Object.prototype.toString;
const ownDesc = Object.getOwnPropertyDescriptor;

function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Reads a property without letting a throwing getter or Proxy trap escape. */
function get(o: any, k: PropertyKey): any {
  try {
    return o[k];
  } catch {
    return undefined;
  }
}

/** An Error, a DOMException or anything shaped like one (cross-realm errors included). */
function isErrorLike(o: any): boolean {
  try {
    return tagOf.call(o) == '[object Error]' || (typeof o.message == 'string' && (typeof o.name == 'string' || typeof o.stack == 'string'));
  } catch {
    return false;
  }
}

function errorText(o: any): string {
  const name = get(o, 'name'), msg = get(o, 'message');
  const n = typeof name == 'string' && name ? name : 'Error';
  return typeof msg == 'string' && msg ? n + ': ' + msg : n;
}

function write(value: unknown, cap: number, top: boolean, parts: string[], state: { n: number }): void {
  const w = (s: string) => {
    const room = cap - state.n;
    if (s.length >= room) {
      parts.push(s.slice(0, room));
      state.n = cap;
      throw FULL;
    }
    parts.push(s);
    state.n += s.length;
  };
  const seen: unknown[] = [];

  const walk = (v: any, depth: number, outer: boolean): void => {
    switch (typeof v) {
      case 'string':
        return w(outer ? v : JSON.stringify(cut(v, MAX_NESTED_STRING)));
      case 'number':
        return w(Object.is(v, -0) ? '-0' : String(v));
      case 'bigint':
        return w(v + 'n');
      case 'symbol':
        return w(String(v));
      case 'undefined':
      case 'boolean':
        return w(String(v));
      case 'function': {
        const name = get(v, 'name');
        return w(`[${/^class[\s{]/.test(safeFnSource(v)) ? 'class' : 'Function'} ${typeof name == 'string' && name ? name : '(anonymous)'}]`);
      }
    }
    if (v === null) return w('null');
    if (seen.includes(v)) return w('[Circular]');
    const mark = parts.length, markN = state.n;
    seen.push(v);
    try {
      describe(v, depth);
    } catch (e) {
      if (e === FULL) throw e;
      // A hostile object (throwing trap, revoked Proxy…): forget its partial text.
      parts.length = mark;
      state.n = markN;
      w('[Unserializable]');
    } finally {
      seen.pop();
    }
  };

  const describe = (v: any, depth: number): void => {
    const tag = tagOf.call(v).slice(8, -1);
    if (isErrorLike(v)) return w(errorText(v));
    if (typeof v.nodeType == 'number' && typeof v.nodeName == 'string') return w(nodeText(v));
    if (tag == 'Date') {
      const time = Date.prototype.getTime.call(v);
      return w(time === time ? Date.prototype.toISOString.call(v) : 'Invalid Date');
    }
    if (tag == 'RegExp') return w(RegExp.prototype.toString.call(v));
    if (tag == 'Promise' || tag == 'WeakMap' || tag == 'WeakSet') return w(tag + ' {…}');
    if (v === get(v, 'window')) return w('[Window]');
    const isArr = Array.isArray(v);
    if (!isArr && /Array|ArrayBuffer/.test(tag) && typeof get(v, 'length') != 'undefined') return w(`${tag}(${get(v, 'length')})`);
    if (tag == 'Map' || tag == 'Set') {
      const size: number = tag == 'Map' ? sizeOf(Map, v) : sizeOf(Set, v);
      w(`${tag}(${size}) {`);
      if (depth >= MAX_DEPTH) return w('…}');
      let i = 0;
      (tag == 'Map' ? Map : Set).prototype.forEach.call(v, (val: unknown, key: unknown) => {
        if (i < MAX_ITEMS) {
          w(i ? ', ' : '');
          if (tag == 'Map') {
            walk(key, depth + 1, false);
            w(' => ');
          }
          walk(val, depth + 1, false);
        } else if (i == MAX_ITEMS) w(', …');
        i++;
      });
      return w('}');
    }
    if (isArr) {
      const len: number = get(v, 'length') >>> 0;
      if (depth >= MAX_DEPTH) return w(`[Array(${len})]`);
      w('[');
      for (let i = 0; i < len && i < MAX_ITEMS; i++) {
        if (i) w(', ');
        walk(get(v, i), depth + 1, false);
      }
      return w(len > MAX_ITEMS ? `, … ${len - MAX_ITEMS} more]` : ']');
    }
    const ctor = get(v, 'constructor');
    const cname = typeof ctor == 'function' ? get(ctor, 'name') : '';
    const prefix = typeof cname == 'string' && cname && cname != 'Object' ? cname + ' ' : '';
    if (depth >= MAX_DEPTH) return w(`[${prefix.trim() || 'Object'}]`);
    const keys = Object.keys(v);
    w(prefix + '{');
    for (let i = 0; i < keys.length && i < MAX_ITEMS; i++) {
      const key = keys[i]!;
      w((i ? ', ' : '') + (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(cut(key, 50))) + ': ');
      let d: PropertyDescriptor | undefined;
      try {
        d = ownDesc(v, key);
      } catch {
        w('[Unreadable]');
        continue;
      }
      if (d && !('value' in d)) w(d.set ? '[Getter/Setter]' : '[Getter]');
      else walk(d?.value, depth + 1, false);
    }
    w(keys.length > MAX_ITEMS ? `, … ${keys.length - MAX_ITEMS} more}` : '}');
  };

  walk(value, 0, top);
}

function sizeOf(C: typeof Map | typeof Set, v: unknown): number {
  return ownDesc(C.prototype, 'size')!.get!.call(v);
}

function safeFnSource(f: Function): string {
  try {
    return Function.prototype.toString.call(f).slice(0, 6);
  } catch {
    return '';
  }
}

/** `<div#app.results>`, `#text "…"`, `#document`: enough to locate a node, nothing of its content. */
function nodeText(n: any): string {
  const type = n.nodeType;
  if (type == 1) {
    const id = get(n, 'id');
    const cls = get(n, 'className');
    return (
      '<' +
      String(n.nodeName).toLowerCase() +
      (typeof id == 'string' && id ? '#' + cut(id, 40) : '') +
      (typeof cls == 'string' && cls.trim() ? '.' + cut(cls.trim().split(/\s+/).slice(0, 3).join('.'), 60) : '') +
      '>'
    );
  }
  if (type == 3) return '#text ' + JSON.stringify(cut(String(get(n, 'data') ?? ''), 40));
  return String(n.nodeName);
}

function render(value: unknown, top: boolean, cap: number, parts: string[], state: { n: number }): void {
  try {
    write(value, cap, top, parts, state);
  } catch {
    // FULL: the cap is reached; anything else is already handled inside write().
  }
}

function finish(parts: string[], state: { n: number }, cap: number): string {
  const s = parts.join('');
  return state.n >= cap ? s.slice(0, cap - 1) + '…' : s;
}

function stackOf(v: unknown, max: number): string | undefined {
  if (v === null || (typeof v != 'object' && typeof v != 'function') || !isErrorLike(v)) return undefined;
  const s = get(v, 'stack');
  return typeof s == 'string' && s ? cut(s, max) : undefined;
}

function toNumber(v: unknown, int: boolean): string {
  if (typeof v == 'bigint') return v + 'n';
  if (typeof v == 'symbol' || (typeof v == 'object' && v !== null) || typeof v == 'function') return 'NaN';
  const n = int ? parseInt(String(v), 10) : parseFloat(String(v));
  return String(n);
}

/**
 * Serialises console arguments into one message the way DevTools would print them (format
 * specifiers `%s %d %i %f %o %O %c` of a leading string honoured, `%c` styles dropped), and
 * returns the first Error argument's stack. Never throws; message and stack are capped.
 */
export function serializeArgs(
  args: unknown[],
  maxMessage: number = LIMITS.messageChars,
  maxStack: number = LIMITS.stackChars,
): { message: string; stack?: string } {
  const first = args[0];
  // Hot path: one plain string (the page logging in a loop).
  if (typeof first == 'string' && first.indexOf('%') < 0) {
    if (args.length == 1) return { message: cut(first, maxMessage) };
    if (args.every((a) => typeof a == 'string')) return { message: cut(args.join(' '), maxMessage) };
  }
  const parts: string[] = [];
  const state = { n: 0 };
  let stack: string | undefined;
  let i = 0;
  try {
    const len = args.length;
    if (typeof first == 'string') {
      i = 1;
      const fmt = first.length > maxMessage * 2 ? first.slice(0, maxMessage * 2) : first;
      const text = fmt.replace(/%([sdifoOc%])/g, (m, c: string) => {
        if (c == '%') return '%';
        if (i >= len) return m;
        const a = args[i++];
        if (c == 'c') return '';
        if (c == 'd' || c == 'i' || c == 'f') return toNumber(a, c != 'f');
        if (stack === undefined) stack = stackOf(a, maxStack);
        const sub: string[] = [];
        const st = { n: 0 };
        render(a, c == 's' && typeof a == 'string', maxMessage, sub, st);
        return finish(sub, st, maxMessage);
      });
      render(text, true, maxMessage, parts, state);
    }
    for (; i < len && state.n < maxMessage; i++) {
      const a = args[i];
      if (stack === undefined) stack = stackOf(a, maxStack);
      if (parts.length) render(' ', true, maxMessage, parts, state);
      render(a, true, maxMessage, parts, state);
    }
    for (; i < len && stack === undefined; i++) stack = stackOf(args[i], maxStack);
  } catch {
    // Only reachable if `args` itself is hostile (e.g. a Proxy passed as the array).
  }
  return stack === undefined ? { message: finish(parts, state, maxMessage) } : { message: finish(parts, state, maxMessage), stack };
}

/**
 * Serialises the reason of an unhandled rejection (or the error of an uncaught exception):
 * any value at all, an Error giving `Name: message` and its stack.
 */
export function serializeReason(
  reason: unknown,
  maxMessage: number = LIMITS.messageChars,
  maxStack: number = LIMITS.stackChars,
): { message: string; stack?: string } {
  if (typeof reason == 'string') return { message: cut(reason, maxMessage) };
  return serializeArgs([reason], maxMessage, maxStack);
}
