import { useId, useState } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { sendDeflection } from '../../utils/delivery/known-problems-client';
import { format } from '../../utils/i18n/format';
import { KNOWN_PROBLEM_MESSAGES } from '../../utils/i18n/known-problems';
import type { TicketDraftState } from '../form/use-ticket-draft';
import type { KnownProblemState } from './use-known-problem';
import './known-problem.css';

export interface KnownProblemNoticeProps {
  known: KnownProblemState;
  draft: Pick<TicketDraftState, 'fields' | 'change'>;
  locale: Locale;
  /** "I still need help": the form goes on (the description is where to continue). */
  onStillNeedHelp: () => void;
}

/**
 * Above the description when the captured data matched a known problem: what happened, the
 * steps to fix it, the help article, support's incident for that platform if any, and two
 * choices. "That solved it" sends only an anonymous count (`POST /v1/deflections`) and no
 * ticket; "I still need help" keeps the pre-selected category and the match in the ticket. It
 * informs and never blocks sending: the form below stays usable whatever is chosen.
 * Everything is rendered as text (the catalogue is support's data, still never HTML).
 */
export function KnownProblemNotice({ known, draft, locale, onStillNeedHelp }: KnownProblemNoticeProps) {
  const t = KNOWN_PROBLEM_MESSAGES[locale];
  const ids = { title: useId(), steps: useId() };
  const [choice, setChoice] = useState<'solved' | 'help'>();
  const { match, incident } = known;
  if (!match) return null;
  const { problem } = match;

  if (choice === 'solved') {
    return (
      <p role="status" className="known-problem known-problem--done" data-testid="known-problem-solved">
        {t.thanks}
      </p>
    );
  }

  return (
    <section className="known-problem" aria-labelledby={ids.title} data-testid="known-problem" data-problem-id={problem.id}>
      <h2 id={ids.title} className="known-problem__title">
        {format(t.heading, { title: problem.title[locale] })}
      </h2>
      {incident && (
        <p className="known-problem__incident" data-testid="known-problem-incident">
          {incident.message ? format(t.incident, { message: incident.message }) : t.incidentNoMessage}
        </p>
      )}
      <p>{problem.explanation[locale]}</p>
      {!problem.customerCanFix && <p className="muted">{t.needsTime}</p>}
      <h3 id={ids.steps}>{t.stepsTitle}</h3>
      <ol aria-labelledby={ids.steps} data-testid="known-problem-steps">
        {problem.steps[locale].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>
        <a href={problem.help[locale]} target="_blank" rel="noopener noreferrer">
          {t.helpLink}
        </a>
      </p>
      {choice === 'help' ? (
        <p role="status" className="muted">
          {t.continueBelow}
        </p>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            onClick={() => {
              setChoice('solved');
              void sendDeflection(known.apiUrl, problem.id);
            }}
          >
            {t.solved}
          </button>
          <button
            type="button"
            onClick={() => {
              setChoice('help');
              // The match travels with the ticket; the category stays the customer's if they chose one.
              draft.change({
                knownProblem: { id: problem.id, matched: match.matched },
                ...(draft.fields.category === 'other' ? { category: problem.category } : {}),
              });
              onStillNeedHelp();
            }}
          >
            {t.stillNeedHelp}
          </button>
        </div>
      )}
    </section>
  );
}
