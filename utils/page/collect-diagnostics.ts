/**
 * Gathers everything recorded in the page: the hook's buffer (utils/page/hook-pull.ts) and the
 * DOM recorder's (utils/page/dom-events.ts) of the top window and of its same-origin frames,
 * nested ones included, each put on the top page's timeline and normalised
 * (utils/page/normalize-entry.ts), then bounded to the contract's number of entries. What the
 * page showed the customer (alert/confirm dialogs, and its error UI read now by
 * utils/page/visible-errors.ts) comes first: it is the customer's own view of the problem.
 */
import { pullHookBuffer } from './hook-pull';
import { domEntriesOf } from './dom-events';
import { normalizeEntry, type NormalizedEntry } from './normalize-entry';
import { readVisibleErrors } from './visible-errors';
import { LIMITS } from '../contract/limits';

/** Same-origin frames read, nested ones included (a page could build thousands). */
const MAX_FRAMES = 20;

/** The top window and its same-origin frames, nested ones included, with their time offsets. */
function windowsOfPage(): { win: Window; offset: number; frame?: string }[] {
  const found: { win: Window; offset: number; frame?: string }[] = [{ win: window, offset: 0 }];
  for (let i = 0; i < found.length && found.length < MAX_FRAMES + 1; i++) {
    const frames = found[i]!.win.frames;
    for (let k = 0; k < frames.length && found.length < MAX_FRAMES + 1; k++) {
      try {
        const win = frames[k]!;
        // Throws for a cross-origin frame: not the draw page, left out.
        const href = win.location.href;
        found.push({ win, offset: win.performance.timeOrigin - performance.timeOrigin, frame: href });
      } catch {
        // Cross-origin frame.
      }
    }
  }
  return found;
}

/** Everything recorded in the page and its same-origin frames, normalised, in time order. */
export function collectDiagnostics(): { entries: NormalizedEntry[]; dropped: number } {
  const entries: NormalizedEntry[] = [];
  let dropped = 0;
  for (const { win, offset, frame } of windowsOfPage()) {
    const hook = pullHookBuffer(win);
    const dom = domEntriesOf(win)?.snapshot() ?? { entries: [], dropped: 0 };
    dropped += hook.dropped + dom.dropped;
    // A frame's relative URLs resolve against its own address, read once by windowsOfPage.
    const base = frame ?? location.href;
    for (const raw of [...hook.entries, ...dom.entries]) {
      const entry = normalizeEntry(raw, base, offset, frame);
      if (entry) entries.push(entry);
      else dropped += 1;
    }
  }
  // Visible error UI of the top page only (a frame's UI is part of the page's screenshot anyway).
  for (const raw of readVisibleErrors()) {
    const entry = normalizeEntry(raw, location.href);
    // Already said by a dialog: one entry for one message.
    if (entry && !entries.some((e) => e.kind === 'shown' && e.message === entry.message)) entries.push(entry);
  }
  entries.sort((a, b) => Number(b.kind === 'shown') - Number(a.kind === 'shown') || (a.t as number) - (b.t as number));
  // The contract keeps LIMITS.entries; the earliest are kept (the hook's buffers already chose).
  dropped += Math.max(0, entries.length - LIMITS.entries);
  return { entries: entries.slice(0, LIMITS.entries), dropped };
}
