/**
 * The outbox's delivery loop, free of extension APIs: fetch, clock, randomness, API address
 * and alarms are injected, so that unit tests drive it with a local HTTP server and fake time.
 * `delivery.ts` wires it to the worker.
 *
 * Rules: one pass at a time, one ticket at a time, oldest first. Only a 2xx removes a ticket
 * from the queue; a retryable failure (network, timeout, 408, 429, 5xx) puts it back with a
 * backoff delay and pauses the whole queue until then (an API that just failed one ticket will
 * fail the next one too, and a hanging API would otherwise cost one timeout per ticket); a
 * refusal (other 4xx) parks the ticket for the customer ('attention'). The idempotency key
 * never changes, so a retry after a lost answer gets the first answer back, not a duplicate.
 */
import { allRecords, updateRecord, type OutboxFailure, type OutboxRecord } from '../../utils/delivery/outbox';
import { apiAnswers, requestBytes, sendTicket, type SendOutcome } from '../../utils/delivery/api-client';
import { DELIVERY, retryDelayMs, uploadTimeoutMs, type RetryPolicy, type TimeoutPolicy } from '../../utils/delivery/retry-policy';

/** What the delivery loop needs from its surroundings. */
export interface DeliveryDeps {
  fetch: typeof fetch;
  /** Epoch ms. */
  now: () => number;
  /** Uniform in [0, 1). */
  random: () => number;
  /** Base URL of the support API, read before every attempt (dev/e2e builds may change it). */
  apiUrl: () => Promise<string>;
  /** The allowance for the server's answer; each request adds its upload time (uploadTimeoutMs). */
  timeoutMs: number;
  policy: RetryPolicy & Omit<TimeoutPolicy, 'timeoutMs'> & { timeoutAttempts?: number };
  /** The backstop that survives the worker being stopped and the browser restarting. */
  alarm: { set(when: number): Promise<void>; clear(): Promise<void> };
  log?: (message: string, error?: unknown) => void;
}

export interface Delivery {
  /** Delivers every due ticket; concurrent calls coalesce into (at most) one more pass. */
  flush(): Promise<void>;
  /** Makes one ticket (queued or needing attention) due now, lifts the pause, and flushes. */
  retryNow(key: string): Promise<void>;
  /** Epoch ms of the next planned pass, if any (for tests and diagnostics). */
  nextPassAt(): number | undefined;
  /** Cancels the in-memory timer (the alarm stays: it is the backstop). */
  stop(): void;
}

