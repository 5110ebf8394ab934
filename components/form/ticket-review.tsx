import { useEffect, useId, useRef, useState } from 'react';
import type { DiagnosticEntry, Locale, Ticket } from '../../utils/contract/schemas';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { format, plural } from '../../utils/i18n/format';
import { describeEnvironment } from '../../utils/diagnosis/environment';
import { TechnicalDataRow } from './technical-data-row';
import { KNOWN_PROBLEM_MESSAGES } from '../../utils/i18n/known-problems';
import { summarizeCapture } from '../../utils/form/capture-summary';
import { entryText } from './entry-text';

export interface ReviewProps {
  /** The ticket exactly as it will be sent (left-out entries already removed). */
  ticket: Ticket;
  /** Every captured entry, with whether it is included; `onToggle` switches one. */
  entries: { entry: DiagnosticEntry; included: boolean }[];
  onToggle: (index: number, included: boolean) => void;
  /** Firefox: whether the environment may travel, and how to allow it (use-technical-data.ts). */
  technicalData?: { allowed: boolean; ask: () => void };
  /** The screenshot bytes as they will be sent, index for index with ticket.screenshots. */
  blobs: Blob[];
  locale: Locale;
  sending: boolean;
  /** Set when the last attempt to hand the ticket over failed (announced). */
  error?: string;
  onBack: () => void;
  onSend: () => void;
}

/**
 * The review step: every field of the ticket, what the page recorded in one plain sentence with
 * the raw entries folded under "Technical details" (each with a switch to leave it out), and the
 * screenshots as they will be sent. Focus lands on its heading so that
 * keyboard and screen-reader users start at the top of what they are checking.
 */
export function TicketReview({ ticket, entries, onToggle, technicalData, blobs, locale, sending, error, onBack, onSend }: ReviewProps) {
  const t = FORM_MESSAGES[locale];
  const ids = { title: useId(), entries: useId(), shots: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const included = entries.filter((e) => e.included).length;
  const context = ticket.context;
  const env = ticket.environment;
  const none = <span className="muted">{t.notProvided}</span>;

  return (
    <section className="review" aria-labelledby={ids.title} data-testid="review">
      <h2 id={ids.title} ref={heading} tabIndex={-1}>
        {t.reviewTitle}
      </h2>
      <p className="hint">{t.reviewIntro}</p>

      <h3>{t.reviewFields}</h3>
      <dl className="review__fields" data-testid="review-fields">
        <dt>{t.category}</dt>
        <dd>{t.categories[ticket.category]}</dd>
        <dt>{t.email}</dt>
        <dd>{ticket.email}</dd>
        <dt>{t.description}</dt>
        <dd className="review__description">{ticket.description}</dd>
        <dt>{t.drawLink}</dt>
        <dd>{context.url ?? none}</dd>
        {context.drawId && (
          <>
            <dt>{t.drawId}</dt>
            <dd>{context.drawId}</dd>
          </>
        )}
        <dt>{t.platform}</dt>
        <dd>{context.platform ? t.platforms[context.platform] : none}</dd>
        <dt>{t.accountName[context.platform ?? 'unknown']}</dt>
        <dd>{context.pageOrUsername ?? none}</dd>
        {ticket.knownProblem && (
          <>
            <dt>{KNOWN_PROBLEM_MESSAGES[locale].reviewLabel}</dt>
            <dd data-testid="review-known-problem">{`${ticket.knownProblem.id} — ${ticket.knownProblem.matched}`}</dd>
          </>
        )}
        <dt>{t.reviewEnvironment}</dt>
        {technicalData && !technicalData.allowed ? (
          <TechnicalDataRow locale={locale} onShare={technicalData.ask} />
        ) : (
          <dd data-testid="review-environment">
            {describeEnvironment(env)} · {env.languages.join(', ')} · {env.timezone}
          </dd>
        )}
      </dl>

      <h3 id={ids.entries}>{t.reviewEntries}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t.noEntries}</p>
      ) : (
        <>
          <p data-testid="review-summary">
            {summarizeCapture(
              entries.filter((e) => e.included).map((e) => e.entry),
              locale,
              context.platform,
            )}
          </p>
          <p className="muted" aria-live="polite" data-testid="review-entry-count">
            {plural(locale, t.entriesIncluded, included, { total: entries.length })}
            {entries.length > included ? ` · ${plural(locale, t.entriesLeftOut, entries.length - included)}` : ''}
          </p>
          <details className="review__details">
            <summary>{plural(locale, t.technicalDetails, entries.length)}</summary>
            <ul className="review__entries" aria-labelledby={ids.entries}>
              {entries.map(({ entry, included: on }, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the entry's identity (onToggle, leftOut); the list never reorders.
                <ReviewEntry key={index} index={index} entry={entry} included={on} onToggle={onToggle} />
              ))}
            </ul>
          </details>
        </>
      )}
      {ticket.diagnostics.dropped > 0 && <p className="muted">{plural(locale, t.entriesDropped, ticket.diagnostics.dropped)}</p>}

      <h3 id={ids.shots}>{t.reviewScreenshots}</h3>
      {blobs.length === 0 ? (
        <p className="muted">{t.noScreenshots}</p>
      ) : (
        <ul className="review__shots" aria-labelledby={ids.shots}>
          {blobs.map((blob, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: screenshot N is blob N, in the order they are sent; a blob has no id.
            <li key={index}>
              <BlobImage blob={blob} alt={format(t.reviewScreenshotAlt, { index: index + 1 })} />
              <span className="muted">
                {ticket.screenshots[index]?.width}×{ticket.screenshots[index]?.height}
              </span>
            </li>
          ))}
        </ul>
      )}

      <p role="alert" className="field-error">
        {error ?? ''}
      </p>
      <div className="review__actions">
        <button type="button" className="secondary" onClick={onBack} disabled={sending}>
          {t.backToForm}
        </button>
        <button type="button" className="primary" onClick={onSend} disabled={sending} aria-busy={sending}>
          {sending ? t.sending : t.send}
        </button>
      </div>
    </section>
  );
}

function ReviewEntry({
  index,
  entry,
  included,
  onToggle,
}: {
  index: number;
  entry: DiagnosticEntry;
  included: boolean;
  onToggle: (index: number, included: boolean) => void;
  /** Firefox: whether the environment may travel, and how to allow it (use-technical-data.ts). */
  technicalData?: { allowed: boolean; ask: () => void };
}) {
  const id = useId();
  return (
    <li className="review__entry" data-included={included} data-testid="review-entry">
      {/* The switch is named by its entry, so each says which one it keeps or leaves out. */}
      <input id={id} type="checkbox" checked={included} onChange={(e) => onToggle(index, e.target.checked)} />
      <label htmlFor={id} className="review__entry-text">
        <code>{entryText(entry)}</code>
      </label>
    </li>
  );
}

function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url ? <img src={url} alt={alt} data-testid="review-screenshot" /> : null;
}
