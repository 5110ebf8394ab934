/**
 * Lets the event loop run what waits (input, rendering, a cancel) before going on, without the
 * wait of a timer: `setTimeout(…, 0)` called again and again is clamped to 4 ms after five nested
 * calls, which a capture that yields every band or every few milliseconds pays each time.
 * `scheduler.yield()` (Chromium 129, Firefox 142) continues ahead of other queued tasks; a
 * message to ourselves is the same kind of task, queued after them.
 */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Milliseconds of work between two turns: no task near the 50 ms a long task starts at. */
const SLICE_MS = 12;

/**
 * Work in the customer's page cut into slices of SLICE_MS, each followed by a turn of its event
 * loop (the region plan and the small pictures of a full-page capture share it). Checked with a
 * plain read (`due`), so a loop of thousands of steps pays no promise per step.
 */
export class Slices {
  private start = performance.now();

  constructor(private readonly cancelled: () => boolean) {}

  /** Whether the current slice's time is used up. */
  get due(): boolean {
    return performance.now() - this.start > SLICE_MS;
  }

  /** Hands the event loop back, then starts a new slice; throws 'cancelled' once the capture is. */
  async next(): Promise<void> {
    await nextTurn();
    if (this.cancelled()) throw new Error('cancelled');
    this.start = performance.now();
  }
}
