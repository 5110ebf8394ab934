import { useCallback, useEffect, useId, useState } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { allRecords } from '../../utils/delivery/outbox';
import { fetchTicketStatus, myTicketRows, type StatusOutcome } from '../../utils/delivery/my-tickets';
import { markAllSeen, maskEmail, watchItem, type WatchState } from '../../utils/delivery/ticket-watch';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { MY_TICKETS_MESSAGES } from '../../utils/i18n/my-tickets';
import { format, formatDateTime, formatTime, plural } from '../../utils/i18n/format';
import { OutboxList } from './outbox-list';
import { usePolled } from './use-polled';

/** How often the outbox is re-read while the list is shown (local, cheap: a just-sent ticket appears). */
const OUTBOX_POLL_MS = 1000;

/**
 * "My tickets": every ticket sent from this browser. Sent ones show support's live status,
 * read when the list opens, every `refreshMs` while it stays open, and on "Refresh"; tickets
 * still waiting or refused are the outbox's list (with its retry and discard actions). A status
 * that cannot be read keeps the last one seen, with the reason. The statuses the worker read
 * while the popup was closed (utils/delivery/ticket-watch.ts) show at once, and opening the list
 * marks their changes seen, which clears the toolbar badge. An answered ticket says where the
 * answer is: the customer's mailbox, its address masked.
 */
export function MyTickets({ apiUrl, locale, refreshMs, active }: { apiUrl: string; locale: Locale; refreshMs: number; active: boolean }) {
  const t = MY_TICKETS_MESSAGES[locale];
  // A ticket's category as the form named it.
  const categories = FORM_MESSAGES[locale].categories;
  const titleId = useId();
  const [statuses, setStatuses] = useState<
    Record<string, { last?: StatusOutcome & { ok: true }; failure?: StatusOutcome & { ok: false } }>
  >({});
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date>();

  // The outbox, re-read while shown: every ticket, so that "none sent" is said only when true.
  const { value: all } = usePolled(async () => myTicketRows(await allRecords()), [], {
    enabled: active,
    intervalMs: OUTBOX_POLL_MS,
  });
  const rows = all?.filter((row) => row.state === 'sent');
  // What the worker read while the popup was closed; seen as soon as the list is shown.
  const [watched, setWatched] = useState<WatchState>({});
  useEffect(() => {
    if (!active) return;
    const show = (state: WatchState | null) => {
      setWatched(state ?? {});
      if (state && Object.values(state).some((ticket) => ticket.unseen)) void markAllSeen().catch(() => {});
    };
    void watchItem.getValue().then(show);
    return watchItem.watch(show);
  }, [active]);

  const sentKeys = (rows ?? [])
    .filter((row) => row.state === 'sent')
    .map((row) => row.key)
    .join(',');

  const refresh = useCallback(async () => {
    const sent = myTicketRows(await allRecords()).filter((row) => row.state === 'sent' && row.result);
    if (sent.length === 0) return;
    setChecking(true);
    const outcomes = await Promise.all(sent.map(async (row) => [row.key, await fetchTicketStatus(apiUrl, row.result!)] as const));
    setStatuses((current) => {
      const next = { ...current };
      for (const [key, outcome] of outcomes) next[key] = outcome.ok ? { last: outcome } : { last: current[key]?.last, failure: outcome };
      return next;
    });
    setChecking(false);
    setCheckedAt(new Date());
  }, [apiUrl]);

  // Live status: when shown, when a ticket joins the sent ones, and every refreshMs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sentKeys is the trigger: a ticket that joins the sent ones is read at once.
  useEffect(() => {
    if (!active) return;
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [active, refresh, refreshMs, sentKeys]);

  return (
    <section className="my-tickets" aria-labelledby={titleId} data-testid="my-tickets">
      <div className="my-tickets__head">
        <h2 id={titleId}>{t.myTicketsTitle}</h2>
        <button type="button" className="secondary" onClick={() => void refresh()} disabled={checking}>
          {t.refresh}
        </button>
      </div>
      <p role="status" className="muted">
        {checking ? t.refreshing : checkedAt ? format(t.checkedAt, { time: formatTime(locale, checkedAt) }) : ''}
      </p>
      {active && <OutboxList locale={locale} />}
      {rows === undefined ? null : rows.length === 0 ? (
        <p data-testid="my-tickets-empty">{all?.length ? t.myTicketsNoneDelivered : t.myTicketsEmpty}</p>
      ) : (
        <>
          <p className="muted">{plural(locale, t.ticketsSummary, rows.length)}</p>
          <ul className="my-tickets__list">
            {rows.map((row) => {
              const status = statuses[row.key];
              const current = status?.last?.ticket.status ?? watched[row.key]?.status;
              return (
                <li key={row.key} className="my-ticket" data-state={row.state} data-testid="my-ticket" data-status={current ?? ''}>
                  <p className="my-ticket__head">
                    <strong className="my-ticket__reference" data-testid="my-ticket-reference">
                      {row.result?.reference ?? '—'}
                    </strong>
                    <span className="my-ticket__status" data-testid="my-ticket-status">
                      {row.state === 'pending'
                        ? t.ticketStatusPending
                        : row.state === 'attention'
                          ? t.ticketStatusAttention
                          : current === 'answered'
                            ? format(t.answeredWhere, { status: t.ticketStatus.answered, email: maskEmail(row.email) })
                            : current
                              ? t.ticketStatus[current]
                              : '…'}
                    </span>
                  </p>
                  <p className="muted">
                    {categories[row.category]} ·{' '}
                    {format(t.sentOn, { date: formatDateTime(locale, row.result?.receivedAt ?? row.createdAt) })}
                  </p>
                  <p className="my-ticket__description">
                    {row.description.length > 120 ? `${row.description.slice(0, 117)}…` : row.description}
                  </p>
                  {status?.failure && <p className="field-error">{t.statusUnavailable[status.failure.reason]}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
