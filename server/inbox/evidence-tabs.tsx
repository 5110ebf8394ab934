/** @jsxImportSource hono/jsx */
/**
 * The evidence in tabs: Shown to the customer, Console (level filter, counts, folded repeats),
 * Network, Environment, Raw JSON. Every panel is in the page; assets/inbox.js turns the list into
 * tabs (without it, all panels show one after the other). Scrubbed values are marked.
 */
import type { DiagnosticEntry, Locale } from '../../utils/contract/schemas';
import { format, plural } from '../../utils/i18n/format';
import type { InboxText } from '../../utils/i18n/inbox';
import type { TicketRow } from '../db';
import { hasScrubbed, ScrubbedText } from './scrubbed-text';

type Entry<K extends DiagnosticEntry['kind']> = Extract<DiagnosticEntry, { kind: K }>;
type ConsoleLike = Entry<'console' | 'uncaught' | 'rejection' | 'csp'>;

export function EvidenceTabs(props: { t: InboxText; locale: Locale; row: TicketRow; base: string }) {
  const { t, locale, row } = props;
  const { diagnostics } = row.ticket;
  const entries = diagnostics.entries;
  const shown = entries.filter((e): e is Entry<'shown'> => e.kind === 'shown');
  const consoleEntries = entries.filter((e): e is ConsoleLike => ['console', 'uncaught', 'rejection', 'csp'].includes(e.kind));
  const network = entries.filter((e): e is Entry<'network' | 'resource'> => e.kind === 'network' || e.kind === 'resource');
  const raw = JSON.stringify(
    { id: row.id, reference: row.reference, status: row.status, ticket: row.ticket, promise: row.promise },
    null,
    2,
  );
  const tabs = [
    ['shown', t.tabShown, shown.length],
    ['console', t.tabConsole, consoleEntries.length],
    ['network', t.tabNetwork, network.length],
    ['environment', t.tabEnvironment, undefined],
    ['raw', t.tabRaw, undefined],
  ] as const;
  const text = (value: string) => <ScrubbedText text={value} title={t.scrubbed} />;
  const count = (n: number) =>
    n > 1 ? (
      <span class="repeat" title={format(t.repeatedLabel, { count: n })}>
        {format(t.repeated, { count: n })}
        <span class="visually-hidden">{` (${format(t.repeatedLabel, { count: n })})`}</span>
      </span>
    ) : null;
  const countBy = (test: (e: ConsoleLike) => boolean) => consoleEntries.filter(test).reduce((sum, e) => sum + e.count, 0);
  return (
    <section aria-labelledby="evidence-title" class="evidence">
      <h2 id="evidence-title">{t.evidence}</h2>
      <div class="notes">
        {diagnostics.leftOut > 0 && <p data-testid="left-out">{plural(locale, t.leftOut, diagnostics.leftOut)}</p>}
        {diagnostics.dropped > 0 && <p>{plural(locale, t.dropped, diagnostics.dropped)}</p>}
        {diagnostics.missing?.includes('page-snapshot') && <p>{t.missingSnapshot}</p>}
        {hasScrubbed(raw) && (
          <p>
            <mark class="scrubbed">[removed: …]</mark> {t.scrubbedNote}
          </p>
        )}
      </div>
      <div role="tablist" aria-label={t.evidence} class="tabs" data-tabs>
        {tabs.map(([id, label, n], i) => (
          <button type="button" role="tab" id={`tab-${id}`} aria-controls={`panel-${id}`} aria-selected={i === 0 ? 'true' : 'false'}>
            {n === undefined ? label : `${label} (${n})`}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="panel-shown" aria-labelledby="tab-shown" tabindex={0}>
        {shown.length === 0 ? (
          <p class="muted">{t.noEntries}</p>
        ) : (
          <ul class="shown" data-testid="shown-entries">
            {shown.map((e) => (
              <li>
                <strong>{t.shownVia[e.via]}</strong> {text(e.message)} {count(e.count)}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div role="tabpanel" id="panel-console" aria-labelledby="tab-console" tabindex={0}>
        <p data-testid="console-counts">
          {format(t.consoleCounts, {
            errors: countBy((e) => e.kind === 'console' && e.level === 'error'),
            warnings: countBy((e) => e.kind === 'console' && e.level === 'warn'),
            uncaught: countBy((e) => e.kind === 'uncaught'),
            rejections: countBy((e) => e.kind === 'rejection'),
            csp: countBy((e) => e.kind === 'csp'),
          })}
        </p>
        <label for="console-level">{t.level}</label>{' '}
        <select id="console-level" data-level-filter>
          <option value="">{t.levelAll}</option>
          <option value="error">error</option>
          <option value="warn">warn</option>
        </select>
        {consoleEntries.length === 0 ? (
          <p class="muted">{t.noEntries}</p>
        ) : (
          <table class="entries" data-testid="console-entries">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.message}</th>
              </tr>
            </thead>
            <tbody>
              {consoleEntries.map((e) => {
                const level = e.kind === 'console' ? e.level : 'error';
                const stack = 'stack' in e ? e.stack : undefined;
                return (
                  <tr data-level={level} data-testid="console-entry">
                    <td>{Math.round(e.t)}</td>
                    <td>{e.kind === 'console' ? `console.${e.level}` : e.kind}</td>
                    <td>
                      <span class="message">{text(e.kind === 'csp' ? `${e.directive} ${e.blockedUrl} ${e.message}` : e.message)}</span>{' '}
                      {count(e.count)}
                      {stack && <pre class="stack">{text(stack)}</pre>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>

      <div role="tabpanel" id="panel-network" aria-labelledby="tab-network" tabindex={0}>
        {network.length === 0 ? (
          <p class="muted">{t.noEntries}</p>
        ) : (
          <table class="entries" data-testid="network-entries">
            <thead>
              <tr>
                <th scope="col">{t.method}</th>
                <th scope="col">{t.url}</th>
                <th scope="col">{t.httpStatus}</th>
                <th scope="col">{t.duration}</th>
                <th scope="col">{t.body}</th>
              </tr>
            </thead>
            <tbody>
              {network.map((e) =>
                e.kind === 'network' ? (
                  <tr data-testid="network-entry">
                    <td>{e.method}</td>
                    <td class="url">
                      {text(e.url)} {count(e.count)}
                    </td>
                    <td>{e.status === 0 ? t.failedNoAnswer : String(e.status)}</td>
                    <td>{Math.round(e.durationMs)}</td>
                    <td>{e.body ? <pre class="body">{text(e.body)}</pre> : ''}</td>
                  </tr>
                ) : (
                  <tr data-testid="network-entry">
                    <td>{`<${e.tag}>`}</td>
                    <td class="url">
                      {text(e.url)} {count(e.count)}
                    </td>
                    <td>{t.failedNoAnswer}</td>
                    <td />
                    <td>{text(e.message)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </div>

      <div role="tabpanel" id="panel-environment" aria-labelledby="tab-environment" tabindex={0}>
        <Environment t={t} row={row} />
      </div>

      <div role="tabpanel" id="panel-raw" aria-labelledby="tab-raw" tabindex={0}>
        <p>
          <a href={`${props.base}/ticket.json`} download>
            {t.downloadJson}
          </a>
        </p>
        <pre class="raw" data-testid="raw-json">
          {text(raw)}
        </pre>
      </div>
    </section>
  );
}

function Environment(props: { t: InboxText; row: TicketRow }) {
  const { t } = props;
  const env = props.row.ticket.environment;
  const pairs: [string, string][] = [
    [t.browser, `${env.browser.name} ${env.browser.version}`],
    [t.os, `${env.os.name} ${env.os.version}`],
    [t.device, [env.device.type, env.device.vendor, env.device.model].filter(Boolean).join(' ')],
    [t.screen, `${env.screen.width} × ${env.screen.height} @${env.devicePixelRatio}x`],
    [t.viewport, `${env.viewport.width} × ${env.viewport.height}`],
    [t.languagesList, env.languages.join(', ')],
    [t.timezone, env.timezone],
    [t.online, env.online ? t.yes : t.no],
    [t.extensionVersion, env.extensionVersion],
    [t.userAgent, env.userAgent],
  ];
  return (
    <dl class="facts" data-testid="environment">
      {pairs.map(([name, value]) => (
        <>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
