import { useId } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import type { Completeness, DetailStatus } from '../../utils/form/completeness';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { plural } from '../../utils/i18n/format';

/**
 * What support will have, as a short checklist that ticks itself: the description and the e-mail
 * (required, and said so: the line never says "you can send" while one is missing), then the
 * help article's details that apply to the category. Missing items carry a one-line hint; the
 * optional ones are a nudge, never a block. The progress line is a polite live region, so a
 * screen reader hears an item tick without hearing every keystroke.
 */
export function CompletenessChecklist({ completeness, locale }: { completeness: Completeness; locale: Locale }) {
  const t = FORM_MESSAGES[locale];
  const titleId = useId();
  const missing = completeness.missing.length;
  const required = completeness.requiredMissing;
  const requiredLine =
    required.length === 2
      ? t.checklistRequired.both
      : required[0]
        ? t.checklistRequired[required[0] as 'description' | 'accountEmail']
        : '';
  const label = (item: DetailStatus) =>
    item.detail === 'pageOrUsername' && item.accountKind ? t.accountName[item.accountKind] : t.details[item.detail];
  const hint = (item: DetailStatus) =>
    item.detail === 'pageOrUsername'
      ? t.detailHints.pageOrUsername[item.accountKind ?? 'unknown']
      : item.withheld
        ? t.detailHints.browserDeviceWithheld
        : t.detailHints[item.detail];
  return (
    <section
      className="checklist"
      aria-labelledby={titleId}
      data-testid="checklist"
      data-missing={missing}
      data-required-missing={required.length}
    >
      <h2 id={titleId}>{t.checklistTitle}</h2>
      <p className="checklist__progress" aria-live="polite" data-testid="checklist-progress">
        {plural(locale, t.checklistProgress, completeness.done, { total: completeness.expected })}
        {' · '}
        {requiredLine || (missing === 0 ? t.checklistAllDone : plural(locale, t.checklistNudge, missing))}
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
