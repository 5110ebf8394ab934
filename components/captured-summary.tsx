import { useEffect, useState } from 'react';
import type { Locale } from '../utils/contract';
import type { Captured, CapturedScreenshot } from '../utils/diagnose';
import { MESSAGES, plural } from '../utils/i18n';

/** Shows the customer what was collected for support, before anything is sent. */
export function CapturedSummary({ captured, screenshot, locale, onRemoveScreenshot }: {
  captured: Captured;
  screenshot: CapturedScreenshot | undefined;
  locale: Locale;
  onRemoveScreenshot: () => void;
}) {
  const t = MESSAGES[locale];
  const [previewUrl, setPreviewUrl] = useState<string>();
  useEffect(() => {
    if (!screenshot) return setPreviewUrl(undefined);
    const url = URL.createObjectURL(screenshot.blob);
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [screenshot]);

  const env = captured.environment;
  const errorCount = captured.diagnostics.entries.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <section className="captured" aria-labelledby="captured-title">
      <h2 id="captured-title">{captured.onOsortooPage ? t.capturedTitle : t.noPageTitle}</h2>
      {!captured.onOsortooPage && <p className="muted">{t.noPage}</p>}
      <dl>
        {captured.context.url && (
          <>
            <dt>{t.pageLink}</dt>
            <dd className="page-url" data-testid="page-url">{captured.context.url}</dd>
          </>
        )}
        <dt>{t.browserDevice}</dt>
        <dd data-testid="environment">
          {env.browser.name} {env.browser.version} · {env.os.name} {env.os.version} · {env.device.type}
          {env.device.model ? ` (${env.device.model})` : ''} · {env.viewport.width}×{env.viewport.height}
        </dd>
      </dl>
      {captured.onOsortooPage && (
        <details className="entries">
          <summary data-testid="error-count">{errorCount ? plural(locale, t.errorsFound, errorCount) : t.noErrors}</summary>
          <ul>
            {captured.diagnostics.entries.map((entry, index) => (
              <li key={index}>
                <code>{entry.kind}</code> {entry.message}
                {entry.count > 1 ? ` ×${entry.count}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <figure className="screenshot">
        {previewUrl ? (
          <>
            <img src={previewUrl} alt={t.screenshotAlt} data-testid="screenshot-preview" />
            <figcaption>
              {t.screenshot} · {screenshot?.meta.width}×{screenshot?.meta.height}
              <button type="button" className="link-button" onClick={onRemoveScreenshot}>{t.removeScreenshot}</button>
            </figcaption>
          </>
        ) : (
          captured.screenshotError && <figcaption className="muted">{t.screenshotMissing}</figcaption>
        )}
      </figure>
    </section>
  );
}
