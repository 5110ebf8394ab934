import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SupportForm } from '../../components/support-form';
import { MESSAGES, pickLocale } from '../../utils/i18n';
import { supportApiUrl } from '../../utils/config';

/** `popup.html?tabId=N` diagnoses tab N (the "open in a window" form, and the e2e tests). */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const locale = pickLocale(browser.i18n.getUILanguage());
  const t = MESSAGES[locale];
  const [tabId, setTabId] = useState<number | undefined | null>(null);
  const [apiUrl, setApiUrl] = useState<string>();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.appTitle;
    void targetTabId().then(setTabId);
    void supportApiUrl().then(setApiUrl);
  }, [locale, t.appTitle]);

  const inWindow = new URLSearchParams(location.search).has('tabId');
  const openInWindow = async () => {
    if (tabId == null) return;
    await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`), type: 'popup', width: 520, height: 760 });
    window.close();
  };

  return (
    <main className="app">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        {!inWindow && tabId != null && (
          <button type="button" className="link-button" onClick={openInWindow} title={t.openInWindowHint}>
            {t.openInWindow}
          </button>
        )}
      </header>
      {tabId === null || apiUrl === undefined ? <p role="status">{t.loading}</p> : <SupportForm tabId={tabId} locale={locale} apiUrl={apiUrl} />}
    </main>
  );
}
