import { useMemo, useState } from 'react';
import type { Locale, ResponsePromise, Ticket } from '../../utils/contract/schemas';
import type { Captured } from '../../utils/diagnosis/diagnose';
import { enqueue } from '../../utils/delivery/outbox';
import type { LoadedSupportStatus } from '../../utils/delivery/support-status';
import { sendMessage } from '../../utils/extension/messaging';
import type { DraftFields } from '../../utils/form/drafts';
import { buildTicket, type TicketDraft } from '../../utils/form/ticket-builder';
import { computeResponsePromise } from '../../utils/response-time/promise';
import { withheldEnvironment } from '../../utils/diagnosis/technical-data';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';
import type { EntryChoice, TicketDraftState } from './use-ticket-draft';

/** The fields the contract can refuse that the customer can correct in the form. */
export type CheckedField = 'description' | 'email';
export type FieldErrors = Partial<Record<CheckedField, true>>;

/** A ticket handed to the outbox, as the confirmation shows it. */
export interface SentTicket {
  key: string;
  promise: ResponsePromise;
  email: string;
}

export interface SendTicketOptions {
  draft: TicketDraftState;
  locale: Locale;
  support: LoadedSupportStatus;
  /** Moves the focus to a field the contract refused. */
  focusField: (field: CheckedField) => void;
  /** Moves the focus to the Review button, once the form step is back in the page. */
  focusReview: () => void;
  /** Whether the environment may travel (Firefox's optional technical data: use-technical-data.ts). */
  technicalData?: boolean;
}

/** What buildTicket takes, from what the form holds. */
function ticketDraft(
  captured: Captured,
  fields: DraftFields,
  entries: EntryChoice[],
  screenshots: FormScreenshot[],
  technicalData: boolean,
  promise?: ResponsePromise,
): TicketDraft {
  return {
    category: fields.category,
    description: fields.description,
    email: fields.email,
    context: captured.context,
    typed: { drawLink: fields.drawLink, pageOrUsername: fields.pageOrUsername },
    environment: technicalData ? captured.environment : withheldEnvironment(captured.environment),
    diagnostics: captured.diagnostics,
    leftOut: new Set(entries.flatMap((e, index) => (e.included ? [] : [index]))),
    screenshots: screenshots.map((s) => s.meta),
    promise,
    knownProblem: fields.knownProblem,
  };
}

/**
 * From the form to the outbox: Review validates the draft against the contract
 * (utils/form/ticket-builder.ts) and fixes the ticket's key and clock; Send builds it again with
 * the response promise, puts it in the outbox (utils/delivery/outbox.ts) and asks the worker to
 * deliver it. The draft is deleted only once the outbox holds the ticket.
 */
export function useSendTicket({ draft, locale, support, focusField, focusReview, technicalData = true }: SendTicketOptions) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [review, setReview] = useState<{ key: string; now: Date }>();
  const [sending, setSending] = useState(false);
  /** The last attempt to hand the ticket over failed; cleared by the next attempt. */
  const [sendFailed, setSendFailed] = useState(false);
  const [sent, setSent] = useState<SentTicket>();
  const { captured, fields, entries, screenshots } = draft;

  // The ticket as the review shows it: built with the key and clock fixed when the review opened.
  const reviewed: Ticket | undefined = useMemo(() => {
    if (!review || !captured) return undefined;
    const built = buildTicket(ticketDraft(captured, fields, entries, screenshots, technicalData), {
      idempotencyKey: review.key,
      now: review.now,
      locale,
    });
    return built.ok ? built.ticket : undefined;
  }, [review, captured, fields, entries, screenshots, technicalData, locale]);

  const openReview = () => {
    if (!captured) return;
    const key = review?.key ?? crypto.randomUUID();
    const built = buildTicket(ticketDraft(captured, fields, entries, screenshots, technicalData), {
      idempotencyKey: key,
      now: new Date(),
      locale,
    });
    if (!built.ok) {
      const next: FieldErrors = {};
      for (const issue of built.issues) {
        if (issue.path === 'description') next.description = true;
        else if (issue.path === 'email') next.email = true;
      }
      setErrors(next);
      focusField(next.description ? 'description' : 'email');
      return;
    }
    setErrors({});
    setReview({ key, now: new Date() });
    setStep('review');
  };

  const backToForm = () => {
    setStep('form');
    // The Review button is back in the page on the next render.
    setTimeout(focusReview, 0);
  };

  const send = async () => {
    if (!review || sending) return;
    const now = new Date();
    // What the form promised is stored with the ticket, so support sees it and its deadline.
    const promise = computeResponsePromise({ now, status: support.status, category: fields.category, statusSource: support.source });
    if (!captured) return;
    const built = buildTicket(ticketDraft(captured, fields, entries, screenshots, technicalData, promise), {
      idempotencyKey: review.key,
      now,
      locale,
    });
    if (!built.ok) return backToForm();
    setSending(true);
    setSendFailed(false);
    try {
      await enqueue(
        built.ticket,
        screenshots.map((s) => s.blob),
      );
    } catch {
      // Nothing was handed over: the draft stays, and the customer can try again.
      setSendFailed(true);
      return;
    } finally {
      setSending(false);
    }
    draft.forget();
    setSent({ key: built.ticket.idempotencyKey, promise, email: built.ticket.email });
    void sendMessage('flushOutbox').catch(() => {});
  };

  /** Back to an empty form step (a new ticket, or the draft discarded). */
  const reset = () => {
    setSent(undefined);
    setErrors({});
    setReview(undefined);
    setStep('form');
  };

  return { step, errors, reviewed, sending, sendFailed, sent, openReview, backToForm, send, reset };
}
