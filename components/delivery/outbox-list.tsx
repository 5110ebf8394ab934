import { useEffect } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { allRecords, type OutboxRecord } from '../../utils/delivery/outbox';
import { sendMessage } from '../../utils/extension/messaging';
import { DELIVERY_MESSAGES } from '../../utils/i18n/delivery';
import { DeliveryStatusView } from './delivery-status';
import { discardTicket, retryTicket } from './outbox-actions';
import { usePolled } from './use-polled';

/** The outbox's tickets that are not delivered yet, each with its state and actions (pure). */
export function OutboxListView({
  records,
  locale,
  onRetry,
  onDiscard,
}: {
  records: OutboxRecord[];
  locale: Locale;
  onRetry?: (key: string) => void;
  onDiscard?: (key: string) => void;
}) {
  const t = DELIVERY_MESSAGES[locale];
  const pending = records.filter((r) => r.state !== 'sent');
  if (pending.length === 0) return null;
  return (
    <section className="outbox" aria-label={t.outboxTitle} data-testid="outbox-list">
      <h2>{t.outboxTitle}</h2>
      <ul>
        {pending.map((record) => (
          <li key={record.key} data-state={record.state} data-ticket-key={record.key}>
            <p className="outbox__title">{excerpt(record.ticket.description) || t.untitled}</p>
            <DeliveryStatusView record={record} loaded locale={locale} onRetry={onRetry} onDiscard={onDiscard} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function excerpt(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The outbox's undelivered tickets, for the form to show above itself. Opening it asks the
 * worker to deliver what is due: the "form opens" flush.
 */
export function OutboxList({ locale }: { locale: Locale }) {
  useEffect(() => {
    void sendMessage('flushOutbox').catch(() => {});
  }, []);
  const { value: records } = usePolled(() => allRecords(), []);
  return <OutboxListView records={records ?? []} locale={locale} onRetry={retryTicket} onDiscard={discardTicket} />;
}
