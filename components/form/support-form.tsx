import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { CategorySchema, type Category, type DiagnosticEntry, type Locale, type ResponsePromise, type Ticket } from '../../utils/contract/schemas';
import type { Captured } from '../../utils/diagnosis/diagnose';
import { formStart } from '../../utils/form/form-start';
import { captureFullPage } from '../../utils/screenshots/full-page';
import { buildTicket, type TicketDraft } from '../../utils/form/ticket-builder';
import { enqueue } from '../../utils/delivery/outbox';
import { sendMessage } from '../../utils/extension/messaging';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { POPUP_MESSAGES } from '../../utils/i18n/popup';
import { computeResponsePromise } from '../../utils/response-time/promise';
import { assessCompleteness, looksLikeLink } from '../../utils/form/completeness';
import { deleteDraft, entryFingerprint, saveDraftFields, saveDraftScreenshots, type DraftFields, type DraftPlace } from '../../utils/form/drafts';
import { CapturedSummary } from './captured-summary';
import { CompletenessChecklist } from './completeness-checklist';
import { DeliveryStatus, OutboxList } from '../delivery/delivery-status';
import { ResponseBanner } from '../response-time/response-banner';
import { PromiseSummary } from '../response-time/promise-summary';
import { ScreenshotPanel } from '../screenshots/screenshot-panel';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { TicketReview } from './ticket-review';
import { NextSteps } from './next-steps';
import { useSupportStatus } from './use-support-status';

/** The customer's own timezone: every time shown to them is in it. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

type FieldErrors = Partial<Record<'description' | 'email', string>>;

/** What the form needs from the settings (utils/extension/settings.ts). */
export interface FormDefaults {
  defaultEmail: string;
  attachScreenshotByDefault: boolean;
}

export interface SupportFormProps {
  tabId: number | undefined;
  locale: Locale;
  apiUrl: string;
  defaults: FormDefaults;
  /** True in the toolbar popup, where a file picker may close the form. */
  inToolbarPopup?: boolean;
  onOpenInWindow?: () => void;
}

function emptyFields(email: string): DraftFields {
  return { category: 'other', description: '', email, drawLink: '', pageOrUsername: '', leftOut: [] };
}

/** The screenshots a new ticket starts with: the visible capture, unless the settings say not to. */
function initialScreenshots(captured: Captured, defaults: FormDefaults): FormScreenshot[] {
  if (!defaults.attachScreenshotByDefault || !captured.screenshot) return [];
  return [{ id: crypto.randomUUID(), blob: captured.screenshot.blob, meta: captured.screenshot.meta }];
}

/**
 * The ticket form: category first, the details checklist, what the customer adds, the
 * screenshots, then a review of exactly what is sent, and the confirmation. Every change is
 * saved as a draft (utils/form/drafts.ts) until the ticket is in the outbox or the draft is discarded.
 */
