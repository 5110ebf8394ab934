/**
 * Asks the page hook of one window for what it recorded. The hook answers a pull event with a
 * snapshot event before dispatchEvent returns, so the exchange is synchronous. The answer is
 * page-controlled (the page shares the hook's world and can answer in its place): it is sized
 * and shaped here before anything parses further, then normalised entry by entry.
 */
import { HOOK_EVENTS } from './hook/protocol';

/** A page may answer the pull with anything; beyond this it is not worth parsing. */
const MAX_SNAPSHOT_CHARS = 2 * 1024 * 1024;
/** At most this many raw entries are looked at per window (the hook keeps 200). */
const MAX_RAW_ENTRIES = 400;

/** Reads one window's hook answer synchronously: the hook answers the pull before dispatch returns. */
function pull(win: Window, detail?: string): unknown {
  let raw: unknown = null;
  const onSnapshot = (event: Event) => {
    raw = (event as CustomEvent).detail;
  };
  win.addEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  win.dispatchEvent(new CustomEvent(HOOK_EVENTS.pull, { detail }));
  win.removeEventListener(HOOK_EVENTS.snapshot, onSnapshot);
  return raw;
}

/** Reads a window's hook buffer, or nothing when the answer is not a sane snapshot. */
export function pullHookBuffer(win: Window = window): { entries: unknown[]; dropped: number } {
  const raw = pull(win);
  if (typeof raw !== 'string' || raw.length > MAX_SNAPSHOT_CHARS) return { entries: [], dropped: 0 };
  try {
    const parsed = JSON.parse(raw) as { entries?: unknown; dropped?: unknown };
    const all = Array.isArray(parsed.entries) ? parsed.entries : [];
    const dropped = typeof parsed.dropped === 'number' && Number.isSafeInteger(parsed.dropped) && parsed.dropped > 0 ? parsed.dropped : 0;
    return { entries: all.slice(0, MAX_RAW_ENTRIES), dropped: dropped + Math.max(0, all.length - MAX_RAW_ENTRIES) };
  } catch {
    return { entries: [], dropped: 0 };
  }
}

/** The hook's error count for the badge (0 when the answer is not a count). */
export function pullHookErrorCount(win: Window = window): number {
  const count = Number(pull(win, 'count'));
  return Number.isSafeInteger(count) && count >= 0 ? count : 0;
}
