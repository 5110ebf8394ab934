import type { Locale } from '../../utils/contract/schemas';
import type { Captured } from '../../utils/diagnosis/diagnose';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { plural } from '../../utils/i18n/format';
import { describeEnvironment } from '../../utils/diagnosis/environment';

/**
 * Shows the customer what was collected from the page for support (the screenshots have their
 * own panel). Off an Osortoo page, or when the page did not answer in time, it says why there
 * are no page diagnostics.
 */
export function CapturedSummary({ captured, locale }: { captured: Captured; locale: Locale }) {
  const t = FORM_MESSAGES[locale];

  const env = captured.environment;
  const errorCount = captured.diagnostics.entries.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <section className="captured" aria-labelledby="captured-title">
      <h2 id="captured-title">{captured.onOsortooPage ? t.capturedTitle : t.noPageTitle}</h2>
      {!captured.onOsortooPage && (
        <p className="muted" data-testid="no-page">
          {captured.diagnostics.missing?.includes('page-snapshot') ? t.pageLate : t.noPage}
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
      {captured.onOsortooPage && (
        <details className="entries">
          <summary data-testid="error-count">{errorCount ? plural(locale, t.errorsFound, errorCount) : t.noErrors}</summary>
          <ul>
            {captured.diagnostics.entries.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a capture's entries are fixed; two may share every field.
              <li key={index}>
                <code>{entry.kind}</code> {entry.message}
                {entry.count > 1 ? ` ×${entry.count}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
