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
 * It imports nothing: it is bundled into the ≤ 3 KB page hook, so its two caps are written here
 * as literals (serialize.test.ts checks them).
 */

/**
 * Twice LIMITS.messageChars and LIMITS.stackChars: the raw bound the content script sends
 * (rawTextBound in utils/extension/messaging.ts). The worker scrubs, then cuts to LIMITS
 * (utils/diagnosis/scrub-page-answers.ts), so a secret that straddles the contract's limit reaches
 * the scrubber whole instead of as a start it would no longer recognise.
 */
const MESSAGE_CHARS = 4000;
const STACK_CHARS = 8000;

const MAX_DEPTH = 3;
const MAX_ITEMS = 20;
const MAX_NESTED_STRING = 200;
const FULL = {}; // thrown (by identity) when the message cap is reached
const BAD = '[Unserializable]';

const tagOf = Object.prototype.toString;
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

function stackOf(v: unknown, max: number): string | undefined {
  const s = isObj(v) && isErrorLike(v) && get(v, 'stack');
  return isStr(s) && s ? cut(s, max) : undefined;
}

/**
 * Serialises console arguments into one message close to what DevTools prints: the format
 * specifiers `%s %d %i %f %o %O` of a leading string are substituted with the value as it is
 * (no number coercion), `%c` styles dropped. Objects are described by their own keys only:
 * no constructor names and no Map/Set/Date special cases, which cost bytes in the ≤ 3 KB hook
 * for little support value (errors, DOM nodes and functions are described). Returns the first
 * Error argument's stack. Never throws; message and stack are capped.
 */
export function serializeArgs(
  args: unknown[],
  maxMessage: number = MESSAGE_CHARS,
  maxStack: number = STACK_CHARS,
): { message: string; stack?: string } {
  const first = args[0];
  // Hot path: plain strings (the page logging in a loop).
  if (isStr(first) && first.indexOf('%') < 0 && args.every(isStr)) return { message: cut(args.join(' '), maxMessage) };

  const parts: string[] = [];
  const seen: unknown[] = [];
  let n = 0;
  let i = 0;
  let stack: string | undefined;
  const w = (s: string) => {
    if (n + s.length >= maxMessage) {
      parts.push(s.slice(0, maxMessage - n));
      n = maxMessage;
      throw FULL;
    }
    parts.push(s);
    n += s.length;
  };
  // Writes `items` as `open a, b, … N more close`.
  const list = (open: string, items: ArrayLike<unknown>, total: number, each: (x: any) => void, close: string) => {
    w(open);
    for (let k = 0; k < items.length && k < MAX_ITEMS; k++) {
      if (k) w(', ');
      each(items[k]);
    }
    w((total > MAX_ITEMS ? `, … ${total - MAX_ITEMS} more` : '') + close);
  };

  /** Writes one value; `raw` strings are written as they are (top-level arguments, `%s`). */
  const walk = (v: any, depth: number, raw?: boolean): void => {
    const t = typeof v;
    if (isStr(v)) return w(raw ? v : JSON.stringify(cut(v, MAX_NESTED_STRING)));
    if (t == 'bigint') return w(v + 'n');
    if (t == 'function') {
      const name = get(v, 'name');
      return w(`[Function ${isStr(name) && name ? name : '(anonymous)'}]`);
    }
    if (!isObj(v)) return w(Object.is(v, -0) ? '-0' : String(v));
    if (seen.includes(v)) return w('[Circular]');
    const mark = parts.length,
      markN = n;
    seen.push(v);
    try {
      describe(v, depth);
    } catch (e) {
      if (e === FULL) throw e;
      // A hostile object (throwing trap, revoked Proxy…): forget its partial text.
      parts.length = mark;
      n = markN;
      w(BAD);
    }
    seen.pop();
  };

  const describe = (v: any, depth: number): void => {
    const item = (x: unknown) => walk(x, depth + 1);
    if (isErrorLike(v)) {
      const name = get(v, 'name'),
        msg = get(v, 'message');
      const label = isStr(name) && name ? name : 'Error';
      return w(isStr(msg) && msg ? label + ': ' + msg : label);
    }
    if (typeof v.nodeType == 'number' && isStr(v.nodeName)) {
      // `<div#app>`, `#text`, `#document`: enough to locate a node, nothing of its content.
      const id = get(v, 'id');
      return w(v.nodeType != 1 ? v.nodeName : '<' + v.nodeName.toLowerCase() + (isStr(id) && id ? '#' + id : '') + '>');
    }
    if (Array.isArray(v)) {
      const len: number = v.length;
      return depth >= MAX_DEPTH ? w(`[Array(${len})]`) : list('[', Array.prototype.slice.call(v, 0, MAX_ITEMS), len, item, ']');
    }
    if (depth >= MAX_DEPTH) return w('[Object]');
    const keys = Object.keys(v);
    list(
      '{',
      keys,
      keys.length,
      (key: string) => {
        w(cut(key, 50) + ': ');
        const d = Object.getOwnPropertyDescriptor(v, key);
        // Accessors are page code: never run them.
        d && !('value' in d) ? w('[Getter]') : item(d?.value);
      },
      '}',
    );
  };

  try {
    if (isStr(first)) {
      i = 1;
      // Split keeps the specifiers at odd indexes.
      first
        .slice(0, maxMessage * 2)
        .split(/(%[sdifoOc%])/)
        // biome-ignore lint/suspicious/useIterableCallbackReturn: `return w(…)` ends a branch in one line (bytes); nothing reads the result.
        .forEach((piece, k) => {
          const c = piece[1];
          if (!(k & 1)) return w(piece);
          if (c == '%') return w('%');
          if (i >= args.length) return w(piece);
          const a = args[i++];
          // %c styles are dropped; %d %i %f print the value as %s does (no number coercion:
          // bytes saved for the page hook, and the value support sees is the real one).
          if (c == 'c') return;
          stack ??= stackOf(a, maxStack);
          walk(a, 0, c != 'o' && c != 'O');
        });
    }
    for (; i < args.length; i++) {
      stack ??= stackOf(args[i], maxStack);
      if (i) w(' ');
      walk(args[i], 0, true);
    }
  } catch {
    // FULL: the cap is reached (hostile values are handled inside walk).
  }
  for (; i < args.length; i++) stack ??= stackOf(args[i], maxStack);
  const message = parts.join('');
  return {
    message: n >= maxMessage ? message.slice(0, maxMessage - 1) + '…' : message,
    ...(stack === undefined ? {} : { stack }),
  };
}

/**
 * Serialises the reason of an unhandled rejection (or the error of an uncaught exception):
 * any value at all, an Error giving `Name: message` and its stack.
 */
export function serializeReason(
  reason: unknown,
  maxMessage: number = MESSAGE_CHARS,
  maxStack: number = STACK_CHARS,
): { message: string; stack?: string } {
  return isStr(reason) ? { message: cut(reason, maxMessage) } : serializeArgs([reason], maxMessage, maxStack);
}
