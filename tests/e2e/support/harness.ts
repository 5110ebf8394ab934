/**
 * End-to-end harness: the built e2e extension (.output/chrome-mv3-e2e) in Debian's Chromium,
 * the real reference API over HTTP on a free port, and the demo draw page. Nothing is mocked.
 */
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtensions } from '../../support/chromium';
import { startApi } from '../../../server/start';
import { startDemoServer, type DemoServer } from '../../fixtures/demo-server';
import { DEV_API_URL_KEY } from '../../../utils/extension/dev-api-url-key';
import { StoredTicketSchema, type StoredTicket } from '../../../utils/contract/schemas';
import { CLOSE_KEY, REPORT_KEY, type FormReport } from '../../../entrypoints/popup/testing/report-keys';

/** The extension API inside the functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

/** The e2e build under test; E2E_EXTENSION_DIR points at another one (e.g. WXT_OUT_DIR builds). */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR
  ? resolve(process.env.E2E_EXTENSION_DIR)
  : fileURLToPath(new URL('../../../.output/chrome-mv3-e2e', import.meta.url));
export const EXTENSION_ID = 'olkiigammefckhmfmlfmbpaejfekofon';
export const SUPPORT_TOKEN = 'e2e-support-token-0123456789abcdef';

export interface Api {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestApi(
  options: { dataDir?: string; rateLimit?: false | { max: number; windowMs: number }; allowedOrigins?: string[] } = {},
): Promise<Api> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'oso-api-'));
  const api = await startApi({
    port: 0,
    dataDir,
    supportToken: SUPPORT_TOKEN,
    rateLimit: options.rateLimit ?? false,
    // Firefox's tests allow their pinned moz-extension:// origin instead (tests/support/firefox.ts).
    allowedOrigins: options.allowedOrigins ?? [`chrome-extension://${EXTENSION_ID}`],
  });
  return { url: api.url, dataDir, close: api.close };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the extension; `locale` sets the UI language the way Linux reads it,
 * `timeZone` the customer's clock (an IANA id, given to Chromium as TZ).
 */
export async function launchBrowser(
  options: { userDataDir?: string; locale?: 'en' | 'fr'; apiUrl?: string; timeZone?: string } = {},
): Promise<Browser> {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) throw new Error(`No e2e build at ${EXTENSION_DIR}: run npm run build:e2e`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'oso-profile-'));
  const context = await launchWithExtensions(userDataDir, [EXTENSION_DIR], {
    locale: options.locale,
    timeZone: options.timeZone,
    // Lets pressToolbarButton have Chrome itself press the toolbar button (CDP Extensions.triggerAction).
    args: ['--enable-unsafe-extension-debugging'],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(EXTENSION_ID), timeout: 15_000 }));
  if (options.apiUrl) await setApiUrl(worker, options.apiUrl);
  return {
    context,
    worker,
    userDataDir,
    close: async () => {
      await context.close();
    },
  };
}

/** Points the e2e build at an API on a free port (development/e2e builds only). */
export async function setApiUrl(worker: Worker, url: string): Promise<void> {
  await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [DEV_API_URL_KEY, url] as const);
}

/** The id Chromium gives a tab, read through the extension (Playwright does not expose it). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab with URL ${url}`);
  return id;
}

/**
 * Opens the form for a tab the way "open in a window" does: in a window of its own, so that
 * the diagnosed tab stays the visible one in its window and can be captured.
 */
export async function openForm(browser: Browser, tabId: number, query = ''): Promise<Page> {
  const url = `chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}${query}`;
  const [page] = await Promise.all([
    browser.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(url) }),
    browser.worker.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 520, height: 800 }), url),
  ]);
  // The document's own state, not Playwright's lifecycle event: the event of a window the
  // extension opens can be missed (Playwright's own tests raced popups and waitForLoadState,
  // microsoft/playwright#768), and a CI run waited 30 s for a `domcontentloaded` that had fired.
  // Polled on a timer: an animation frame may never come in a window that is not in front.
  await page.waitForFunction((u) => location.href.startsWith(u) && document.readyState !== 'loading', url, { polling: 50 });
  return page;
}

/** What the form reports in e2e builds (entrypoints/popup/testing/form-report.ts). */
export type { FormReport };

