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
const isStr = (v: unknown): v is string => typeof v == 'string';
const isObj = (v: unknown): v is object => (typeof v == 'object' && v !== null) || typeof v == 'function';

function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Reads a property without letting a throwing getter or Proxy trap escape. */
function get(o: any, k: PropertyKey): any {
  try {
    return o[k];
  } catch {}
}

/** An Error, a DOMException or anything shaped like one (cross-realm errors included). */
function isErrorLike(o: any): boolean {
  try {
    return tagOf.call(o) == '[object Error]' || (isStr(o.message) && (isStr(o.name) || isStr(o.stack)));
  } catch {
    return false;
  }
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
  // Writes `items` as `open a, b, … N more close`, stopping at MAX_ITEMS.
  const list = (open: string, items: Iterable<unknown> | ArrayLike<unknown>, total: number, each: (x: any) => void, close: string) => {
    w(open);
    let i = 0;
    for (const x of Array.isArray(items) ? items.slice(0, MAX_ITEMS) : (items as Iterable<unknown>)) {
      if (i == MAX_ITEMS) break;
      if (i++) w(', ');
      each(x);
    }
    w((total > MAX_ITEMS ? `, … ${total - MAX_ITEMS} more` : '') + close);
  };

  const walk = (v: any, depth: number, outer?: boolean): void => {
    const t = typeof v;
    if (isStr(v)) return w(outer ? v : JSON.stringify(cut(v, MAX_NESTED_STRING)));
    if (t == 'bigint') return w(v + 'n');
    if (t == 'function') {
      const name = get(v, 'name');
      return w(`[Function ${isStr(name) && name ? name : '(anonymous)'}]`);
    }
    if (!isObj(v)) return w(Object.is(v, -0) ? '-0' : String(v));
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
    }
    seen.pop();
  };

  const describe = (v: any, depth: number): void => {
    const tag = tagOf.call(v).slice(8, -1);
    const deeper = depth + 1;
    const item = (x: unknown) => walk(x, deeper);
    if (isErrorLike(v)) {
      const name = get(v, 'name'), msg = get(v, 'message');
      const n = isStr(name) && name ? name : 'Error';
      return w(isStr(msg) && msg ? n + ': ' + msg : n);
    }
    if (typeof v.nodeType == 'number' && isStr(v.nodeName)) return w(nodeText(v));
    if (tag == 'Date') {
      const time = Date.prototype.getTime.call(v);
      return w(time === time ? Date.prototype.toISOString.call(v) : 'Invalid Date');
    }
    if (tag == 'RegExp') return w(RegExp.prototype.toString.call(v));
    if (v === get(v, 'window')) return w('[Window]');
    if (tag == 'Map' || tag == 'Set') {
      const C = tag == 'Map' ? Map : Set;
      const size: number = ownDesc(C.prototype, 'size')!.get!.call(v);
      if (depth >= MAX_DEPTH) return w(`[${tag}(${size})]`);
      return list(`${tag}(${size}) {`, C.prototype.entries.call(v as never), size, ([k, x]) => {
        if (tag == 'Map') walk(k, deeper), w(' => ');
        walk(x, deeper);
      }, '}');
    }
    if (Array.isArray(v)) {
      const len: number = v.length;
      if (depth >= MAX_DEPTH) return w(`[Array(${len})]`);
      return list('[', Array.prototype.slice.call(v, 0, MAX_ITEMS), len, item, ']');
    }
    const ctor = get(v, 'constructor');
    const cname = typeof ctor == 'function' && get(ctor, 'name');
    const name = isStr(cname) && cname && cname != 'Object' ? cname : '';
    if (depth >= MAX_DEPTH) return w(`[${name || 'Object'}]`);
    const keys = Object.keys(v);
    list(name ? name + ' {' : '{', keys, keys.length, (key: string) => {
      w((/^([A-Za-z_$][\w$]*|\d+)$/.test(key) ? key : JSON.stringify(cut(key, 50))) + ': ');
      let d: PropertyDescriptor | undefined;
      try {
        d = ownDesc(v, key);
      } catch {
        return w('[Unreadable]');
      }
      // Accessors are page code: never run them.
      if (d && !('value' in d)) w(d.set ? '[Getter/Setter]' : '[Getter]');
      else item(d?.value);
    }, '}');
  };

  walk(value, 0, top);
}

/** `<div#app.results>`, `#text "…"`, `#document`: enough to locate a node, nothing of its content. */
function nodeText(n: any): string {
  const id = get(n, 'id'), cls = get(n, 'className');
  if (n.nodeType == 3) return '#text ' + JSON.stringify(cut(String(get(n, 'data')), 40));
  if (n.nodeType != 1) return n.nodeName;
  return (
    '<' +
    n.nodeName.toLowerCase() +
    (isStr(id) && id ? '#' + cut(id, 40) : '') +
    (isStr(cls) && cls.trim() ? '.' + cut(cls.trim().split(/\s+/).slice(0, 3).join('.'), 60) : '') +
    '>'
  );
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
  const s = isObj(v) && isErrorLike(v) && get(v, 'stack');
  return isStr(s) && s ? cut(s, max) : undefined;
}

function toNumber(v: unknown, int: boolean): string {
  if (typeof v == 'bigint') return v + 'n';
  if (typeof v == 'symbol' || isObj(v)) return 'NaN';
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
  if (isStr(first) && first.indexOf('%') < 0) {
    if (args.length == 1) return { message: cut(first, maxMessage) };
    if (args.every(isStr)) return { message: cut(args.join(' '), maxMessage) };
  }
  const parts: string[] = [];
  const state = { n: 0 };
  let stack: string | undefined;
  let i = 0;
  try {
    const len = args.length;
    if (isStr(first)) {
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
        render(a, c == 's' && isStr(a), maxMessage, sub, st);
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
  if (isStr(reason)) return { message: cut(reason, maxMessage) };
  return serializeArgs([reason], maxMessage, maxStack);
}
