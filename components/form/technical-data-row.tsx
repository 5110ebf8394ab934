import { useId } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { TECHNICAL_DATA_MESSAGES } from '../../utils/i18n/technical-data';

/**
 * The review's environment row while Firefox's optional technical data is not granted: says
 * that nothing about the browser and device will be sent, and offers to share it (Firefox then
 * asks in its own prompt).
 */
export function TechnicalDataRow({ locale, onShare }: { locale: Locale; onShare: () => void }) {
  const t = TECHNICAL_DATA_MESSAGES[locale];
  const hint = useId();
  return (
    <dd data-testid="review-environment-withheld">
      <span className="muted">{t.withheld}</span>{' '}
      <button type="button" className="secondary" onClick={onShare} aria-describedby={hint}>
        {t.share}
      </button>
      <span id={hint} className="hint">
        {t.shareHint}
      </span>
    </dd>
  );
}
