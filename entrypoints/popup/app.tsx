import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SupportForm } from '../../components/form/support-form';
import { MyTickets } from '../../components/delivery/my-tickets';
import { useSettings } from '../../components/shared/use-settings';
import { usePageLanguage } from '../../components/shared/use-page-language';
import { POPUP_MESSAGES } from '../../utils/i18n/popup';
import { browserUiLanguage, resolveLocale } from '../../utils/extension/settings';
import { supportApiUrl } from '../../utils/extension/build-config';
import { STATUS_REFRESH_MS } from '../../utils/extension/build-env';
import { earlyTabId } from '../../utils/diagnosis/diagnose-early';
import { openFormWindow } from '../../utils/extension/form-window';
import { unseenCount, watchItem } from '../../utils/delivery/ticket-watch';
import { plural } from '../../utils/i18n/format';

type View = 'form' | 'tickets';

/**
 * The popup's shell, in the toolbar's popup or in a window of its own: the title, the ways to a
 * window and to the options, and the two sections, the form and "My tickets". Its page's address
 * says which tab the form is about (`tabId`), where it was opened from (`from=toolbar`) and which
 * section shows first (`view=tickets`).
 */
export function App() {
  const settings = useSettings();
  // The options page's language, or the browser's for "automatic".
  const locale = resolveLocale(settings?.language ?? 'auto', browserUiLanguage());
  const t = POPUP_MESSAGES[locale];
  const [tabId, setTabId] = useState<number | undefined | null>(null);
  const [apiUrl, setApiUrl] = useState<string>();
  const query = new URLSearchParams(location.search);
  const [view, setView] = useState<View>(() => (query.get('view') === 'tickets' ? 'tickets' : 'form'));

  usePageLanguage(locale, t.appTitle);

  useEffect(() => {
    void earlyTabId().then(setTabId);
    void supportApiUrl().then(setApiUrl);
  }, []);

  // Support changed a ticket since "My tickets" was last opened (the toolbar badge says so too).
  const [unseen, setUnseen] = useState(0);
  useEffect(() => {
    void watchItem.getValue().then((state) => setUnseen(unseenCount(state)));
    return watchItem.watch((state) => setUnseen(unseenCount(state ?? {})));
  }, []);

  // A form about a given tab is in a window of its own, unless the toolbar's popup named the tab.
  const inWindow = query.has('tabId') && query.get('from') !== 'toolbar';
  const openInWindow = async () => {
    if (typeof tabId !== 'number') return;
    await openFormWindow(tabId);
    window.close();
  };

  const loading = tabId === null || apiUrl === undefined || settings === undefined;

  return (
    <main className="app">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <span className="app-header__actions">
          {!inWindow && typeof tabId === 'number' && (
            <button type="button" className="link-button" onClick={openInWindow} title={t.openInWindowHint}>
              {t.openInWindow}
            </button>
          )}
          <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t.openOptions}
          </button>
        </span>
      </header>
      <nav className="app-nav" aria-label={t.nav}>
        {(['form', 'tickets'] as const).map((name) => (
          <button key={name} type="button" className="app-nav__item" aria-pressed={view === name} onClick={() => setView(name)}>
            {name === 'form' ? t.writeTab : t.myTicketsTab}
            {name === 'tickets' && unseen > 0 && <span className="app-nav__new"> · {plural(locale, t.newChanges, unseen)}</span>}
          </button>
        ))}
      </nav>
      {loading ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          {/* The form stays mounted while "My tickets" is shown, so nothing typed is lost. */}
          <div hidden={view !== 'form'}>
            <SupportForm
              tabId={tabId}
              locale={locale}
              apiUrl={apiUrl}
              defaults={settings}
              inToolbarPopup={!inWindow}
              onOpenInWindow={() => void openInWindow()}
            />
          </div>
          <div hidden={view !== 'tickets'}>
            <MyTickets apiUrl={apiUrl} locale={locale} refreshMs={STATUS_REFRESH_MS} active={view === 'tickets'} />
          </div>
        </>
      )}
    </main>
  );
}
