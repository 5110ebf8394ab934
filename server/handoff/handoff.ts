/**
 * The handoff beside a running API: subscribes to its ticket events, turns each into one delivery
 * per destination (support's mailbox, the customer's acknowledgement, each webhook URL), runs the
 * worker and the deadline scheduler. Its own SQLite connection on the API's file: the events come
 * after the API's transaction committed, and WAL lets both connections work at once.
 */
import { SupportDb } from '../db';
import type { TicketEventBus } from '../events';
import { SUPPORT_TIMEZONE } from '../../utils/response-time/schedule';
import { SPEC_RETRY_DELAYS_MS, type BackoffOptions } from './backoff';
import { AT_RISK_FRACTION, AT_RISK_MS, deadlineState, minutesLeft, WAITING_STATUSES } from '../deadline';
import { customerAck, supportMail } from './mail';
import { webhookPayload, type EventDetail, type HandoffEventType } from './payload';
import { HandoffQueue, type Delivery, type NewDelivery } from './queue';
import { mailSender, type MailSender } from './send-mail';
import { sendWebhook } from './send-webhook';
import type { HandoffSettings } from './settings';
import { HandoffWorker, type AttemptResult } from './worker';

export interface StartHandoffOptions {
  /** The running API's events and URL (`startApi`'s answer). */
  api: { events: TicketEventBus; url: string };
  dataDir: string;
  settings: HandoffSettings;
  now?: () => Date;
  /** Support's timezone for the due times in support's mails (SUPPORT_TIMEZONE). */
  timeZone?: string;
  /** Tests shorten the schedule; default the spec's, with ±10 % jitter. */
  backoff?: BackoffOptions;
  pollMs?: number;
  /** How often the deadline scheduler looks; default every minute. */
  deadlineEveryMs?: number;
  webhookTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningHandoff {
  queue: HandoffQueue;
  /** Emits the deadline events that are due now (the timer calls it; tests call it directly). */
  checkDeadlines(): number;
  wake(): void;
  close(): Promise<void>;
}

export function startHandoff(options: StartHandoffOptions): RunningHandoff {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(`[handoff] ${message}`, error ?? ''));
  const store = SupportDb.open(options.dataDir, now);
  const queue = new HandoffQueue(store.db);
  const { settings } = options;
  const publicUrl = settings.publicUrl ?? options.api.url;
  const timeZone = options.timeZone ?? SUPPORT_TIMEZONE;
  const mail: MailSender | undefined = settings.email ? mailSender(settings.email.smtpUrl) : undefined;

  /** Records one event of a ticket with its deliveries; a repeated dedupe key records nothing. */
  function record(ticketId: string, type: HandoffEventType, dedupeKey: string, detail: EventDetail, at: string): boolean {
    const row = store.getTicket(ticketId);
    if (!row) return false;
    const deliveries: NewDelivery[] = [];
    if (settings.email) {
      deliveries.push({ channel: 'email', destination: settings.email.to });
      if (type === 'ticket.created' && settings.email.customerAck) deliveries.push({ channel: 'ack', destination: row.ticket.email });
    }
    for (const url of settings.webhooks?.urls ?? []) {
      const disabled = queue.endpointDisabled(url);
      deliveries.push(
        disabled
          ? { channel: 'webhook', destination: url, state: 'disabled', lastError: `endpoint disabled: ${disabled.reason}` }
          : { channel: 'webhook', destination: url },
      );
    }
    const payloadJson = webhookPayload(type, row, detail, { publicUrl, key: queue.linkKey() }, now());
    const event = queue.addEvent({ ticketId, type, dedupeKey, occurredAt: at, payloadJson }, deliveries, now());
    return event !== undefined;
  }

  async function attempt(delivery: Delivery): Promise<AttemptResult> {
    const event = queue.getEvent(delivery.eventId);
    const row = store.getTicket(delivery.ticketId);
    if (!event || !row) return { kind: 'skipped', reason: 'the ticket was deleted' };
    if (delivery.channel === 'webhook') {
      const webhooks = settings.webhooks;
      if (!webhooks?.urls.includes(delivery.destination)) return { kind: 'skipped', reason: 'the endpoint is no longer in WEBHOOK_URLS' };
      const disabled = queue.endpointDisabled(delivery.destination);
      if (disabled) return { kind: 'skipped', reason: `endpoint disabled: ${disabled.reason}` };
      return sendWebhook({
        url: delivery.destination,
        secret: webhooks.secret,
        webhookId: delivery.id,
        body: event.payloadJson,
        // The real clock, not the injected one: webhook-timestamp is checked against the
        // receiver's own clock (replay protection), and Retry-After dates are wall-clock times.
        now: new Date(),
        timeoutMs: options.webhookTimeoutMs,
      });
    }
    if (!mail || !settings.email) return { kind: 'skipped', reason: 'mail is no longer configured (SMTP_URL)' };
    if (delivery.channel === 'ack') return mail.send(customerAck({ row, settings: settings.email, now: now() }));
    const type = event.type as HandoffEventType;
    const payload = JSON.parse(event.payloadJson) as {
      data: { change?: { from: string; to: string }; deadline?: { latestReplyAt: string; minutesLeft: number } };
    };
    const detail: EventDetail = payload.data.change
      ? { kind: 'status', ...payload.data.change }
      : payload.data.deadline
        ? { kind: 'deadline', ...payload.data.deadline }
        : { kind: 'created' };
    const screenshots = type === 'ticket.created' ? row.ticket.screenshots.flatMap((s) => store.getScreenshot(row.id, s.index) ?? []) : [];
    return mail.send(
      supportMail({ type, eventId: event.id, row, detail, screenshots, settings: settings.email, publicUrl, timeZone, now: now() }),
    );
  }

