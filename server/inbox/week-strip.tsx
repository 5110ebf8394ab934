/** @jsxImportSource hono/jsx */
/** This week's figures (week-figures.ts), all modes first, then each mode that had tickets. */
import type { Locale } from '../../utils/contract/schemas';
import { format, plural } from '../../utils/i18n/format';
import type { InboxText } from '../../utils/i18n/inbox';
import { formatDuration } from './formatting';
import type { Figures, WeekFigures } from './week-figures';

export function WeekStrip(props: { t: InboxText; locale: Locale; week: WeekFigures }) {
  const { t, locale, week } = props;
  const line = (name: string, figures: Figures) => (
    <li>
      <strong>{name}</strong>
      {`: ${plural(locale, t.weekReceived, figures.received)} · `}
      {format(t.weekWithin, {
        share:
          figures.withinShare === undefined
            ? t.notApplicable
            : new Intl.NumberFormat(locale, { style: 'percent' }).format(figures.withinShare),
      })}
      {' · '}
      {format(t.weekOverdue, { count: figures.overdue })}
      {' · '}
      {format(t.weekMedian, { time: figures.medianToReplyMs === undefined ? t.notApplicable : formatDuration(figures.medianToReplyMs) })}
    </li>
  );
  return (
    <section class="week" aria-labelledby="week-title" data-testid="week-figures">
      <h2 id="week-title">{t.weekTitle}</h2>
      <ul>
        {line(t.weekAll, week.all)}
        {(['normal', 'peak', 'incident'] as const).filter((mode) => week[mode].received > 0).map((mode) => line(t.mode[mode], week[mode]))}
      </ul>
    </section>
  );
}
