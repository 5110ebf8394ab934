import { useEffect, useRef } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { getRecord } from '../../utils/delivery/outbox';
import { DELIVERY_MESSAGES } from '../../utils/i18n/delivery';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { DeliveryStatusView } from '../delivery/delivery-status';
import { discardTicket, retryTicket } from '../delivery/outbox-actions';
import { usePolled } from '../delivery/use-polled';
import { PromiseSummary } from '../response-time/promise-summary';
import { NextSteps } from './next-steps';
import type { SentTicket } from './use-send-ticket';

/**
 * After Send, two clearly different pages. Until support has the ticket it is "not sent yet":
 * where it stands, that it keeps trying on its own and what the customer can do; no promise and
 * no next steps, which would be untrue. Once delivered, the page turns into the confirmation: a
 * success mark, the reference once, the promise made when it was sent, what happens next, and
 * "New ticket" last. Focus moves here, so that keyboard and screen-reader users are not left on
 * a button that is gone.
 */
export function SentStep({
  sent,
  locale,
  timeZone,
  onNewTicket,
}: {
  sent: SentTicket;
  locale: Locale;
  timeZone: string;
  onNewTicket: () => void;
}) {
  const t = FORM_MESSAGES[locale];
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const { value: record, loaded } = usePolled(() => getRecord(sent.key), [sent.key]);
  const delivered = record?.state === 'sent' && record.result !== undefined;
  return (
    <div className="sent" ref={box} tabIndex={-1} data-testid="sent-step" data-delivered={delivered}>
      {delivered ? (
        <>
          {/* One live region: the success and the reference are announced together. */}
          <div role="status" data-testid="sent-success">
            <div className="sent__success">
              <span className="sent__mark" aria-hidden="true">
                ✓
              </span>
              <h2 className="sent__title">{t.sentTitle}</h2>
            </div>
            <p className="sent__reference">
              {t.referenceLabel}{' '}
              <strong className="reference" data-testid="ticket-reference">
                {record.result?.reference}
              </strong>
            </p>
          </div>
          <p className="muted">{t.referenceHint}</p>
          <PromiseSummary promise={sent.promise} locale={locale} timeZone={timeZone} />
          <NextSteps promise={sent.promise} email={sent.email} locale={locale} />
        </>
      ) : (
        <DeliveryStatusView record={record} loaded={loaded} locale={locale} onRetry={retryTicket} onDiscard={discardTicket} />
      )}
      <div className="sent__actions">
        <button type="button" className="secondary" onClick={onNewTicket}>
          {DELIVERY_MESSAGES[locale].newTicket}
        </button>
      </div>
    </div>
  );
}
