import type { Locale } from '../../utils/contract/schemas';
import type { Captured } from '../../utils/diagnosis/diagnose';
import { describeEnvironment } from '../../utils/diagnosis/environment';
import { summarizeCapture } from '../../utils/form/capture-summary';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { plural } from '../../utils/i18n/format';
import { entryText } from './entry-text';

/**
 * Shows the customer what was collected from the page for support (the screenshots have their
 * own panel): one plain sentence on top, the raw entries folded under "Technical details" with
 * their number (the number listed, so the two agree). Off an Osortoo page, or when the page did
 * not answer in time, it says why there are no page diagnostics.
 */
export function CapturedSummary({ captured, locale }: { captured: Captured; locale: Locale }) {
  const t = FORM_MESSAGES[locale];
  const env = captured.environment;
  const entries = captured.diagnostics.entries;

  return (
    <section className="captured" aria-labelledby="captured-title">
      <h2 id="captured-title">{captured.onOsortooPage ? t.capturedTitle : t.noPageTitle}</h2>
      {!captured.onOsortooPage && (
        <p className="muted" data-testid="no-page">
          {captured.diagnostics.missing?.includes('page-snapshot') ? t.pageLate : t.noPage}
        </p>
      )}
      {captured.onOsortooPage && (
        <p className="captured__summary" data-testid="capture-summary">
          {summarizeCapture(entries, locale, captured.context.platform)}
        </p>
      )}
      {captured.screenshotError && <p className="muted">{t.screenshotMissing}</p>}
      <dl>
        {captured.context.url && (
          <>
            <dt>{t.pageLink}</dt>
            <dd className="page-url" data-testid="page-url">
              {captured.context.url}
            </dd>
          </>
        )}
        <dt>{t.browserDevice}</dt>
        <dd data-testid="environment">{describeEnvironment(env)}</dd>
      </dl>
      {captured.onOsortooPage && entries.length > 0 && (
        <details className="entries">
          <summary data-testid="error-count">{plural(locale, t.technicalDetails, entries.length)}</summary>
          <ul data-testid="captured-entries">
            {entries.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a capture's entries are fixed; two may share every field.
              <li key={index}>
                <code>{entryText(entry)}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
