import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { CategorySchema, type Category, type Locale, type ResponsePromise } from '../utils/contract';
import { diagnoseTab, type Captured } from '../utils/diagnose';
import { buildTicket } from '../utils/ticket-builder';
import { enqueue } from '../utils/outbox';
import { sendMessage } from '../utils/messaging';
import { MESSAGES } from '../utils/i18n';
import { computeResponsePromise } from '../utils/response-time';
import { CapturedSummary } from './captured-summary';
import { DeliveryStatus } from './delivery-status';
import { ResponseBanner } from './response-banner';
import { PromiseSummary } from './promise-summary';
import { useSupportStatus } from './support-status-hook';

/** The customer's own timezone: every time shown to them is in it. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** How often an open form re-reads support's status (shorter in e2e builds, to test a change). */
const STATUS_REFRESH_MS = Number(import.meta.env.STATUS_REFRESH_MS) || 60_000;

type FieldErrors = Partial<Record<'description' | 'email', string>>;

/** The ticket form: what was captured, what the customer adds, and sending. */
export function SupportForm({ tabId, locale, apiUrl }: { tabId: number | undefined; locale: Locale; apiUrl: string }) {
  const t = MESSAGES[locale];
  const ids = { description: useId(), email: useId(), category: useId() };
  const [captured, setCaptured] = useState<Captured>();
  const [keepScreenshot, setKeepScreenshot] = useState(true);
  const [category, setCategory] = useState<Category>('other');
  const [description, setDescription] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<{ key: string; promise: ResponsePromise }>();
  const support = useSupportStatus(apiUrl, STATUS_REFRESH_MS);

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void diagnoseTab(tabId).then((result) => {
      if (!live) return;
      setCaptured(result);
      // The page's account e-mail is the best guess for where support should reply.
      setEmail((current) => current || result.context.accountEmail || '');
    });
    return () => {
      live = false;
    };
  }, [tabId]);

  const screenshot = keepScreenshot ? captured?.screenshot : undefined;
  const categories = useMemo(() => CategorySchema.options, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!captured) return;
    const now = new Date();
    // What the form promised is stored with the ticket, so support sees it and its deadline.
    const promise = computeResponsePromise({ now, status: support.status, category, statusSource: support.source });
    const built = buildTicket(
      {
        category,
        description,
        email,
        context: captured.context,
        environment: captured.environment,
        diagnostics: captured.diagnostics,
        screenshots: screenshot ? [screenshot.meta] : [],
        promise,
      },
      { idempotencyKey: crypto.randomUUID(), now, locale },
    );
    if (!built.ok) {
      const next: FieldErrors = {};
      for (const issue of built.issues) {
        if (issue.path === 'description') next.description = t.errors.description;
        else if (issue.path === 'email') next.email = t.errors.email;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    await enqueue(built.ticket, screenshot ? [screenshot.blob] : []);
    setSent({ key: built.ticket.idempotencyKey, promise });
    void sendMessage('flushOutbox').catch(() => {});
  };

  if (sent) {
    return (
      <>
        <DeliveryStatus
          ticketKey={sent.key}
          locale={locale}
          onNewTicket={() => {
            setSent(undefined);
            setDescription('');
          }}
        />
        <PromiseSummary promise={sent.promise} locale={locale} timeZone={TIME_ZONE} />
      </>
    );
  }

  return (
    <form className="support-form" onSubmit={submit} noValidate aria-busy={!captured}>
      <ResponseBanner status={support.status} statusSource={support.source} category={category} locale={locale} timeZone={TIME_ZONE} />
      {captured ? (
        <CapturedSummary captured={captured} screenshot={screenshot} locale={locale} onRemoveScreenshot={() => setKeepScreenshot(false)} />
      ) : (
        <p role="status" className="muted">{t.loading}</p>
      )}

      <label htmlFor={ids.category}>{t.category}</label>
      <select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value as Category)}>
        {categories.map((value) => (
          <option key={value} value={value}>
            {t.categories[value]}
          </option>
        ))}
      </select>

      <label htmlFor={ids.description}>{t.description}</label>
      <textarea
        id={ids.description}
        rows={5}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        aria-invalid={Boolean(errors.description)}
        aria-describedby={`${ids.description}-hint${errors.description ? ` ${ids.description}-error` : ''}`}
      />
      <p id={`${ids.description}-hint`} className="hint">{t.descriptionHint}</p>
      {errors.description && <p id={`${ids.description}-error`} className="field-error" role="alert">{errors.description}</p>}

      <label htmlFor={ids.email}>{t.email}</label>
      <input
        id={ids.email}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={Boolean(errors.email)}
        aria-describedby={`${ids.email}-hint${errors.email ? ` ${ids.email}-error` : ''}`}
      />
      <p id={`${ids.email}-hint`} className="hint">{t.emailHint}</p>
      {errors.email && <p id={`${ids.email}-error`} className="field-error" role="alert">{errors.email}</p>}

      <button type="submit" className="primary" disabled={!captured}>
        {t.send}
      </button>
    </form>
  );
}
