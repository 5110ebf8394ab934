import { useEffect, useState } from 'react';
import type { Locale } from '../utils/contract';
import { getRecord, type OutboxRecord } from '../utils/outbox';
import { MESSAGES, format } from '../utils/i18n';

/** Where the ticket stands, read from the outbox the worker updates, announced to screen readers. */
export function DeliveryStatus({ ticketKey, locale, onNewTicket }: { ticketKey: string; locale: Locale; onNewTicket: () => void }) {
  const t = MESSAGES[locale];
  const [record, setRecord] = useState<OutboxRecord>();
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const next = await getRecord(ticketKey);
      if (live) setRecord(next);
    };
    void poll();
    const timer = setInterval(poll, 400);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ticketKey]);

  let text = t.sending;
  if (record?.state === 'queued' && record.attempts > 0) text = t.queued;
  if (record?.state === 'sent' && record.result) text = format(t.sent, { reference: record.result.reference });
  if (record?.state === 'attention') text = format(t.attention, { reason: record.lastError?.message ?? '' });

  return (
    <section className="delivery" data-state={record?.state ?? 'sending'}>
      <p role="status" aria-live="polite" data-testid="delivery-status">{text}</p>
      {record?.state === 'sent' && record.result && <p className="reference" data-testid="ticket-reference">{record.result.reference}</p>}
      <button type="button" onClick={onNewTicket}>{t.newTicket}</button>
    </section>
  );
}
