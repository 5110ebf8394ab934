/** @jsxImportSource hono/jsx */
/**
 * The handoff on a ticket's page (the `handoff` spot of server/inbox/ticket-page.tsx): each
 * delivery to support's mail and webhooks with its state and every attempt, and a "Send again"
 * form per delivery posting to the inbox's own route (cookie and Origin checked like the status
 * buttons). Destinations and errors come from receivers and the network: rendered as text only.
 */
import type { Locale } from '../../utils/contract/schemas';
import { format } from '../../utils/i18n/format';
import type { InboxText } from '../../utils/i18n/inbox';
import type { LoggedDelivery } from '../handoff/ticket-log';
import { formatInZone } from './formatting';

export interface HandoffSectionProps {
  locale: Locale;
  t: InboxText;
  timeZone: string;
  /** Whether a handoff runs beside the API; when not, one line says so (old deliveries still show). */
  configured: boolean;
  deliveries: LoggedDelivery[];
  /** The ticket's page path, `/inbox/tickets/<id>`. */
  base: string;
}

type EventKey = keyof InboxText['handoff']['events'];

export function HandoffSection(props: HandoffSectionProps) {
  const { t, locale, timeZone } = props;
  const h = t.handoff;
  const when = (at: string, seconds = false) => <time datetime={at}>{formatInZone(locale, at, timeZone, seconds)}</time>;
  const eventName = (event: string) => {
    const key = event.replace(/^ticket\./, '') as EventKey;
    return h.events[key] ? `${h.events[key]} (${event})` : event;
  };
  return (
    <section aria-labelledby="handoff-title" class="handoff" data-testid="handoff">
      <h2 id="handoff-title">{h.title}</h2>
      {!props.configured && (
        <p class="muted" data-testid="handoff-off">
          {h.notConfigured}
        </p>
      )}
      {props.configured && props.deliveries.length === 0 && <p class="muted">{h.noDelivery}</p>}
      {props.configured && props.deliveries.length > 0 && <p class="muted">{h.sendAgainNote}</p>}
      {props.deliveries.map((d) => {
        const titleId = `delivery-${d.id}`;
        return (
          <article class="delivery" data-testid="delivery" data-delivery-id={d.id} aria-labelledby={titleId}>
            <h3 id={titleId}>{format(h.deliveryTitle, { event: eventName(d.event), channel: h.channels[d.channel] })}</h3>
            <dl class="facts">
              <dt>{h.destination}</dt>
              <dd class="url">{d.destination}</dd>
              <dt>{h.state}</dt>
              <dd data-testid="delivery-state">{h.states[d.state]}</dd>
              {d.nextAttemptAt && d.state === 'pending' && (
                <>
                  <dt>{h.nextAttempt}</dt>
                  <dd>{when(d.nextAttemptAt, true)}</dd>
                </>
              )}
              {d.lastError && (
                <>
                  <dt>{h.lastError}</dt>
                  <dd class="url">{d.lastError}</dd>
                </>
              )}
              {d.endpointDisabled && (
                <>
                  <dt>{h.endpointDisabled}</dt>
                  <dd data-testid="endpoint-disabled">
                    {format(h.endpointDisabledText, {
                      at: formatInZone(locale, d.endpointDisabled.at, timeZone, true),
                      reason: d.endpointDisabled.reason,
                    })}
                  </dd>
                </>
              )}
            </dl>
            {d.attempts.length === 0 ? (
              <p class="muted">{h.noAttempt}</p>
            ) : (
              <table class="attempts" data-testid="attempts">
                <caption>{h.attemptsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{h.attemptNumber}</th>
                    <th scope="col">{h.attemptTime}</th>
                    <th scope="col">{h.outcome}</th>
                    <th scope="col">{h.httpStatus}</th>
                    <th scope="col">{h.error}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attempts.map((a) => (
                    <tr data-testid="attempt" data-outcome={a.outcome}>
                      <td>{a.n}</td>
                      <td>{when(a.startedAt, true)}</td>
                      <td>{h.outcomes[a.outcome]}</td>
                      <td>{a.httpStatus ?? t.notApplicable}</td>
                      <td class="url">{a.error ?? t.notApplicable}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {props.configured && (
              <form method="post" action={`${props.base}/handoffs/${encodeURIComponent(d.id)}/retry`}>
                <button type="submit" class="secondary" aria-describedby={titleId} data-testid="send-again">
                  {h.sendAgain}
                </button>
              </form>
            )}
          </article>
        );
      })}
    </section>
  );
}
