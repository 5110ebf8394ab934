import { useId, useMemo, type RefObject } from 'react';
import { CategorySchema, type Category, type Locale } from '../../utils/contract/schemas';
import type { LoadedSupportStatus } from '../../utils/delivery/support-status';
import { assessCompleteness } from '../../utils/form/completeness';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { POPUP_MESSAGES } from '../../utils/i18n/popup';
import { captureFullPage } from '../../utils/screenshots/full-page';
import { OutboxList } from '../delivery/outbox-list';
import { ResponseBanner } from '../response-time/response-banner';
import { KnownProblemNotice } from '../known-problems/known-problem-notice';
import type { KnownProblemState } from '../known-problems/use-known-problem';
import { ScreenshotPanel } from '../screenshots/screenshot-panel';
import type { CaptureFullPage } from '../screenshots/use-full-page-capture';
import { CapturedSummary } from './captured-summary';
import { CompletenessChecklist } from './completeness-checklist';
import { CustomerFields } from './customer-fields';
import type { FieldErrors } from './use-send-ticket';
import type { TicketDraftState } from './use-ticket-draft';

export interface FormStepProps {
  tabId: number | undefined;
  draft: TicketDraftState;
  errors: FieldErrors;
  support: LoadedSupportStatus;
  locale: Locale;
  timeZone: string;
  refs: {
    description: RefObject<HTMLTextAreaElement | null>;
    email: RefObject<HTMLInputElement | null>;
    review: RefObject<HTMLButtonElement | null>;
  };
  onReview: () => void;
  onDiscard: () => void;
  known?: KnownProblemState;
  inToolbarPopup?: boolean;
  onOpenInWindow?: () => void;
  /** False while the ticket may not carry the browser and device (Firefox asks first). */
  technicalDataAllowed?: boolean;
}

/**
 * The form itself, in the order a customer reads it: the response promise (one sentence), what
 * happened and the e-mail first, the category, the checklist of what support will have, the
 * screenshots and what was collected; Review stays in sight in a sticky footer (Discard draft,
 * undoable, is kept away from it).
 */
export function FormStep({
  tabId,
  draft,
  errors,
  support,
  locale,
  timeZone,
  refs,
  onReview,
  onDiscard,
  known,
  inToolbarPopup,
  onOpenInWindow,
  technicalDataAllowed = true,
}: FormStepProps) {
  const t = FORM_MESSAGES[locale];
  const categoryId = useId();
  const { captured, fields, screenshots, entries, ready, change } = draft;

  const completeness = useMemo(
    () =>
      assessCompleteness({
        category: fields.category,
        context: captured?.context ?? {},
        form: fields,
        screenshotCount: screenshots.length,
        entries: entries.filter((e) => e.included).map((e) => e.entry),
        environment: !technicalDataAllowed ? 'withheld' : captured?.environment.browser.name ? 'read' : 'unreadable',
      }),
    [fields, captured, screenshots.length, entries, technicalDataAllowed],
  );

  // Only where there is a page to draw (a general ticket's tab may be anything).
  const onCaptureFullPage: CaptureFullPage | undefined =
    tabId !== undefined && captured?.onOsortooPage
      ? async (onProgress, signal) => {
          const result = await captureFullPage(tabId, { onProgress, signal });
          if (result.ok) return { id: crypto.randomUUID(), blob: result.blob, meta: result.meta };
          return result.reason === 'cancelled' ? { cancelled: true } : { error: t.fullPageReasons[result.reason] };
        }
      : undefined;

  const notice = draft.notice === 'restored' ? t.draftRestored : draft.notice === 'discarded' ? t.draftDiscarded : '';

  return (
    <>
      {/* Tickets still waiting or refused come first; showing the list also asks the worker to
          deliver what is queued, so opening the form flushes the outbox. */}
      <OutboxList locale={locale} />
      <form
        className="support-form"
        onSubmit={(event) => {
          event.preventDefault();
          onReview();
        }}
        noValidate
        aria-busy={!ready}
      >
        <ResponseBanner
          status={support.status}
          statusSource={support.source}
          category={fields.category}
          locale={locale}
          timeZone={timeZone}
        />
        <p role="status" className="muted form-notice" data-testid="form-notice">
          {draft.saveFailed ? t.draftSaveFailed : notice}
          {!draft.saveFailed && draft.notice === 'discarded' && draft.canUndoDiscard && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={draft.undoDiscard} data-testid="undo-discard">
                {t.undoDiscard}
              </button>
            </>
          )}
        </p>

        {/* A known problem's fix comes before the customer describes it: it may solve it. */}
        {ready && known && (
          <KnownProblemNotice known={known} draft={draft} locale={locale} onStillNeedHelp={() => refs.description.current?.focus()} />
        )}

        <CustomerFields
          fields={fields}
          onChange={change}
          errors={errors}
          context={captured?.context}
          ready={ready}
          refs={refs}
          locale={locale}
        />

        <label htmlFor={categoryId}>{t.category}</label>
        <select id={categoryId} value={fields.category} onChange={(e) => change({ category: e.target.value as Category })}>
          {CategorySchema.options.map((value) => (
            <option key={value} value={value}>
              {t.categories[value]}
            </option>
          ))}
        </select>

        {ready && <CompletenessChecklist completeness={completeness} locale={locale} />}

        {ready && (
          <ScreenshotPanel
            screenshots={screenshots}
            onChange={draft.changeScreenshots}
            locale={locale}
            onCaptureFullPage={onCaptureFullPage}
            inToolbarPopup={inToolbarPopup}
            onOpenInWindow={onOpenInWindow}
          />
        )}

        {captured ? (
          <CapturedSummary captured={captured} locale={locale} />
        ) : (
          <p role="status" className="muted">
            {POPUP_MESSAGES[locale].loading}
          </p>
        )}

        {draft.touched && (
          <p className="form-discard">
            <button type="button" className="link-button" onClick={onDiscard}>
              {t.discardDraft}
            </button>
          </p>
        )}
        <div className="form-actions" data-testid="form-actions">
          <button type="submit" className="primary" ref={refs.review} disabled={!ready}>
            {t.review}
          </button>
        </div>
      </form>
    </>
  );
}
