/**
 * Delivery of the outbox, owned by the worker so that the popup may close at once. The loop
 * itself is `outbox-delivery.ts`; this module wires it to the extension: the API address from
 * config, an alarm as the retry backstop, and the three moments a flush starts: the worker
 * starting, a `flushOutbox` message (a ticket was queued, or the form opened), and the alarm.
 */
import { browser } from 'wxt/browser';
import { supportApiUrl } from '../../utils/extension/build-config';
import { DELIVERY } from '../../utils/delivery/retry-policy';
import { onMessage } from '../../utils/extension/messaging';
import { createDelivery, type Delivery } from './outbox-delivery';

const ALARM = 'outbox-retry';

let delivery: Delivery | undefined;

/** The worker's delivery loop (one per worker lifetime). */
export function workerDelivery(): Delivery {
  delivery ??= createDelivery({
    // Bound late: a test or a polyfill may replace globalThis.fetch after start-up.
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    apiUrl: supportApiUrl,
    timeoutMs: DELIVERY.timeoutMs,
    policy: DELIVERY,
    alarm: {
      async set(when) {
        // Chrome fires an alarm set in the past at once; packed builds clamp it to ≥ 30 s,
        // which is fine for a backstop: the in-memory timer serves the short delays.
        await browser.alarms.create(ALARM, { when: Math.max(when, Date.now() + 1_000) });
      },
      async clear() {
        await browser.alarms.clear(ALARM);
      },
    },
  });
  return delivery;
}

/** Starts delivery in the worker: listeners first (so no wake-up event is missed), then a flush. */
export function registerDelivery(): void {
  const loop = workerDelivery();
  onMessage('flushOutbox', () => {
    void loop.flush();
  });
  onMessage('retryTicket', ({ data }) => {
    void loop.retryNow(data.key);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void loop.flush();
  });
  // The worker may have been stopped mid-delivery: the first pass picks up what it held.
  void loop.flush();
}