export function SupportForm({ tabId, locale, apiUrl, defaults, inToolbarPopup, onOpenInWindow }: SupportFormProps) {
  const t = FORM_MESSAGES[locale];
  const ids = { description: useId(), email: useId(), category: useId(), drawLink: useId(), account: useId() };
  const refs = { description: useRef<HTMLTextAreaElement>(null), email: useRef<HTMLInputElement>(null), review: useRef<HTMLButtonElement>(null), sent: useRef<HTMLDivElement>(null) };
  const [captured, setCaptured] = useState<Captured>();
  const [place, setPlace] = useState<DraftPlace>();
  const [fields, setFields] = useState<DraftFields>(() => emptyFields(defaults.defaultEmail));
  const [screenshots, setScreenshots] = useState<FormScreenshot[]>([]);
  /** The draft has been looked for and the form filled: from now on changes are saved. */
  const [ready, setReady] = useState(false);
  /** The customer changed something (or a draft was restored): the form is a draft. */
  const [touched, setTouched] = useState(false);
  const draftId = useRef<string>(crypto.randomUUID());
  const [notice, setNotice] = useState<string>();
  const [saveFailed, setSaveFailed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [review, setReview] = useState<{ key: string; now: Date }>();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const [sent, setSent] = useState<{ key: string; promise: ResponsePromise; email: string }>();
  const support = useSupportStatus(apiUrl);

  // Collect the diagnostics and look for a draft of this tab/page, then fill the form.
  useEffect(() => {
    let live = true;
    void formStart<FormScreenshot>(tabId).then(({ captured: result, place: where, draft }) => {
      if (!live) return;
      setCaptured(result);
      setPlace(where);
      if (draft) {
        draftId.current = draft.id;
        setFields(draft.fields);
        setScreenshots(draft.screenshots ?? initialScreenshots(result, defaults));
        setTouched(true);
        setNotice(t.draftRestored);
      } else {
        // The settings' e-mail is the customer's choice; else the account e-mail the page shows.
        setFields(emptyFields(defaults.defaultEmail || result.context.accountEmail || ''));
        setScreenshots(initialScreenshots(result, defaults));
      }
      setReady(true);
    });
    return () => {
      live = false;
    };
    // The defaults are read once, when the form opens: a later change in the options page must
    // not overwrite what the customer is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tabId]);

  // When the customer first sees the form filled (the benchmark logs it beside the diagnostics).
  useEffect(() => {
    if (ready && performance.getEntriesByName('osortoo:form-filled').length === 0) performance.mark('osortoo:form-filled');
  }, [ready]);

  // Draft saving, one write at a time and in order (a delete must not be overtaken by a save).
  const saves = useRef<Promise<unknown>>(Promise.resolve());
  const queueSave = useCallback((job: () => Promise<unknown>) => {
    saves.current = saves.current.then(job).then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  }, []);
  useEffect(() => {
    if (!ready || !touched || !place) return;
    const id = draftId.current;
    queueSave(() => saveDraftFields(id, place, fields));
  }, [fields, ready, touched, place, queueSave]);
  useEffect(() => {
    if (!ready || !touched || !place) return;
    const id = draftId.current;
    queueSave(() => saveDraftScreenshots(id, screenshots));
  }, [screenshots, ready, touched, place, queueSave]);

  const change = (patch: Partial<DraftFields>) => {
    setFields((current) => ({ ...current, ...patch }));
    setTouched(true);
  };
  const changeScreenshots = (next: FormScreenshot[]) => {
    setScreenshots(next);
    setTouched(true);
  };

  const entries: { entry: DiagnosticEntry; included: boolean }[] = useMemo(() => {
    const left = new Set(fields.leftOut);
    return (captured?.diagnostics.entries ?? []).map((entry) => ({ entry, included: !left.has(entryFingerprint(entry)) }));
  }, [captured, fields.leftOut]);

  const completeness = useMemo(
    () =>
      assessCompleteness({
        category: fields.category,
        context: captured?.context ?? {},
        form: fields,
        screenshotCount: screenshots.length,
        entries: entries.filter((e) => e.included).map((e) => e.entry),
        hasEnvironment: Boolean(captured?.environment.browser.name),
      }),
    [fields, captured, screenshots.length, entries],
  );

  const draftFor = (promise?: ResponsePromise): TicketDraft | undefined => {
    if (!captured) return undefined;
    return {
      category: fields.category,
      description: fields.description,
      email: fields.email,
      context: captured.context,
      typed: { drawLink: fields.drawLink, pageOrUsername: fields.pageOrUsername },
      environment: captured.environment,
      diagnostics: captured.diagnostics,
      leftOut: new Set(entries.flatMap((e, index) => (e.included ? [] : [index]))),
      screenshots: screenshots.map((s) => s.meta),
      promise,
    };
  };

  // The ticket as the review shows it: built with the key and clock fixed when the review opened.
  const reviewed: Ticket | undefined = useMemo(() => {
    const draft = review && draftFor();
    if (!review || !draft) return undefined;
    const built = buildTicket(draft, { idempotencyKey: review.key, now: review.now, locale });
    return built.ok ? built.ticket : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [review, fields, entries, screenshots, captured, locale]);

  const openReview = (event: FormEvent) => {
    event.preventDefault();
    const draft = draftFor();
    if (!draft) return;
    const key = review?.key ?? crypto.randomUUID();
    const built = buildTicket(draft, { idempotencyKey: key, now: new Date(), locale });
    if (!built.ok) {
      const next: FieldErrors = {};
      for (const issue of built.issues) {
        if (issue.path === 'description') next.description = t.errors.description;
        else if (issue.path === 'email') next.email = t.errors.email;
      }
      setErrors(next);
      (next.description ? refs.description : refs.email).current?.focus();
      return;
    }
    setErrors({});
    setReview({ key, now: new Date() });
    setStep('review');
  };

  const backToForm = () => {
    setStep('form');
    // The Review button is back in the page on the next render.
    setTimeout(() => refs.review.current?.focus(), 0);
  };

  const send = async () => {
    if (!review || sending) return;
    const now = new Date();
    // What the form promised is stored with the ticket, so support sees it and its deadline.
    const promise = computeResponsePromise({ now, status: support.status, category: fields.category, statusSource: support.source });
    const draft = draftFor(promise);
    if (!draft) return;
    const built = buildTicket(draft, { idempotencyKey: review.key, now, locale });
    if (!built.ok) return backToForm();
    setSending(true);
    setSendError(undefined);
    try {
      await enqueue(built.ticket, screenshots.map((s) => s.blob));
    } catch {
      // Nothing was handed over: the draft stays, and the customer can try again.
      setSendError(t.sendFailed);
      return;
    } finally {
      setSending(false);
    }
    // In the outbox: the draft has done its job.
    const id = draftId.current;
    setTouched(false);
    queueSave(() => deleteDraft(id));
    setSent({ key: built.ticket.idempotencyKey, promise, email: built.ticket.email });
    void sendMessage('flushOutbox').catch(() => {});
  };

  /** A blank form for this tab (after sending, or when the draft is discarded). */
  const reset = (email: string) => {
    draftId.current = crypto.randomUUID();
    setTouched(false);
    setFields(emptyFields(email));
    setScreenshots(captured ? initialScreenshots(captured, defaults) : []);
    setErrors({});
    setReview(undefined);
    setStep('form');
  };

  const discard = () => {
    const id = draftId.current;
    queueSave(() => deleteDraft(id));
    reset(defaults.defaultEmail || captured?.context.accountEmail || '');
    setNotice(t.draftDiscarded);
  };

  useEffect(() => {
    if (sent) refs.sent.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sent]);

  if (sent) {
    return (
      <div className="sent" ref={refs.sent} tabIndex={-1}>
        <DeliveryStatus
          ticketKey={sent.key}
          locale={locale}
          onNewTicket={() => {
            setSent(undefined);
            reset(sent.email);
          }}
        />
        <PromiseSummary promise={sent.promise} locale={locale} timeZone={TIME_ZONE} />
        <NextSteps promise={sent.promise} email={sent.email} locale={locale} />
      </div>
    );
  }

  if (step === 'review' && reviewed) {
    return (
      <TicketReview
        ticket={reviewed}
        entries={entries}
        onToggle={(index, included) => {
          const print = entryFingerprint(entries[index]!.entry);
          change({ leftOut: included ? fields.leftOut.filter((f) => f !== print) : [...fields.leftOut, print] });
        }}
        blobs={screenshots.map((s) => s.blob)}
        locale={locale}
        sending={sending}
        error={sendError}
        onBack={backToForm}
        onSend={() => void send()}
      />
    );
  }

  // Only where there is a page to draw (a general ticket's tab may be anything).
  const onCaptureFullPage =
    tabId !== undefined && captured?.onOsortooPage
      ? async (): Promise<FormScreenshot | { error: string }> => {
          const result = await captureFullPage(tabId);
          return result.ok ? { id: crypto.randomUUID(), blob: result.blob, meta: result.meta } : { error: t.fullPageReasons[result.reason] };
        }
      : undefined;

  const context = captured?.context;
  const accountKind = context?.platform ?? 'unknown';
  const askDrawLink = ready && !context?.url;
  const askAccount = ready && !context?.pageOrUsername;
  const drawLinkInvalid = fields.drawLink.trim() !== '' && !looksLikeLink(fields.drawLink);

  return (
    <>
      {/* Tickets still waiting or refused come first; showing the list also asks the worker to
          deliver what is queued, so opening the form flushes the outbox. */}
      <OutboxList locale={locale} />
      <form className="support-form" onSubmit={openReview} noValidate aria-busy={!ready}>
        <ResponseBanner status={support.status} statusSource={support.source} category={fields.category} locale={locale} timeZone={TIME_ZONE} />
        <p role="status" className="muted form-notice" data-testid="form-notice">
          {saveFailed ? t.draftSaveFailed : notice ?? ''}
        </p>

        <label htmlFor={ids.category}>{t.category}</label>
        <select id={ids.category} value={fields.category} onChange={(e) => change({ category: e.target.value as Category })}>
          {CategorySchema.options.map((value) => (
            <option key={value} value={value}>
              {t.categories[value]}
            </option>
          ))}
        </select>

        {ready && <CompletenessChecklist completeness={completeness} locale={locale} />}

        <label htmlFor={ids.description}>{t.description}</label>
        <textarea
          id={ids.description}
          ref={refs.description}
          rows={5}
          value={fields.description}
          onChange={(e) => change({ description: e.target.value })}
          aria-invalid={Boolean(errors.description)}
          aria-describedby={`${ids.description}-hint${errors.description ? ` ${ids.description}-error` : ''}`}
        />
        <p id={`${ids.description}-hint`} className="hint">{t.descriptionHint}</p>
        {errors.description && <p id={`${ids.description}-error`} className="field-error" role="alert">{errors.description}</p>}

        <label htmlFor={ids.email}>{t.email}</label>
        <input
          id={ids.email}
          ref={refs.email}
          type="email"
          autoComplete="email"
          value={fields.email}
          onChange={(e) => change({ email: e.target.value })}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={`${ids.email}-hint${errors.email ? ` ${ids.email}-error` : ''}`}
        />
        <p id={`${ids.email}-hint`} className="hint">{t.emailHint}</p>
        {errors.email && <p id={`${ids.email}-error`} className="field-error" role="alert">{errors.email}</p>}

        {askDrawLink && (
          <>
            <label htmlFor={ids.drawLink}>{t.drawLink}</label>
            <input
              id={ids.drawLink}
              type="url"
              inputMode="url"
              value={fields.drawLink}
              onChange={(e) => change({ drawLink: e.target.value })}
              aria-invalid={drawLinkInvalid}
              aria-describedby={`${ids.drawLink}-hint`}
            />
            <p id={`${ids.drawLink}-hint`} className={drawLinkInvalid ? 'field-error' : 'hint'}>{drawLinkInvalid ? t.drawLinkInvalid : t.drawLinkHint}</p>
          </>
        )}
        {askAccount && (
          <>
            <label htmlFor={ids.account}>{t.accountName[accountKind]}</label>
            <input id={ids.account} type="text" value={fields.pageOrUsername} onChange={(e) => change({ pageOrUsername: e.target.value })} aria-describedby={`${ids.account}-hint`} />
            <p id={`${ids.account}-hint`} className="hint">{t.accountNameHint}</p>
          </>
        )}

        {ready && (
          <ScreenshotPanel
            screenshots={screenshots}
            onChange={changeScreenshots}
            locale={locale}
            onCaptureFullPage={onCaptureFullPage}
            inToolbarPopup={inToolbarPopup}
            onOpenInWindow={onOpenInWindow}
          />
        )}

        {captured ? <CapturedSummary captured={captured} locale={locale} /> : <p role="status" className="muted">{POPUP_MESSAGES[locale].loading}</p>}

        <div className="form-actions">
          <button type="submit" className="primary" ref={refs.review} disabled={!ready}>
            {t.review}
          </button>
          {touched && (
            <button type="button" className="link-button" onClick={discard}>
              {t.discardDraft}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
