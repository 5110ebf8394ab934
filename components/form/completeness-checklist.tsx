import { useId } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import type { Completeness, DetailStatus } from '../../utils/form/completeness';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { plural } from '../../utils/i18n/format';

/**
 * The help article's six details as a short checklist that ticks itself. Missing items carry a
 * one-line hint; sending stays possible (a nudge, never a block). The progress line is a polite
 * live region, so a screen reader hears an item tick without hearing every keystroke.
 */
export function CompletenessChecklist({ completeness, locale }: { completeness: Completeness; locale: Locale }) {
  const t = FORM_MESSAGES[locale];
  const titleId = useId();
  const missing = completeness.missing.length;
  const label = (item: DetailStatus) =>
    item.detail === 'pageOrUsername' && item.accountKind ? t.accountName[item.accountKind] : t.details[item.detail];
  const hint = (item: DetailStatus) =>
    item.detail === 'pageOrUsername' ? t.detailHints.pageOrUsername[item.accountKind ?? 'unknown'] : t.detailHints[item.detail];
  return (
    <section className="checklist" aria-labelledby={titleId} data-testid="checklist" data-missing={missing}>
      <h2 id={titleId}>{t.checklistTitle}</h2>
      <p className="checklist__progress" aria-live="polite" data-testid="checklist-progress">
        {plural(locale, t.checklistProgress, completeness.done, { total: completeness.expected })}
        {' · '}
        {missing === 0 ? t.checklistAllDone : plural(locale, t.checklistNudge, missing)}
      </p>
      <ul className="checklist__items">
        {completeness.items.map((item) => (
          <li key={item.detail} className="checklist__item" data-state={item.state} data-testid={`checklist-${item.detail}`}>
            <span className="checklist__mark" aria-hidden="true">
              {item.state === 'done' ? '✓' : item.state === 'missing' ? '!' : '–'}
            </span>
            <span className="checklist__label">
              {label(item)}
              <span className="visually-hidden">: {t.detailState[item.state]}</span>
            </span>
            {item.state === 'missing' && <span className="checklist__hint">{hint(item)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
