/**
 * Gathers, from the form's side, everything support needs about a tab: the page's snapshot
 * (diagnostics and draw context, validated here since the page could have forged them), a
 * visible-area screenshot from the worker, and the browser/device description.
 */
import { browser } from 'wxt/browser';
import { DiagnosticEntrySchema, DrawContextSchema, type Diagnostics, type DrawContext, type Environment, type ScreenshotMeta } from './contract';
import { askTab, takeEarlyAnswers } from './diagnose-early';
import { collectEnvironment } from './environment';
import { LIMITS } from './limits';
import { captureFullPage } from './fullpage-capture';

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
  /** Milliseconds from the start of collection to everything ready (benchmarked). */
  readyMs: number;
}

/** Keeps the entries that match the contract; anything else the page sent is counted as dropped. */
export function validateDiagnostics(raw: unknown): Diagnostics {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as { entries?: unknown; dropped?: unknown };
  const list = Array.isArray(input.entries) ? input.entries : [];
  const entries = list.flatMap((entry) => {
    const parsed = DiagnosticEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, LIMITS.entries);
  const dropped = (typeof input.dropped === 'number' && Number.isSafeInteger(input.dropped) && input.dropped >= 0 ? input.dropped : 0) + (list.length - entries.length);
  return { entries, dropped, leftOut: 0 };
}

/** Collects everything about the tab, in parallel. */
export async function diagnoseTab(tabId: number | undefined): Promise<Captured> {
  const started = performance.now();
  // The popup started asking before its UI loaded (utils/diagnose-early.ts); a new ticket asks
  // again. Without a tab (a browser window with none), it is a general ticket.
  const { snapshot, screenshot: shot, hints: highEntropy } =
    tabId === undefined ? { snapshot: undefined, screenshot: { ok: false as const, reason: 'no-tab' }, hints: undefined } : ((await takeEarlyAnswers(tabId)) ?? (await askTab(tabId)));
  // The browser is the same as the page's; the viewport and screen are the page's own.
  const page = snapshot?.page;
  const environment = await collectEnvironment({
    navigator: { userAgent: navigator.userAgent, language: navigator.language, languages: navigator.languages, onLine: page?.online ?? navigator.onLine, userAgentData: (navigator as { userAgentData?: never }).userAgentData },
    screen: page?.screen ?? { width: screen.width, height: screen.height },
    window: { innerWidth: page?.viewport.width ?? innerWidth, innerHeight: page?.viewport.height ?? innerHeight, devicePixelRatio: page?.devicePixelRatio ?? devicePixelRatio },
    extensionVersion: browser.runtime.getManifest().version,
    highEntropy: highEntropy ?? {},
  });
  // The page rules decide whether this is an Osortoo page: in development builds the content
  // scripts also answer on any localhost page, which must not pass for a draw page.
  const parsedContext = DrawContextSchema.safeParse(snapshot?.context);
  const onOsortooPage = Boolean(snapshot) && parsedContext.success && parsedContext.data.onOsortooPage;
  const context: DrawContext = onOsortooPage && parsedContext.success ? parsedContext.data : { onOsortooPage: false, url: undefined };
  return {
    tabId,
    onOsortooPage,
    context,
    // Another site's errors are none of support's business: diagnostics come from Osortoo pages only.
    diagnostics: onOsortooPage && snapshot ? validateDiagnostics(snapshot.diagnostics) : { entries: [], dropped: 0, leftOut: 0 },
    environment,
    screenshot: shot.ok ? { blob: shot.image.blob, meta: { source: 'visible', type: shot.image.type, width: shot.image.width, height: shot.image.height, bytes: shot.image.blob.size, edited: false } } : undefined,
    screenshotError: shot.ok ? undefined : shot.reason,
    readyMs: markReady(started),
  };
}

/** Records when everything was ready, as a performance mark the benchmark reads from the form. */
function markReady(started: number): number {
  const now = performance.now();
  performance.mark('osortoo:diagnostics-ready', { detail: { readyMs: now - started } });
  return now - started;
}

// e2e builds only: lets tests and the benchmark drive the collection and the full-page capture
// from the form's page, where they run for real (never present in the release build).
if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { osortooTest: { diagnoseTab, captureFullPage } });
