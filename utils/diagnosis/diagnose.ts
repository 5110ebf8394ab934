/**
 * Gathers, on the form's side, everything support needs about a tab: what the worker collected
 * (the screenshot, and the page's context and diagnostics it validated) and the browser/device
 * description. Holds no schema: the popup has its diagnostics before the contract's code loads.
 */
import { browser } from 'wxt/browser';
import type { Diagnostics, DrawContext, Environment, ScreenshotMeta } from '../contract/schemas';
import { askTab, takeEarlyAnswers, unanswered } from './diagnose-early';
import { collectEnvironment } from './environment';

export interface CapturedScreenshot {
  blob: Blob;
  meta: Omit<ScreenshotMeta, 'index'>;
}

export interface Captured {
  tabId: number | undefined;
  /** False when the tab is not an Osortoo page (no content script answered). */
  onOsortooPage: boolean;
  context: DrawContext;
  diagnostics: Diagnostics;
  environment: Environment;
  screenshot?: CapturedScreenshot;
  screenshotError?: string;
  /** When the worker started collecting the tab (epoch ms): at the toolbar click, or when asked. */
  collectionStartedAt?: number;
}

/** Collects everything about the tab, in parallel. */
export async function diagnoseTab(tabId: number | undefined): Promise<Captured> {
  // The popup started asking before its UI loaded (utils/diagnosis/diagnose-early.ts); a new ticket asks
  // again. Without a tab (a browser window with none), it is a general ticket.
  const answers = tabId === undefined ? unanswered('no-tab') : ((await takeEarlyAnswers(tabId)) ?? (await askTab(tabId)));
  // The browser is the same as the page's; the viewport and screen are the page's own.
  const { page, screenshot: shot } = answers;
  const environment = await collectEnvironment({
    navigator: {
      userAgent: navigator.userAgent,
      language: navigator.language,
      languages: navigator.languages,
      onLine: page?.online ?? navigator.onLine,
      userAgentData: (navigator as { userAgentData?: never }).userAgentData,
    },
    screen: page?.screen ?? { width: screen.width, height: screen.height },
    window: {
      innerWidth: page?.viewport.width ?? innerWidth,
      innerHeight: page?.viewport.height ?? innerHeight,
      devicePixelRatio: page?.devicePixelRatio ?? devicePixelRatio,
    },
    extensionVersion: browser.runtime.getManifest().version,
    highEntropy: answers.hints ?? {},
  });
  const captured: Captured = {
    tabId,
    onOsortooPage: answers.onOsortooPage,
    context: answers.context,
    diagnostics: answers.diagnostics,
    environment,
    screenshot: shot.ok
      ? {
          blob: shot.blob,
          meta: { source: 'visible', type: shot.type, width: shot.width, height: shot.height, bytes: shot.blob.size, edited: false },
        }
      : undefined,
    screenshotError: shot.ok ? undefined : shot.reason,
    collectionStartedAt: answers.startedAt,
  };
  markReady(captured);
  return captured;
}

/** What the readiness mark tells (the benchmark and the e2e tests read it from the form). */
export interface ReadyDetail {
  tabId?: number;
  onOsortooPage: boolean;
  entries: number;
  screenshot?: Omit<ScreenshotMeta, 'index'>;
  screenshotError?: string;
  collectionStartedAt?: number;
}

/** Records when everything was ready, as a performance mark `osortoo:diagnostics-ready`. */
function markReady(captured: Captured): void {
  const detail: ReadyDetail = {
    tabId: captured.tabId,
    onOsortooPage: captured.onOsortooPage,
    entries: captured.diagnostics.entries.length,
    screenshot: captured.screenshot?.meta,
    screenshotError: captured.screenshotError,
    collectionStartedAt: captured.collectionStartedAt,
  };
  performance.mark('osortoo:diagnostics-ready', { detail });
}
