import { useState } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import type { OutboxRecord } from '../../utils/delivery/outbox';
import { DELIVERY_MESSAGES } from '../../utils/i18n/delivery';
import { format } from '../../utils/i18n/format';
import { attentionReasons, stateHeadline, waitingReason } from './delivery-text';
import { TicketFixForm } from './ticket-fix-form';

function clockTime(epochMs: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(epochMs);
}

const STEP = { preparing: 1, uploading: 2, confirming: 3 } as const;

/** Where one ticket stands, as read from its outbox record (pure: rendered in unit tests). */
export function DeliveryStatusView({
  record,
  loaded,
  locale,
  onRetry,
  onDiscard,
}: {
  record: OutboxRecord | undefined;
  loaded: boolean;
  locale: Locale;
  onRetry?: (key: string) => void;
  onDiscard?: (key: string) => void;
}) {
  const t = DELIVERY_MESSAGES[locale];
  const [fixing, setFixing] = useState(false);
  // Before the first read the ticket was just handed over: it is being sent.
  const state = !loaded ? 'queued' : record ? record.state : 'discarded';
  // A ticket that failed once stays "not sent yet" while the worker tries again on its own: its
  // page must not flicker between "sending" and "waiting" at every retry.
  const retrying = record?.state === 'sending' && record.attempts > 0;
  const waiting = (record?.state === 'queued' || retrying) && (record?.attempts ?? 0) > 0;
  const sending = !loaded || (!waiting && (record?.state === 'sending' || record?.state === 'queued'));
  const step = record?.state === 'sending' && record.stage ? STEP[record.stage] : 1;
  const reasons = record?.state === 'attention' ? attentionReasons(record.lastError, locale) : [];

  let headline = t.preparing;
  if (waiting) headline = t.waiting;
  else if (record) headline = stateHeadline(record, locale);
  else if (loaded) headline = t.discarded;

  return (
    <section className="delivery" data-state={state} data-ticket-key={record?.key}>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="delivery-status">
        <p className="delivery__headline">{headline}</p>
        {sending && record?.stage === 'uploading' && <p className="muted">{t.uploadingDetail}</p>}
        {waiting && (
          <>
            <p>{t.waitingHint}</p>
            <p data-testid="what-to-do">{t.whatToDo}</p>
            <p className="muted">
              {retrying
                ? t.retrying
                : `${waitingReason(record?.lastError, locale) ?? ''} ${format(t.nextTry, { time: clockTime(record?.nextAttemptAt ?? 0, locale) })}`}
            </p>
          </>
        )}
        {record?.state === 'sent' && <p className="muted">{t.sentHint}</p>}
        {record?.state === 'attention' && (
          <>
            <ul className="field-error" data-testid="attention-reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p className="muted">{t.attentionHint}</p>
          </>
        )}
      </div>
      {sending && (
        // Stages, not bytes: fetch() reports no upload progress (see utils/delivery/api-client.ts).
        <progress
          max={3}
          value={step}
          aria-label={format(t.stepOf, { step })}
          aria-valuetext={`${format(t.stepOf, { step })}: ${headline}`}
        />
      )}
      {record?.state === 'attention' && record.lastError?.message && (
        <details>
          <summary>{t.technicalDetail}</summary>
          <code>
            {record.lastError.status} {record.lastError.code}: {record.lastError.message}
          </code>
        </details>
      )}
      {fixing && record?.state === 'attention' && <TicketFixForm record={record} locale={locale} onDone={() => setFixing(false)} />}
      <div className="delivery__actions">
        {record?.state === 'attention' && onRetry && !fixing && (
          <button type="button" onClick={() => setFixing(true)}>
            {t.fix}
          </button>
        )}
        {record && (record.state === 'queued' || record.state === 'attention') && record.attempts > 0 && onRetry && (
          <button type="button" onClick={() => onRetry(record.key)}>
            {t.retryNow}
          </button>
        )}
        {record && (record.state === 'queued' || record.state === 'attention') && onDiscard && (
          <button type="button" onClick={() => onDiscard(record.key)}>
            {t.discard}
          </button>
        )}
      </div>
    </section>
  );
}
