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
 * Runs in the page's world: type-only contract import, no dependencies.
 */
import type { DiagnosticEntry } from './contract';

/** A buffered entry: the contract's entry plus `lastT`, the time of its latest occurrence. */
export type BufferedEntry = DiagnosticEntry & { lastT?: number };

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
  add(entry: DiagnosticEntry | (Omit<DiagnosticEntry, 't' | 'count'> & { t?: number; count?: number })): void;
  /** Retained entries in order of first occurrence, and how many occurrences were dropped. */
  snapshot(): { entries: BufferedEntry[]; dropped: number };
  /** Occurrences currently represented (sum of the retained entries' counts). */
  size(): number;
  /** Error occurrences ever recorded, dropped ones included (console warnings excluded). */
  errorCount(): number;
}

/** A retained entry, under its fold key's primary part `k`, weighing `b` bytes. */
interface Slot {
  e: BufferedEntry;
  k: string;
  b: number;
}

/**
 * Fold key, in two parts so that recording allocates nothing: a primary string (one the page
 * usually hands over again and again, whose hash V8 caches) picks candidates in a Map, and the
 * kind's FOLD fields are compared one by one. Timings, bodies, and the stacks of uncaught errors
 * (located by source/line/column) do not split a fold; a network URL's query does not either,
 * so cache-busters and polling parameters do not turn one failing endpoint into hundreds of
 * entries (the first URL is kept).
 */
const FOLD: Record<string, string[]> = {
  console: ['level', 'stack'],
  rejection: ['stack'],
  uncaught: ['source', 'line', 'column'],
  network: ['message', 'api', 'method', 'status'],
  resource: ['message', 'tag'],
  csp: ['message', 'directive'],
};

function primary(e: any): string {
  const k = e.kind;
  const s = '' + (k == 'network' || k == 'resource' ? e.url : k == 'csp' ? e.blockedUrl : e.message);
  const q = k == 'network' ? s.search(/[?#]/) : -1;
  return q < 0 ? s : s.slice(0, q);
}

function same(a: any, b: any): boolean {
  if (a.kind !== b.kind || a.frame !== b.frame) return false;
  for (const f of FOLD[a.kind] || []) if (a[f] !== b[f]) return false;
  return true;
}

/** Creates a bounded buffer that folds identical entries (see the module comment for the policy). */
export function createEntryBuffer({ maxEntries, maxBytes, now = () => performance.now() }: EntryBufferOptions): EntryBuffer {
  const index = new Map<string, Slot[]>();
  const head: Slot[] = [];
  // A Set keeps insertion order: re-adding a slot moves it to the recent end.
  const tail = new Set<Slot>();
  let headBytes = 0;
  let tailBytes = 0;
  let headOpen = true;
  let retained = 0;
  let dropped = 0;
  let errors = 0;

  return {
    add(input) {
      const entry = input as BufferedEntry;
      const count = entry.count > 0 ? entry.count : 1;
      const t = typeof entry.t == 'number' ? entry.t : now();
      const kind = entry.kind;
      // Errors for the badge: all but console warnings and answered (< 400) requests.
      if (kind == 'console' ? entry.level == 'error' : kind != 'network' || !(entry.status > 0 && entry.status < 400)) errors += count;
      retained += count;
      const k = primary(entry);
      const list = index.get(k) || [];
      const slot = list.find((c) => same(c.e, entry));
      if (slot) {
        slot.e.count += count;
        slot.e.lastT = t;
        if (tail.delete(slot)) tail.add(slot);
        return;
      }
      // Approximate weight: the strings that can be long, plus numbers and object overhead.
      const e: any = entry;
      const b = 64 + e.message.length + (e.stack || e.body || e.url || '').length + (e.source || e.frame || e.blockedUrl || '').length;
      const fresh: Slot = { e: { ...entry, t, count }, k, b };
      if (headOpen && head.length < maxEntries / 2 && headBytes + b <= maxBytes / 2) {
        head.push(fresh);
        headBytes += b;
      } else {
        // Closed for good once anything overflows it, so that the head stays "the first ones".
        headOpen = false;
        const room = maxBytes - headBytes;
        if (b > room || head.length >= maxEntries) {
          retained -= count;
          dropped += count;
          return;
        }
        for (const old of tail) {
          if (tail.size + head.length < maxEntries && tailBytes + b <= room) break;
          tail.delete(old);
          tailBytes -= old.b;
          retained -= old.e.count;
          dropped += old.e.count;
          const same = index.get(old.k)!;
          same.splice(same.indexOf(old), 1);
          if (!same.length) index.delete(old.k);
        }
        tail.add(fresh);
        tailBytes += b;
      }
      list.push(fresh);
      index.set(k, list);
    },
    snapshot() {
      const recent = [...tail].map((s) => ({ ...s.e }));
      // The tail is kept in recency order; support reads it in order of first occurrence.
      recent.sort((a, b) => a.t - b.t);
      return { entries: head.map((s) => ({ ...s.e })).concat(recent), dropped };
    },
    size: () => retained,
    errorCount: () => errors,
  };
}
