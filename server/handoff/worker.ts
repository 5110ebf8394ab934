/**
 * The loop that works the queue: takes due deliveries (a few at a time, so one slow endpoint does
 * not hold the others), makes one attempt each, and writes the attempt and the next try before
 * taking more. The clock is injected; real timers only decide when to look again (at the next due
 * time, at most `pollMs` later), so tests with a short schedule run in milliseconds.
 */
import { nextDelayMs, type BackoffOptions } from './backoff';
import type { Delivery, HandoffQueue } from './queue';
import type { SendOutcome } from './send-webhook';

/** What an attempt can end in, plus "not sent: the endpoint is disabled". */
export type AttemptResult = SendOutcome | { kind: 'skipped'; reason: string };

export interface WorkerOptions {
  queue: HandoffQueue;
  now: () => Date;
  attempt: (delivery: Delivery) => Promise<AttemptResult>;
  /** Called when an endpoint answers 410, so it can be disabled and said so. */
  onGone: (delivery: Delivery, error: string) => void;
  backoff: BackoffOptions;
  concurrency?: number;
  pollMs?: number;
  log: (message: string, error?: unknown) => void;
}

export class HandoffWorker {
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly concurrency: number;
  private readonly pollMs: number;

  constructor(private readonly options: WorkerOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1_000;
  }

  /** Looks at the queue now (new event, support's "send again", start-up). */
  wake(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }

  /** Stops taking deliveries and waits for the attempts under way (their outcome is recorded). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private pump(): void {
    if (this.closed) return;
    const { queue, now } = this.options;
    const free = this.concurrency - this.inFlight.size;
    if (free > 0) {
      const due = queue.due(now(), free + this.inFlight.size).filter((d) => !this.inFlight.has(d.id));
      for (const delivery of due.slice(0, free)) {
        const run = this.run(delivery).finally(() => {
          this.inFlight.delete(delivery.id);
          this.pump();
        });
        this.inFlight.set(delivery.id, run);
      }
    }
    this.arm();
  }

  /** Sleeps until the next due delivery, at most pollMs (the clock may be a test's). */
  private arm(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.options.queue.nextDueAt();
    const wait = next ? Math.min(Math.max(0, next.getTime() - this.options.now().getTime()), this.pollMs) : this.pollMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
    this.timer.unref();
  }

  private async run(delivery: Delivery): Promise<void> {
    const { queue, now, log } = this.options;
    const startedAt = now().toISOString();
    let result: AttemptResult;
    try {
      result = await this.options.attempt(delivery);
    } catch (error) {
      result = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    const finished = now();
    const n = delivery.attempts + 1;
    try {
      if (result.kind === 'skipped') {
        queue.markDisabled(delivery.id, result.reason, finished);
        return;
      }
      if (result.kind === 'delivered') {
        queue.recordAttempt(
          delivery,
          { n, startedAt, finishedAt: finished.toISOString(), outcome: 'delivered', httpStatus: result.httpStatus },
          { state: 'delivered', step: delivery.step },
        );
        return;
      }
      if (result.kind === 'gone') {
        queue.recordAttempt(
          delivery,
          { n, startedAt, finishedAt: finished.toISOString(), outcome: 'disabled', httpStatus: result.httpStatus, error: result.error },
          { state: 'disabled', step: delivery.step },
        );
        this.options.onGone(delivery, result.error);
        return;
      }
      // Retry-After is the receiver's own word on when to come back; otherwise the schedule.
      const wait = result.retryAfterMs ?? nextDelayMs(delivery.step, this.options.backoff);
      const nextAttemptAt = wait === undefined ? undefined : new Date(finished.getTime() + wait).toISOString();
      queue.recordAttempt(
        delivery,
        {
          n,
          startedAt,
          finishedAt: finished.toISOString(),
          outcome: nextAttemptAt ? 'retry' : 'failed',
          httpStatus: result.httpStatus,
          error: result.error,
          nextAttemptAt,
        },
        { state: nextAttemptAt ? 'pending' : 'failed', step: delivery.step + 1 },
      );
      if (!nextAttemptAt)
        log(`handoff ${delivery.channel} ${delivery.id} to ${delivery.destination} failed for good after ${n} attempts: ${result.error}`);
    } catch (error) {
      // The database closed under us (shutdown): the delivery stays pending and resumes on start.
      log(`could not record the attempt of handoff ${delivery.id}`, error);
    }
  }
}
