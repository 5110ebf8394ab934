import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSettings } from '../../components/shared/use-settings';
import { usePageLanguage } from '../../components/shared/use-page-language';
import {
  browserUiLanguage,
  resolveLocale,
  saveSettings,
  SettingsSchema,
  SettingsValidationError,
  type Settings,
} from '../../utils/extension/settings';
import { format } from '../../utils/i18n/format';
import { OPTIONS_MESSAGES } from '../../utils/i18n/options';

/** How long typing must pause before a valid e-mail is saved (saving each keystroke would announce "Saved" each time). */
const EMAIL_SAVE_DELAY_MS = 500;

type SaveStatus = { kind: 'saved'; at: Date } | { kind: 'failed'; reason: string } | undefined;

/** The options page: every change is saved as it is made, and "Saved" is announced. */
export function OptionsApp() {
  const settings = useSettings();
  const uiLanguage = browserUiLanguage();
  const locale = resolveLocale(settings?.language ?? 'auto', uiLanguage);
  const t = OPTIONS_MESSAGES[locale];
  const ids = { language: useId(), email: useId(), screenshot: useId() };
  const [status, setStatus] = useState<SaveStatus>();
  const [emailDraft, setEmailDraft] = useState<string>();
  const [emailError, setEmailError] = useState<string>();
  const emailFocused = useRef(false);
  const pendingEmail = useRef<{ value: string; timer: ReturnType<typeof setTimeout> }>(undefined);

  usePageLanguage(locale, t.title);

  // Follow the stored e-mail (first load, or a change made elsewhere) unless the user is typing in it.
  const storedEmail = settings?.defaultEmail;
  useEffect(() => {
    if (storedEmail !== undefined && !emailFocused.current) setEmailDraft(storedEmail);
  }, [storedEmail]);

  const save = async (patch: Partial<Settings>): Promise<void> => {
    try {
      await saveSettings(patch);
      setStatus({ kind: 'saved', at: new Date() });
      if ('defaultEmail' in patch) setEmailError(undefined);
    } catch (error) {
      if (error instanceof SettingsValidationError) {
        if (error.fieldErrors.defaultEmail) setEmailError(error.fieldErrors.defaultEmail);
        setStatus(undefined);
      } else {
        setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const flushEmail = (value: string) => {
    if (pendingEmail.current) clearTimeout(pendingEmail.current.timer);
    pendingEmail.current = undefined;
    if (value.trim() !== settings?.defaultEmail) void save({ defaultEmail: value });
  };

  // A tab closed right after typing still keeps the address.
  useEffect(() => {
    const onHide = () => pendingEmail.current && flushEmail(pendingEmail.current.value);
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  });

  const onEmailInput = (value: string) => {
    setEmailDraft(value);
    if (pendingEmail.current) clearTimeout(pendingEmail.current.timer);
    pendingEmail.current = undefined;
    // Half-typed addresses are not errors yet: say so on leaving the field, save only valid ones.
    if (SettingsSchema.shape.defaultEmail.safeParse(value).success) {
      setEmailError(undefined);
      pendingEmail.current = { value, timer: setTimeout(() => flushEmail(value), EMAIL_SAVE_DELAY_MS) };
    }
  };

  const onSubmit = (event: FormEvent) => {
    // Enter in the e-mail field saves it now rather than reloading the page.
    event.preventDefault();
    if (emailDraft !== undefined) flushEmail(emailDraft);
  };

  if (!settings || emailDraft === undefined) {
    return (
      <main className="app">
        <p role="status">{t.loading}</p>
      </main>
    );
  }

  const statusText =
    status?.kind === 'saved'
      ? format(t.saved, { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(status.at) })
      : status?.kind === 'failed'
        ? format(t.saveFailed, { reason: status.reason })
        : '';

  return (
    <main className="app">
      <h1>{t.heading}</h1>
      <p className="muted">{t.intro}</p>
      <form className="options-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={ids.language}>{t.language}</label>
        <select
          id={ids.language}
          value={settings.language}
          aria-describedby={`${ids.language}-hint`}
          onChange={(e) => void save({ language: e.target.value as Settings['language'] })}
        >
          <option value="auto">{format(t.languageAuto, { language: t.browserLanguage[resolveLocale('auto', uiLanguage)] })}</option>
          <option value="fr" lang="fr">
            Français
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
        <p id={`${ids.language}-hint`} className="hint">
          {t.languageHint}
        </p>

        <label htmlFor={ids.email}>{t.defaultEmail}</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="email"
          value={emailDraft}
          aria-invalid={Boolean(emailError)}
          aria-describedby={`${ids.email}-hint${emailError ? ` ${ids.email}-error` : ''}`}
          onFocus={() => (emailFocused.current = true)}
          onBlur={(e) => {
            emailFocused.current = false;
            flushEmail(e.target.value);
          }}
          onChange={(e) => onEmailInput(e.target.value)}
        />
        <p id={`${ids.email}-hint`} className="hint">
          {t.defaultEmailHint}
        </p>
        {emailError && (
          <p id={`${ids.email}-error`} className="field-error" role="alert">
            {emailError}
          </p>
        )}

        <div className="checkbox-row">
          <input
            id={ids.screenshot}
            type="checkbox"
            checked={settings.attachScreenshotByDefault}
            aria-describedby={`${ids.screenshot}-hint`}
            onChange={(e) => void save({ attachScreenshotByDefault: e.target.checked })}
          />
          <label htmlFor={ids.screenshot}>{t.attachScreenshot}</label>
        </div>
        <p id={`${ids.screenshot}-hint`} className="hint">
          {t.attachScreenshotHint}
        </p>

        <p role="status" className="save-status">
          {statusText}
        </p>
      </form>
    </main>
  );
}
