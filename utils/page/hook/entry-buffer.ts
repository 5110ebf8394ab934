/**
 * The page hook's bounded, folding store of diagnostic entries. A page may log the same error
 * 100,000 times: identical entries fold into one with a count, and the store stays bounded in
 * entries and in (approximate) bytes whatever the page does.
 *
 * Drop policy: the first half of the budget keeps the FIRST distinct entries (the error that
 * started a cascade), and never lets go of them; the second half is a window of the MOST RECENT
 * distinct entries (what is going wrong now), evicting the least recently seen one when full.
 * An entry that recurs is moved to the recent end of the window, so a still-recurring error is
 * not evicted by one-off noise. Evicted occurrences are counted in `dropped`.
 *
 * Runs in the page's world: it imports nothing outside utils/page/hook/, not even types.
 */
import type { HookEntry } from './protocol';

/** A buffered entry: the hook's entry plus `lastT`, the time of its latest occurrence. */
export type BufferedEntry = HookEntry & { lastT?: number };

export interface EntryBufferOptions {
  /** Most distinct entries kept (LIMITS.entries). */
  maxEntries: number;
  /** Most bytes kept, counted as the sum of string lengths plus a small per-entry overhead. */
  maxBytes: number;
  /** Clock for entries that come without `t` (performance.now() in the page). */
  now?: () => number;
}

export interface EntryBuffer {
  /** Records one entry (or `entry.count` occurrences of it). */
  add(entry: HookEntry | (Omit<HookEntry, 't' | 'count'> & { t?: number; count?: number })): void;
  /** Retained entries in order of first occurrence, and how many occurrences were dropped. */
  snapshot(): { entries: BufferedEntry[]; dropped: number };
  /** Occurrences currently represented (sum of the retained entries' counts). */
  size(): number;
  /** Error occurrences ever recorded, dropped ones included (console warnings excluded). */
  errorCount(): number;
}

/** A retained entry and its approximate weight in bytes. */
interface Slot {
  e: BufferedEntry;
  b: number;
}

/**
 * What makes two entries "the same": every field that says what happened and where, joined
 * into one string (cheap: no JSON.stringify, and V8 hashes the flat result once per lookup).
 * Timings and bodies do not split a fold; nor does the stack of an uncaught error (its
 * source/line/column locate it), nor a network URL's query, so that cache-busters and polling
 * parameters do not turn one failing endpoint into hundreds of entries (the first URL is kept).
 */
function foldKey(e: any): string {
  const kind = e.kind;
  const url = '' + (e.url || '');
  return [
    kind,
    e.frame,
    e.level,
    e.message,
    kind == 'uncaught' ? [e.source, e.line, e.column] : e.stack,
    e.api,
    e.method,
    e.status,
    kind == 'network' ? url.split(/[?#]/)[0] : url,
    e.tag,
    e.directive,
    e.blockedUrl,
  ].join('\n');
}

/** Creates a bounded buffer that folds identical entries (see the module comment for the policy). */
export function createEntryBuffer({ maxEntries, maxBytes, now = () => performance.now() }: EntryBufferOptions): EntryBuffer {
  // Maps keep insertion order: the head is chronological; the tail goes from the least to the
  // most recently seen entry (a recurring entry is deleted and set again to move it to the end).
  const head = new Map<string, Slot>();
  const tail = new Map<string, Slot>();
  let headBytes = 0;
  let tailBytes = 0;
  let headOpen = true;
  let retained = 0;
  let dropped = 0;
  let errors = 0;

  return {
    add(input) {
      const e = input as any;
      const count = e.count > 0 ? e.count : 1;
      const t = typeof e.t == 'number' ? e.t : now();
      // Errors for the badge: all but console warnings and answered (< 400) requests.
      if (e.level != 'warn' && !(e.status > 0 && e.status < 400)) errors += count;
      retained += count;
      const key = foldKey(e);
      let slot = head.get(key) || tail.get(key);
      if (slot) {
        slot.e.count += count;
        slot.e.lastT = t;
        if (tail.delete(key)) tail.set(key, slot);
        return;
      }
      const b = 64 + key.length + (e.body || '').length;
      slot = { e: { ...e, t, count }, b };
      if (headOpen && head.size < maxEntries / 2 && headBytes + b <= maxBytes / 2) {
        head.set(key, slot);
        headBytes += b;
        return;
      }
      // Closed for good once anything overflows it, so that the head stays "the first ones".
      headOpen = false;
      const room = maxBytes - headBytes;
      if (b > room || head.size >= maxEntries) {
        retained -= count;
        dropped += count;
        return;
      }
      for (const [k, old] of tail) {
        if (tail.size + head.size < maxEntries && tailBytes + b <= room) break;
        tail.delete(k);
        tailBytes -= old.b;
        retained -= old.e.count;
        dropped += old.e.count;
      }
      tail.set(key, slot);
      tailBytes += b;
    },
    snapshot() {
      const copy = (s: Slot) => ({ ...s.e });
      // The tail is kept in recency order; support reads it in order of first occurrence.
      const recent = [...tail.values()].map(copy).sort((a, b) => a.t - b.t);
      return { entries: [...head.values()].map(copy).concat(recent), dropped };
    },
    size: () => retained,
    errorCount: () => errors,
  };
}
