import { useEffect, useRef } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { FormStep } from './form-step';
import { SentStep } from './sent-step';
import { TicketReview } from './ticket-review';
import { useSendTicket } from './use-send-ticket';
import { useTechnicalData } from './use-technical-data';
import { useKnownProblem } from '../known-problems/use-known-problem';
import { useSupportStatus } from '../response-time/use-support-status';
import { useTicketDraft, type FormDefaults } from './use-ticket-draft';

/** The customer's own timezone: every time shown to them is in it. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface SupportFormProps {
  tabId: number | undefined;
  locale: Locale;
  apiUrl: string;
  defaults: FormDefaults;
  /** True in the toolbar popup, where a file picker may close the form. */
  inToolbarPopup?: boolean;
  onOpenInWindow?: () => void;
}

/**
 * The ticket form's steps: the form (category first, the details checklist, what the customer
 * adds, the screenshots), then a review of exactly what is sent, and the confirmation. Every
 * change is saved as a draft (use-ticket-draft.ts) until the ticket is in the outbox
 * (use-send-ticket.ts) or the draft is discarded.
 */
export function SupportForm({ tabId, locale, apiUrl, defaults, inToolbarPopup, onOpenInWindow }: SupportFormProps) {
  const t = FORM_MESSAGES[locale];
  const refs = {
    description: useRef<HTMLTextAreaElement>(null),
    email: useRef<HTMLInputElement>(null),
    review: useRef<HTMLButtonElement>(null),
  };
  const support = useSupportStatus(apiUrl);
  const draft = useTicketDraft(tabId, defaults);
  const technical = useTechnicalData();
  const known = useKnownProblem(apiUrl, draft, support);
  const ticket = useSendTicket({
    draft,
    locale,
    support,
    technicalData: technical.allowed,
    focusField: (field) => refs[field].current?.focus(),
    focusReview: () => refs.review.current?.focus(),
  });

  // When the customer first sees the form filled (the benchmark logs it beside the diagnostics).
  useEffect(() => {
    if (draft.ready && performance.getEntriesByName('osortoo:form-filled').length === 0) performance.mark('osortoo:form-filled');
  }, [draft.ready]);

  /** A blank form for this tab. */
  const startOver = (email: string) => {
    draft.reset(email);
    ticket.reset();
  };

  const { sent } = ticket;
  if (sent) return <SentStep sent={sent} locale={locale} timeZone={TIME_ZONE} onNewTicket={() => startOver(sent.email)} />;

  if (ticket.step === 'review' && ticket.reviewed) {
    return (
      <TicketReview
        ticket={ticket.reviewed}
        entries={draft.entries}
        onToggle={draft.includeEntry}
        technicalData={technical}
        blobs={draft.screenshots.map((s) => s.blob)}
        locale={locale}
        sending={ticket.sending}
        error={ticket.sendFailed ? t.sendFailed : undefined}
        onBack={ticket.backToForm}
        onSend={() => void ticket.send()}
      />
    );
  }

  return (
    <FormStep
      tabId={tabId}
      draft={draft}
      errors={ticket.errors}
      support={support}
      locale={locale}
      timeZone={TIME_ZONE}
      refs={refs}
      onReview={ticket.openReview}
      known={known}
      onDiscard={() => {
        draft.discard();
        ticket.reset();
      }}
      inToolbarPopup={inToolbarPopup}
      onOpenInWindow={onOpenInWindow}
      technicalDataAllowed={technical.allowed}
    />
  );
}
