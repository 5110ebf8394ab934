import { useEffect, useRef } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { DeliveryStatus } from '../delivery/delivery-status';
import { PromiseSummary } from '../response-time/promise-summary';
import { NextSteps } from './next-steps';
import type { SentTicket } from './use-send-ticket';

/**
 * After Send: the ticket's delivery (its reference once support has it), the response promise
 * made when it was sent, and what happens next. Focus moves here, so that keyboard and
 * screen-reader users are not left on a button that is gone.
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
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="sent" ref={box} tabIndex={-1}>
      <DeliveryStatus ticketKey={sent.key} locale={locale} onNewTicket={onNewTicket} />
      <PromiseSummary promise={sent.promise} locale={locale} timeZone={timeZone} />
      <NextSteps promise={sent.promise} email={sent.email} locale={locale} />
    </div>
  );
}