/** Creates the delivery loop. The first pass recovers tickets a stopped worker left in 'sending'. */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const log = deps.log ?? ((message: string, error?: unknown) => console.warn(`[outbox] ${message}`, error ?? ''));
  let running: Promise<void> | undefined;
  let again = false;
  let recovered = false;
  /** No attempt before this (epoch ms): set after a retryable failure, for the whole queue. */
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let plannedAt: number | undefined;

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          // IndexedDB refused (quota, shutdown): nothing is lost, the alarm or the next
          // message brings us back.
          log('delivery pass failed', error);
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function pass(): Promise<void> {
    if (!recovered) {
      await recoverInterrupted();
      recovered = true;
    }
    const now = deps.now();
    if (now >= pausedUntil) {
      const due = (await allRecords()).filter((r) => r.state === 'queued' && r.nextAttemptAt <= now);
      for (const record of due) {
        const after = await deliver(record);
        if (after?.state === 'queued') {
          pausedUntil = after.nextAttemptAt;
          break;
        }
      }
    }
    await schedule();
  }

  /**
   * A record in 'sending' when this worker starts was being uploaded by a worker that was
   * stopped (idle timeout, crash, browser closed). The upload may even have reached the API:
   * sending it again with the same key is safe, the API answers with the first ticket.
   */
  async function recoverInterrupted(): Promise<void> {
    const now = deps.now();
    for (const record of await allRecords()) {
      if (record.state !== 'sending') continue;
      await updateRecord(record.key, (r) =>
        r.state === 'sending'
          ? { ...r, state: 'queued', stage: undefined, attempts: r.attempts + 1, nextAttemptAt: now, lastError: { code: 'interrupted' } }
          : r,
      );
    }
  }

  async function deliver(record: OutboxRecord): Promise<OutboxRecord | undefined> {
    const claimed = await updateRecord(record.key, (r) => (r.state === 'queued' ? { ...r, state: 'sending', stage: 'preparing' } : r));
    // Discarded by the customer meanwhile, or no longer queued: nothing to send.
    if (claimed?.state !== 'sending') return claimed;
    const bytes = claimed.bytes ?? requestBytes(claimed.ticket, claimed.screenshots);
    const timeoutMs = uploadTimeoutMs(bytes, { ...deps.policy, timeoutMs: deps.timeoutMs });
    // The upload's own share of the time allowed: a ticket small enough to go out in a moment on
    // any link cannot be "too slow for the link"; its timeouts are the API's doing.
    const uploadDominates = timeoutMs - deps.timeoutMs >= deps.timeoutMs;
    // If the worker is stopped mid-upload, nothing else would wake it: the alarm does, once
    // the request would have timed out anyway, and the next worker resends the record.
    await deps.alarm.set(deps.now() + timeoutMs + 1_000);
    let outcome: SendOutcome;
    const apiUrl = await deps.apiUrl();
    try {
      outcome = await sendTicket(apiUrl, claimed.ticket, claimed.screenshots, {
        timeoutMs,
        fetch: deps.fetch,
        onStage: (stage) => void updateRecord(record.key, (r) => (r.state === 'sending' ? { ...r, stage } : r)).catch(() => {}),
      });
    } catch (error) {
      // sendTicket does not throw; reading a screenshot blob can (a profile being wiped).
      outcome = { kind: 'retry', reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'retry' && outcome.reason === 'timeout' && uploadDominates) {
      // Only a big upload's timeout while the API answers small requests counts towards 'too
      // slow': an API that hangs for everyone is an outage, and retrying is right.
      outcome = { ...outcome, apiAnswered: await apiAnswers(apiUrl, { timeoutMs: Math.min(deps.timeoutMs, 10_000), fetch: deps.fetch }) };
    }
    return updateRecord(record.key, (r) => applyOutcome(r, outcome, deps.now(), deps.random(), deps.policy));
  }

  async function schedule(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    plannedAt = undefined;
    const queued = (await allRecords()).filter((r) => r.state === 'queued');
    if (queued.length === 0) {
      await deps.alarm.clear();
      return;
    }
    const next = Math.max(pausedUntil, Math.min(...queued.map((r) => r.nextAttemptAt)));
    plannedAt = next;
    // The timer serves short delays while the worker lives; the alarm (clamped to ≥ 30 s in
    // packed extensions) wakes a stopped worker or a restarted browser.
    await deps.alarm.set(next);
    timer = setTimeout(() => void flush(), Math.max(0, next - deps.now()));
  }

  return {
    flush,
    async retryNow(key) {
      pausedUntil = 0;
      await updateRecord(key, (r) =>
        // The customer asked (maybe from a faster network): a slow ticket gets a fresh set of tries.
        r.state === 'queued' || r.state === 'attention' ? { ...r, state: 'queued', nextAttemptAt: deps.now(), timeouts: 0 } : r,
      );
      await flush();
    },
    nextPassAt: () => plannedAt,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Retryable API codes with their own "why it waits" sentence (components/delivery/delivery-text.ts). */
const TOLD_WHILE_WAITING = new Set<string>(['storage_full', 'quota_exceeded', 'busy']);

/** The record after one attempt: the state machine's transitions out of 'sending'. */
export function applyOutcome(
  record: OutboxRecord,
  outcome: SendOutcome,
  now: number,
  random: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'> & { timeoutAttempts?: number } = DELIVERY,
): OutboxRecord {
  const base = { ...record, stage: undefined };
  if (outcome.kind === 'created') {
    // Delivered: the screenshots are the API's now; the record and its answer stay, for the
    // status view and "My tickets" (utils/delivery/my-tickets.ts), which lists the outbox.
    return { ...base, state: 'sent', result: outcome.result, screenshots: [], lastError: undefined };
  }
  if (outcome.kind === 'retry') {
    const attempts = record.attempts + 1;
    // Slow timeouts in a row; a timeout during an outage neither counts nor clears the count.
    const timeouts = outcome.reason !== 'timeout' ? 0 : outcome.apiAnswered ? (record.timeouts ?? 0) + 1 : (record.timeouts ?? 0);
    if (timeouts >= (policy.timeoutAttempts ?? DELIVERY.timeoutAttempts)) {
      // Every attempt ran out of time although each was given its bytes' time at the floor
      // rate, while the API answered small requests: retrying on the same link would fail the
      // same way, forever and silently. Park it and tell the customer what to do (a faster
      // network, or fewer screenshots).
      return { ...base, state: 'attention', attempts, timeouts, lastError: { code: 'too_slow', bytes: record.bytes } };
    }
    // The API's code replaces the generic 'http' only where it changes what the customer is told.
    const code = outcome.code && TOLD_WHILE_WAITING.has(outcome.code) ? outcome.code : outcome.reason;
    const lastError: OutboxFailure = { code, status: outcome.status, message: outcome.message };
    return {
      ...base,
      state: 'queued',
      attempts,
      timeouts,
      nextAttemptAt: now + retryDelayMs(attempts, outcome.retryAfterMs, random, policy),
      lastError,
    };
  }
  return {
    ...base,
    state: 'attention',
    attempts: record.attempts + 1,
    timeouts: 0,
    lastError: { ...outcome.error, status: outcome.status },
  };
}