  const worker = new HandoffWorker({
    queue,
    now,
    attempt,
    onGone(delivery, error) {
      queue.disableEndpoint(delivery.destination, error, now());
      // Loud: support must learn that an automation stopped receiving tickets.
      log(
        `webhook endpoint ${delivery.destination} answered 410 Gone: DISABLED; it gets nothing until support sends a delivery again (POST /v1/tickets/:id/handoffs/:deliveryId/retry)`,
      );
    },
    backoff: options.backoff ?? { delaysMs: SPEC_RETRY_DELAYS_MS, jitter: 0.1 },
    pollMs: options.pollMs,
    log,
  });

  const offCreated = options.api.events.on('ticket.created', (e) => {
    if (record(e.ticketId, 'ticket.created', `${e.ticketId}:ticket.created`, { kind: 'created' }, e.at)) worker.wake();
  });
  const offStatus = options.api.events.on('ticket.status_changed', (e) => {
    const detail: EventDetail = { kind: 'status', from: e.from, to: e.to, ...(e.by ? { by: e.by } : {}) };
    if (record(e.ticketId, 'ticket.status_changed', `${e.ticketId}:status:${e.at}:${e.to}`, detail, e.at)) worker.wake();
  });

  function checkDeadlines(): number {
    const at = now();
    // Runs every minute over every waiting ticket: the summaries' columns (kept by triggers from
    // the stored promise, server/ticket-summaries.ts) let SQLite keep only the tickets near their
    // deadline, and give their clock start and due time without parsing the promise. The filter
    // is a minute generous (julianday arithmetic is in floating point); deadlineState decides.
    // Only tickets the handoff announced: turning the handoff on must not flood support with
    // "overdue" for every old ticket.
    const rows = store.db
      .prepare(
        `SELECT t.id, s.clock_starts_at AS clockStartsAt, s.due_at AS latestReplyAt
         FROM ticket_summaries s JOIN tickets t ON t.id = s.ticket_id
         WHERE s.status IN (${WAITING_STATUSES.map(() => '?').join(',')})
           AND (julianday(s.due_at) - julianday(?)) * 86400000.0 - 60000
               <= max(?, (julianday(s.due_at) - julianday(s.clock_starts_at)) * 86400000.0 * ?)
           AND t.promise_json IS NOT NULL
           AND EXISTS (SELECT 1 FROM handoff_events e WHERE e.dedupe_key = t.id || ':ticket.created')
           AND NOT EXISTS (SELECT 1 FROM handoff_events e WHERE e.dedupe_key = t.id || ':ticket.deadline_overdue')`,
      )
      .all(...WAITING_STATUSES, at.toISOString(), AT_RISK_MS, AT_RISK_FRACTION) as {
      id: string;
      clockStartsAt: string;
      latestReplyAt: string;
    }[];
    let emitted = 0;
    for (const row of rows) {
      const state = deadlineState(row, at);
      if (state === 'on-time') continue;
      // A ticket found already overdue (the API was down) gets "overdue" only, never "at risk" after it.
      const type: HandoffEventType = state === 'overdue' ? 'ticket.deadline_overdue' : 'ticket.deadline_at_risk';
      const key = `${row.id}:${type}`;
      if (queue.hasEvent(key)) continue;
      const detail: EventDetail = {
        kind: 'deadline',
        latestReplyAt: row.latestReplyAt,
        minutesLeft: minutesLeft(row.latestReplyAt, at),
      };
      if (record(row.id, type, key, detail, at.toISOString())) emitted++;
    }
    if (emitted > 0) worker.wake();
    return emitted;
  }

  const deadlineTimer = setInterval(() => {
    try {
      checkDeadlines();
    } catch (error) {
      log('the deadline check failed', error);
    }
  }, options.deadlineEveryMs ?? 60_000);
  deadlineTimer.unref();

  // A ticket stored while the handoff was not listening (a crash between the ticket's commit and
  // its event, the moment between the API's start and this one, or a run with the handoff off)
  // is announced now. Only after the first ticket the handoff ever announced: turning it on for
  // the first time must not mail support the whole history.
  const missed = store.db
    .prepare(
      `SELECT t.id, t.received_at FROM tickets t
       WHERE t.received_at >= (SELECT min(occurred_at) FROM handoff_events)
         AND NOT EXISTS (SELECT 1 FROM handoff_events e WHERE e.dedupe_key = t.id || ':ticket.created')
       ORDER BY t.received_at`,
    )
    .all() as { id: string; received_at: string }[];
  for (const ticket of missed) record(ticket.id, 'ticket.created', `${ticket.id}:ticket.created`, { kind: 'created' }, ticket.received_at);
  if (missed.length > 0) log(`announced ${missed.length} ticket(s) stored while the handoff was not running`);

  for (const url of settings.webhooks?.urls ?? []) {
    const disabled = queue.endpointDisabled(url);
    if (disabled)
      log(`webhook endpoint ${url} is DISABLED since ${disabled.at} (${disabled.reason}); sending one of its deliveries again enables it`);
  }

  // Deliveries left pending by the last run (or a crash) are due: resume them now.
  worker.wake();

  return {
    queue,
    checkDeadlines,
    wake: () => worker.wake(),
    async close() {
      offCreated();
      offStatus();
      clearInterval(deadlineTimer);
      await worker.close();
      mail?.close();
      store.close();
    },
  };
}
