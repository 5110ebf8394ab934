/** @jsxImportSource hono/jsx */
/**
 * The queue: mailboxes, filters and search, this week's figures, and one row per ticket with its
 * deadline badge. Open tickets come awaiting-a-reply first, by first-reply deadline; Closed and
 * Spam newest first. j/k/Enter/e come from assets/inbox.js; without it every link and button works.
 */
import type { Locale, TicketSummary } from '../../utils/contract/schemas';
import { format } from '../../utils/i18n/format';
import type { InboxText } from '../../utils/i18n/inbox';
import type { Mailbox } from '../ticket-summaries';
import { deadlineBadge } from './deadline';
import { formatInZone } from './formatting';
import { Layout } from './layout';
import { type QueueFilters, queueHref } from './queue-filters';
import { ScrubbedText } from './scrubbed-text';
import { WeekStrip } from './week-strip';
import type { WeekFigures } from './week-figures';

export interface QueueProps {
  locale: Locale;
  t: InboxText;
  timeZone: string;
  now: Date;
  filters: QueueFilters;
  counts: Record<Mailbox, number>;
  tickets: TicketSummary[];
  nextCursor?: string;
  knownProblems: string[];
  week: WeekFigures;
  /** The address of this very page, where a status change returns. */
  here: string;
}

const MAILBOXES: Mailbox[] = ['open', 'closed', 'spam'];

export function QueuePage(props: QueueProps) {
  const { t, filters } = props;
  const select = (name: keyof QueueFilters, label: string, options: [string, string][]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{t.anyValue}</option>
        {options.map(([value, text]) => (
          <option value={value} selected={filters[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout locale={props.locale} t={t} title={t.mailbox[filters.mailbox]} signedIn>
      <h1>{t.inboxTitle}</h1>
      <WeekStrip t={t} locale={props.locale} week={props.week} />
      <nav aria-label={t.mailboxes} class="mailboxes">
        {MAILBOXES.map((mailbox) => (
          <a
            href={queueHref({ mailbox })}
            aria-current={mailbox === filters.mailbox ? 'page' : undefined}
            data-testid={`mailbox-${mailbox}`}
          >
            {`${t.mailbox[mailbox]} (${props.counts[mailbox]})`}
          </a>
        ))}
      </nav>
      <search>
        <form method="get" action="/inbox" class="filters" aria-label={t.filters}>
          <input type="hidden" name="mailbox" value={filters.mailbox} />
          <div class="field wide">
            <label for="filter-text">{t.search}</label>
            <input id="filter-text" type="search" name="text" value={filters.text ?? ''} maxlength={200} />
          </div>
          {select('status', t.status, Object.entries(t.statuses))}
          {select('category', t.category, Object.entries(t.categories))}
          {select('platform', t.platform, Object.entries(t.platforms))}
          {select('knownProblem', t.knownProblem, [
            ['any', t.anyKnownProblem],
            ...props.knownProblems.map((id): [string, string] => [id, id]),
          ])}
          <button type="submit">{t.apply}</button>
          <a href={queueHref({ mailbox: filters.mailbox })}>{t.clearFilters}</a>
        </form>
      </search>
      <p class="muted">{t.keyboardHelp}</p>
      {props.tickets.length === 0 ? (
        <p data-testid="queue-empty">{t.noTickets}</p>
      ) : (
        <table class="queue" data-testid="queue">
          <caption>{filters.mailbox === 'open' ? t.queueCaption : t.listCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.due}</th>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.platform}</th>
              <th scope="col">{t.category}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.description}</th>
              <th scope="col">{t.knownProblem}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {props.tickets.map((ticket) => (
              <QueueRow ticket={ticket} {...props} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pages" aria-label={t.nextPage}>
        {filters.cursor && <a href={queueHref({ ...filters, cursor: undefined })}>{t.firstPage}</a>}
        {props.nextCursor && (
          <a href={queueHref({ ...filters, cursor: props.nextCursor })} rel="next" data-testid="next-page">
            {t.nextPage}
          </a>
        )}
      </nav>
    </Layout>
  );
}

function QueueRow(props: QueueProps & { ticket: TicketSummary }) {
  const { t, ticket } = props;
  const badge = deadlineBadge(ticket, props.now);
  const open = ticket.status !== 'closed' && ticket.status !== 'spam';
  return (
    <tr data-row data-testid="queue-row" data-reference={ticket.reference} data-badge={badge}>
      <td>
        <span class={`badge badge-${badge}`} data-testid="badge">
          {t.badge[badge]}
        </span>{' '}
        <time datetime={ticket.dueAt}>{formatInZone(props.locale, ticket.dueAt, props.timeZone)}</time>
      </td>
      <td>
        <a href={`/inbox/tickets/${encodeURIComponent(ticket.id)}`} class="reference" data-open>
          {ticket.reference}
        </a>
      </td>
      <td>{ticket.platform ? t.platforms[ticket.platform] : '—'}</td>
      <td>{t.categories[ticket.category]}</td>
      <td class="email">{ticket.email}</td>
      <td class="first-line">
        <ScrubbedText text={ticket.firstLine} title={t.scrubbed} />
      </td>
      <td>{ticket.knownProblem ?? '—'}</td>
      <td>
        {open && (
          <form method="post" action={`/inbox/tickets/${encodeURIComponent(ticket.id)}/status`}>
            <input type="hidden" name="status" value="closed" />
            <input type="hidden" name="back" value={props.here} />
            <button type="submit" class="secondary" data-close aria-label={format(t.closeTicketNamed, { reference: ticket.reference })}>
              {t.closeTicket}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
