/**
 * Turns the hook's raw facts (and the DOM recorder's) into contract-shaped entries: the
 * human-readable messages the hook leaves to us, absolute URLs, whole milliseconds, every text
 * cut at its raw bound (utils/page/raw-cut.ts). Not scrubbed here: the worker scrubs every text
 * before anything reads it, then cuts it to the contract's limits and validates the entry
 * (utils/diagnosis/scrub-page-answers.ts, utils/diagnosis/page-answers.ts), so the scrubber's
 * cost stays out of the customer's tab and out of this script's bundle.
 */
import { LIMITS } from '../contract/limits';
import { cutRaw } from './raw-cut';

/** A contract-shaped entry, not yet scrubbed nor validated (the worker does both). */
export type NormalizedEntry = Record<string, unknown>;

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value ? cutRaw(value, max) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

function absolute(value: unknown, base: string): unknown {
  // CSP keywords ('inline', 'eval', 'wasm-eval'…) and data/blob/about URLs are kept as they are.
  if (typeof value !== 'string' || !value || /^[a-z-]+$|^(data|blob|about):/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value; // Not a URL: kept as the page gave it (the worker scrubs it all the same).
  }
}

/**
 * Turns one raw entry from the hook (or the DOM recorder) into a contract-shaped entry:
 * human-readable message where the hook left it to us, absolute URLs, whole milliseconds,
 * text cut at its raw bound. Unknown kinds and fields are dropped; the worker validates again.
 */
export function normalizeEntry(input: unknown, base: string, offset = 0, frame?: string): NormalizedEntry | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const e = input as NormalizedEntry;
  const kind = e.kind;
  const t = num(e.t);
  if (t === undefined || !['shown', 'console', 'uncaught', 'rejection', 'network', 'resource', 'csp'].includes(kind as string))
    return undefined;
  const count = typeof e.count === 'number' && Number.isSafeInteger(e.count) && e.count > 0 ? e.count : 1;
  const lastT = num(e.lastT);
  const out: NormalizedEntry = { kind, t: Math.round(t + offset), count };
  if (lastT !== undefined) out.lastT = Math.round(lastT + offset);
  if (frame) out.frame = text(frame, LIMITS.urlChars);
  let message = typeof e.message === 'string' ? e.message : '';
  if (kind === 'shown') {
    // An alert()/confirm() recorded by the hook, or error UI read at the click: kept word for
    // word (scrubbed by the worker); an empty one says nothing and is dropped.
    if (!message.trim()) return undefined;
    out.via = e.via === 'confirm' || e.via === 'page' ? e.via : 'alert';
  } else if (kind === 'console') {
    out.level = e.level === 'warn' ? 'warn' : 'error';
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'uncaught') {
    out.source = text(absolute(e.source, base), LIMITS.urlChars);
    for (const key of ['line', 'column'] as const) {
      const value = num(e[key]);
      if (value !== undefined) out[key] = Math.floor(value);
    }
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'rejection') {
    out.stack = text(e.stack, LIMITS.stackChars);
  } else if (kind === 'network') {
    const method = (typeof e.method === 'string' && e.method ? e.method : 'GET').toUpperCase().slice(0, 16);
    const status = typeof e.status === 'number' && Number.isInteger(e.status) && e.status >= 0 && e.status <= 999 ? e.status : 0;
    Object.assign(out, {
      api: e.api === 'xhr' ? 'xhr' : 'fetch',
      method,
      url: text(absolute(e.url, base), LIMITS.urlChars) ?? '',
      status,
      durationMs: Math.round(num(e.durationMs) ?? 0),
      body: text(e.body, LIMITS.bodyExcerptBytes),
    });
    // The hook leaves the message empty (or the failure's reason for status 0).
    message = status ? `${method} ${status}` : `${method} failed${message ? `: ${message}` : ''}`;
  } else if (kind === 'resource') {
    const tag = (typeof e.tag === 'string' ? e.tag : 'element').toLowerCase().slice(0, 32);
    Object.assign(out, { tag, url: text(absolute(e.url, base), LIMITS.urlChars) ?? '' });
    message ||= `Failed to load ${tag}`;
  } else {
    const directive = (typeof e.directive === 'string' ? e.directive : '').slice(0, 200);
    const blockedUrl = text(absolute(e.blockedUrl, base), LIMITS.urlChars) ?? '';
    Object.assign(out, { directive, blockedUrl });
    message ||= `CSP blocked ${blockedUrl || 'inline'} (${directive})`;
  }
  out.message = text(message, LIMITS.messageChars) ?? '';
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}
