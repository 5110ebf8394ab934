/**
 * Delivery of the outbox, owned by the worker so that the popup may close at once. Each
 * ticket keeps its idempotency key across retries, so a retry after a lost answer cannot
 * create a second ticket. Retries are scheduled with an alarm, which survives the worker
 * being stopped and the browser restarting; a timer covers the short delays meanwhile.
 */
import { browser } from 'wxt/browser';
import { allRecords, updateRecord, type OutboxRecord } from '../../utils/outbox';
import { sendTicket } from '../../utils/api-client';
import { DELIVERY, retryDelayMs } from '../../utils/delivery-policy';
import { supportApiUrl } from '../../utils/config';
import { onMessage } from '../../utils/messaging';

const ALARM = 'outbox-retry';
let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Delivers every ticket that is due; concurrent calls coalesce into one more pass. */
export function flushOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDue();
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function deliverDue(): Promise<void> {
  const now = Date.now();
  const due = (await allRecords())
    .filter((r) => (r.state === 'queued' || r.state === 'sending') && r.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const record of due) await deliver(record);
  await scheduleNext();
}

async function deliver(record: OutboxRecord): Promise<void> {
  await updateRecord(record.key, (r) => ({ ...r, state: 'sending', progress: 0 }));
  const outcome = await sendTicket(await supportApiUrl(), record.ticket, record.screenshots, { timeoutMs: DELIVERY.timeoutMs });
  if (outcome.kind === 'created') {
    // Delivered: the screenshots are the API's now; keep the answer for "My tickets".
    await updateRecord(record.key, (r) => ({ ...r, state: 'sent', result: outcome.result, screenshots: [], progress: 1, lastError: undefined }));
  } else if (outcome.kind === 'retry') {
    await updateRecord(record.key, (r) => ({
      ...r,
      state: 'queued',
      attempts: r.attempts + 1,
      nextAttemptAt: Date.now() + retryDelayMs(r.attempts + 1, outcome.retryAfterMs, Math.random()),
      lastError: { code: outcome.reason === 'http' ? 'http' : outcome.reason, status: outcome.status, message: outcome.message },
      progress: undefined,
    }));
  } else {
    await updateRecord(record.key, (r) => ({ ...r, state: 'attention', attempts: r.attempts + 1, lastError: { ...outcome.error, status: outcome.status }, progress: undefined }));
  }
}

async function scheduleNext(): Promise<void> {
  const pending = (await allRecords()).filter((r) => r.state === 'queued');
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (pending.length === 0) {
    await browser.alarms.clear(ALARM);
    return;
  }
  const next = Math.min(...pending.map((r) => r.nextAttemptAt));
  await browser.alarms.create(ALARM, { when: Math.max(next, Date.now() + 1000) });
  timer = setTimeout(() => void flushOutbox(), Math.max(0, next - Date.now()));
}

export function registerDelivery(): void {
  onMessage('flushOutbox', () => {
    void flushOutbox();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void flushOutbox();
  });
  // The worker may have been stopped mid-delivery: whatever it held is picked up again here.
  void flushOutbox();
}