/**
 * Does what a click on the toolbar button does, on `tabId` (headless tests cannot click the
 * toolbar): the window is focused first, as the customer's click would. Returns how the form
 * opened and when the click happened (epoch ms, the worker's clock). `plainPopup` opens the
 * same popup without the click-time collection (the benchmark's comparison).
 */
export async function clickToolbar(
  browser: Browser,
  tabId: number,
  options: { focus?: boolean; plainPopup?: boolean } = {},
): Promise<{ opened: 'popup' | 'window'; clickedAt: number }> {
  return browser.worker.evaluate(
    async ([id, focus, key, plain]) => {
      await chrome.storage.session.remove(key);
      const tab = await chrome.tabs.get(id);
      if (focus) await chrome.windows.update(tab.windowId, { focused: true });
      const clickedAt = performance.timeOrigin + performance.now();
      const toolbar = __osortooTest.toolbar;
      return { opened: await (plain ? toolbar.openPlainPopup(tab) : toolbar.openFormFor(tab)), clickedAt };
    },
    [tabId, options.focus ?? true, REPORT_KEY, options.plainPopup ?? false] as const,
  );
}

/**
 * Presses the extension's toolbar button on the tab showing `url`, as the customer does: Chrome
 * itself dispatches `action.onClicked` to the listener the worker registered, waking the worker
 * first when it is stopped (CDP Extensions.triggerAction, on the tab's target). Unlike
 * clickToolbar, nothing here calls the worker's code. Returns when the press was sent (epoch ms).
 */
export async function pressToolbarButton(browser: Browser, url: string): Promise<number> {
  const owner = browser.context.browser();
  if (!owner) throw new Error('pressToolbarButton: no browser connection');
  const cdp = await owner.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((target) => target.url === url);
    if (tabs.length !== 1) throw new Error(`pressToolbarButton: ${tabs.length} tabs show ${url}`);
    // A click on a window's toolbar brings that window and tab to the front.
    await cdp.send('Target.activateTarget', { targetId: tabs[0]!.targetId });
    const pressedAt = Date.now();
    await cdp.send('Extensions.triggerAction', { id: EXTENSION_ID, targetId: tabs[0]!.targetId });
    return pressedAt;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The latest form's report, once it matches `until` (by default: its diagnostics are ready). */
export async function formReport(
  browser: Browser,
  until: (report: FormReport) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<FormReport> {
  return waitFor(
    async () => {
      const report = await browser.worker.evaluate(
        (key) => chrome.storage.session.get(key).then((r) => r[key] as FormReport | undefined),
        REPORT_KEY,
      );
      return report && until(report) ? report : undefined;
    },
    timeoutMs,
    25,
  );
}

/** Closes every open form (the toolbar's popup cannot be reached by Playwright). */
export async function closeForms(browser: Browser): Promise<void> {
  await browser.worker.evaluate((key) => chrome.storage.session.set({ [key]: Date.now() }), CLOSE_KEY);
}

export async function startDemo(): Promise<DemoServer> {
  return startDemoServer(0);
}

/**
 * Support's view of the stored tickets (newest first), through the real support endpoints: the
 * list's pages of summaries, then each whole ticket.
 */
export async function listTickets(api: Api): Promise<StoredTicket[]> {
  const auth = { Authorization: `Bearer ${SUPPORT_TOKEN}` };
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await fetch(`${api.url}/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
    if (!response.ok) throw new Error(`GET /v1/tickets answered ${response.status}`);
    const body = (await response.json()) as { tickets: { id: string }[]; nextCursor?: string };
    ids.push(...body.tickets.map((ticket) => ticket.id));
    cursor = body.nextCursor;
  } while (cursor);
  return Promise.all(
    ids.map(async (id) => {
      const response = await fetch(`${api.url}/v1/tickets/${id}/full`, { headers: auth });
      if (!response.ok) throw new Error(`GET /v1/tickets/${id}/full answered ${response.status}`);
      return StoredTicketSchema.parse(await response.json());
    }),
  );
}

export async function fetchScreenshot(api: Api, id: string, index: number): Promise<{ type: string; bytes: Buffer }> {
  const response = await fetch(`${api.url}/v1/tickets/${id}/screenshots/${index}`, {
    headers: { Authorization: `Bearer ${SUPPORT_TOKEN}` },
  });
  if (!response.ok) throw new Error(`screenshot ${index} answered ${response.status}`);
  return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Polls until `check` returns a value, or fails with the last error after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`waitFor timed out${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Removes a temporary folder, ignoring what is already gone. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
