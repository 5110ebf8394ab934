import { describe, expect, it } from 'vitest';
import { pullHookBuffer, pullHookErrorCount } from './hook-pull';
import { HOOK_EVENTS } from './hook/protocol';

/** A window whose "hook" answers every pull with `answer(detail)`, as the real one does: synchronously. */
function windowAnswering(answer: (detail: unknown) => unknown): Window {
  const win = new EventTarget();
  win.addEventListener(HOOK_EVENTS.pull, (event) => {
    win.dispatchEvent(new CustomEvent(HOOK_EVENTS.snapshot, { detail: answer((event as CustomEvent).detail) }));
  });
  return win as unknown as Window;
}

describe("pullHookBuffer: the hook's answer is page-controlled", () => {
  it('reads a snapshot handed over as JSON', () => {
    const entries = [{ kind: 'console', level: 'error', t: 1, count: 2, message: 'x' }];
    expect(pullHookBuffer(windowAnswering(() => JSON.stringify({ entries, dropped: 3 })))).toEqual({ entries, dropped: 3 });
  });

  it('gets nothing from a window without a hook, or from answers that are not a sane snapshot', () => {
    const none = { entries: [], dropped: 0 };
    expect(pullHookBuffer(new EventTarget() as unknown as Window)).toEqual(none);
    for (const forged of [{ entries: [] }, 42, 'not json', 'x'.repeat(3 * 1024 * 1024)]) {
      expect(pullHookBuffer(windowAnswering(() => forged))).toEqual(none);
    }
    expect(pullHookBuffer(windowAnswering(() => JSON.stringify({ entries: 'many', dropped: -4 })))).toEqual(none);
  });

  it('looks at a bounded number of raw entries and counts the rest as dropped', () => {
    const entries = Array.from({ length: 1000 }, (_, t) => ({ kind: 'console', t, count: 1, message: '' }));
    const pulled = pullHookBuffer(windowAnswering(() => JSON.stringify({ entries, dropped: 1.5 })));
    expect(pulled.entries).toHaveLength(400);
    expect(pulled.dropped).toBe(600);
  });
});

describe('pullHookErrorCount', () => {
  it('asks for the count only, and keeps it only when it is one', () => {
    expect(pullHookErrorCount(windowAnswering((detail) => (detail === 'count' ? '17' : 'snapshot')))).toBe(17);
    for (const forged of ['-1', '1e400', 'NaN', '2.5', null]) expect(pullHookErrorCount(windowAnswering(() => forged))).toBe(0);
    expect(pullHookErrorCount(new EventTarget() as unknown as Window)).toBe(0);
  });
});
