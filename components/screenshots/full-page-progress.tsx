import type { Locale } from '../../utils/contract/schemas';
import { SCREENSHOT_MESSAGES } from '../../utils/i18n/screenshots';
import type { FullPageProgress as Progress } from './use-full-page-capture';

/**
 * The running whole-page capture: a progress bar that moves only when the capture reports a
 * step, what it is doing, and a Cancel button (the customer's page is never frozen meanwhile,
 * so there is always time to press it).
 */
export function FullPageProgress({ progress, locale, onCancel }: { progress: Progress; locale: Locale; onCancel: () => void }) {
  const t = SCREENSHOT_MESSAGES[locale];
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="shots-progress" data-testid="fullpage-progress">
      <progress max={100} value={percent} aria-label={t.fullPageProgress} />
      <span className="shots-hint">
        {percent} % · {t.fullPageStages[progress.stage]}
      </span>
      <button type="button" className="shots-button" onClick={onCancel}>
        {t.cancelFullPage}
      </button>
    </div>
  );
}
