/** @jsxImportSource hono/jsx */
/**
 * One ticket: the header support replies from (reference, mailto with the reference in the
 * subject, language, draw link, Page or username, account e-mail, promise and due time), the
 * status buttons with their history, the screenshots, the evidence tabs and the exports.
 * Everything from the ticket is rendered as text; the draw link is a link only when it is http(s).
 */
import type { Child } from 'hono/jsx';
import type { Locale, TicketStatus, TicketSummary } from '../../utils/contract/schemas';
import { format, formatBytes } from '../../utils/i18n/format';
import type { InboxText } from '../../utils/i18n/inbox';
import type { TicketRow } from '../db';
import type { StatusChange } from '../status-history';
import { deadlineBadge } from './deadline';
import { EvidenceTabs } from './evidence-tabs';
import { formatInZone } from './formatting';
import { Layout } from './layout';
import { ScrubbedText } from './scrubbed-text';

export interface TicketPageProps {
  locale: Locale;
  t: InboxText;
  timeZone: string;
  now: Date;
  row: TicketRow;
  summary: TicketSummary;
  history: StatusChange[];
  /**
   * The spot for the handoff to support's e-mail and webhooks (its attempts, shown by that
   * feature when it lands): rendered between the status and the screenshots. Nothing until then.
   */
  handoff?: Child;
}

const STATUS_BUTTONS: TicketStatus[] = ['acknowledged', 'answered', 'closed', 'spam'];

export function TicketPage(props: TicketPageProps) {
  const { t, row, locale } = props;
  const ticket = row.ticket;
  const base = `/inbox/tickets/${encodeURIComponent(row.id)}`;
  const badge = deadlineBadge(props.summary, props.now);
  const drawUrl = ticket.context.url && /^https?:\/\//i.test(ticket.context.url) ? ticket.context.url : undefined;
  const mailto = `mailto:${encodeURIComponent(ticket.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(`[${row.reference}] Osortoo`)}`;
  const promise = row.promise;
  const dd = (value: string | undefined) =>
    value ? <ScrubbedText text={value} title={t.scrubbed} /> : <span class="muted">{t.notGiven}</span>;
  return (
    <Layout locale={locale} t={t} title={row.reference} signedIn>
      <p>
        <a href="/inbox">{t.backToQueue}</a>
      </p>
      <h1 data-testid="ticket-reference">{row.reference}</h1>
      <p>
        <span class={`badge badge-${badge}`} data-testid="badge">
          {t.badge[badge]}
        </span>{' '}
        <span data-testid="ticket-status">{format(t.currentStatus, { status: t.statuses[row.status] })}</span>
      </p>
      <dl class="facts">
        <dt>{t.customerEmail}</dt>
        <dd>
          <a href={mailto} data-testid="mailto">
            {ticket.email}
          </a>
        </dd>
        <dt>{t.language}</dt>
        <dd>{t.languages[ticket.locale]}</dd>
        <dt>{t.category}</dt>
        <dd>{t.categories[ticket.category]}</dd>
        <dt>{t.drawLink}</dt>
        <dd>
          {drawUrl ? (
            <a href={drawUrl} rel="noopener noreferrer" target="_blank" data-testid="draw-link">
              <ScrubbedText text={drawUrl} title={t.scrubbed} />
            </a>
          ) : (
            <span class="muted">{t.noDrawLink}</span>
          )}
        </dd>
        <dt>{t.platform}</dt>
        <dd>{ticket.context.platform ? t.platforms[ticket.context.platform] : <span class="muted">{t.notGiven}</span>}</dd>
        <dt>{t.pageOrUsername}</dt>
        <dd>{dd(ticket.context.pageOrUsername)}</dd>
        <dt>{t.accountEmail}</dt>
        <dd>{dd(ticket.context.accountEmail)}</dd>
        {ticket.knownProblem && (
          <>
            <dt>{t.knownProblem}</dt>
            <dd>
              <strong>{ticket.knownProblem.id}</strong> ({format(t.matched, { signature: ticket.knownProblem.matched })})
            </dd>
          </>
        )}
        <dt>{t.promise}</dt>
        <dd>
          {promise
            ? `${format(t.promiseText, { min: promise.window.minHours, max: promise.window.maxHours, mode: t.mode[promise.mode] })}${
                promise.acknowledgmentFirst ? `, ${t.acknowledgmentFirst}` : ''
              }`
            : t.notGiven}
        </dd>
        <dt>{t.dueAt}</dt>
        <dd>
          <time datetime={props.summary.dueAt} data-testid="due-at">
            {formatInZone(locale, props.summary.dueAt, props.timeZone)}
          </time>
        </dd>
        <dt>{t.receivedAt}</dt>
        <dd>
          <time datetime={row.receivedAt}>{formatInZone(locale, row.receivedAt, props.timeZone)}</time>
        </dd>
      </dl>

      <section aria-labelledby="description-title">
        <h2 id="description-title">{t.description}</h2>
        <p class="description" data-testid="description">
          <ScrubbedText text={ticket.description} title={t.scrubbed} />
        </p>
      </section>

      <section aria-labelledby="status-title" class="status">
        <h2 id="status-title">{t.changeStatus}</h2>
        <form method="post" action={`${base}/status`} class="status-buttons">
          <input type="hidden" name="back" value={base} />
          {STATUS_BUTTONS.map((status) => (
            <button type="submit" name="status" value={status} class="secondary" aria-pressed={row.status === status ? 'true' : 'false'}>
              {format(t.setStatus, { status: t.statuses[status] })}
            </button>
          ))}
        </form>
        <h3>{t.history}</h3>
        {props.history.length === 0 ? (
          <p class="muted">{t.historyEmpty}</p>
        ) : (
          <ol class="history" data-testid="history">
            {props.history.map((change) => (
              <li>
                <time datetime={change.at}>{formatInZone(locale, change.at, props.timeZone)}</time>{' '}
                {format(t.historyEntry, { from: t.statuses[change.from], to: t.statuses[change.to], by: change.by ?? t.unknownActor })}
              </li>
            ))}
          </ol>
        )}
      </section>

      {props.handoff}

      <section aria-labelledby="screenshots-title">
        <h2 id="screenshots-title">{t.screenshots}</h2>
        {ticket.screenshots.length === 0 ? (
          <p class="muted">{t.noScreenshots}</p>
        ) : (
          <div class="shots">
            {ticket.screenshots.map((shot) => {
              const number = shot.index + 1;
              const src = `${base}/screenshots/${shot.index}`;
              return (
                <figure class="shot" data-testid="screenshot">
                  <img src={src} alt={format(t.screenshotAlt, { number })} width={shot.width} height={shot.height} loading="lazy" />
                  <figcaption>
                    {format(t.screenshotMeta, {
                      source: shot.source,
                      width: shot.width,
                      height: shot.height,
                      size: formatBytes(shot.bytes, locale),
                    })}
                    {shot.edited ? `, ${t.screenshotEdited}` : ''}{' '}
                    <button type="button" class="secondary" data-zoom aria-pressed="false">
                      {format(t.zoom, { number })}
                    </button>{' '}
                    <a href={`${src}?download=1`} download>
                      {format(t.download, { number })}
                    </a>
                  </figcaption>
                </figure>
              );
            })}
          </div>
        )}
      </section>

      <EvidenceTabs t={t} locale={locale} row={row} base={base} />

      <p class="exports">
        <a href={`${base}/export.zip`} data-testid="export-zip">
          {t.exportZip}
        </a>
      </p>
    </Layout>
  );
}
