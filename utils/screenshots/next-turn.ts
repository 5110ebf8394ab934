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
