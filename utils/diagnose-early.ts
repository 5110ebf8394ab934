/**
 * The slow part of collecting diagnostics is waiting: for the page's snapshot, for the
 * worker's screenshot, for the client hints. This module starts that waiting the moment the
 * popup's first script runs, before React and the contract's schemas have even loaded, and
 * hands the raw answers to utils/diagnose.ts, which validates them. It must stay small: it is
 * what the popup loads first.
 */
import { browser } from 'wxt/browser';
import { sendMessage, type CaptureResult, type PageSnapshot } from './messaging';
import { askClientHints, type HighEntropyValues, type UserAgentDataLike } from './client-hints';
import { fitUnderCap, type Encoded } from './screenshot-encode';

/** What the tab and the browser answered, not yet validated. */
export interface RawDiagnosis {
  snapshot?: PageSnapshot;
  /** The visible capture, decoded and under the size cap; or why there is none. */
  screenshot: { ok: true; image: Encoded } | { ok: false; reason: string };
  hints?: HighEntropyValues;
}

/** The worker's capture as a blob under the size cap (≤ 300 KB at 1280×800). */
async function visibleScreenshot(tabId: number): Promise<RawDiagnosis['screenshot']> {
  const capture = await sendMessage('captureVisible', { tabId }).catch((error: unknown): CaptureResult => ({ ok: false, reason: 'failed', detail: String(error) }));
  performance.mark('osortoo:captured');
  if (!capture.ok) return { ok: false, reason: capture.reason };
  try {
    return { ok: true, image: await fitUnderCap(await (await fetch(capture.dataUrl)).blob()) };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** How long the form waits for the page's content script. */
const SNAPSHOT_TIMEOUT_MS = 3000;

async function snapshotOf(tabId: number): Promise<PageSnapshot | undefined> {
  try {
    const answer = await Promise.race([
      sendMessage('getPageSnapshot', undefined, { tabId, frameId: 0 }),
      // Generous: a busy page (or machine) can answer late, and without the snapshot the
      // ticket loses every diagnostic; an unanswered tab (not an Osortoo page) costs this wait.
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SNAPSHOT_TIMEOUT_MS)),
    ]);
    performance.mark('osortoo:snapshot');
    return answer ?? undefined;
  } catch {
    return undefined;
  }
}

/** Asks the tab, the worker and the browser at once. */
export function askTab(tabId: number): Promise<RawDiagnosis> {
  const hints = askClientHints((navigator as { userAgentData?: UserAgentDataLike }).userAgentData, 300);
  return Promise.all([snapshotOf(tabId), visibleScreenshot(tabId), hints]).then(([snapshot, screenshot, highEntropy]) => ({ snapshot, screenshot, hints: highEntropy }));
}

/** `popup.html?tabId=N` diagnoses tab N (the "open in a window" form, and the e2e tests). */
export async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let early: { tabId: Promise<number | undefined>; answers: Promise<RawDiagnosis | undefined> } | undefined;

/** Starts asking as soon as the popup opens; call once, before loading the UI. */
export function startEarly(): void {
  performance.mark('osortoo:early-start');
  const tabId = targetTabId().catch(() => undefined);
  early = { tabId, answers: tabId.then((id) => (id === undefined ? undefined : askTab(id))) };
}

/** The tab the popup is about, resolved once by startEarly (or now, if it was not called). */
export function earlyTabId(): Promise<number | undefined> {
  return early?.tabId ?? targetTabId();
}

/** The answers startEarly got for `tabId`, once; later calls (a new ticket) ask again. */
export async function takeEarlyAnswers(tabId: number): Promise<RawDiagnosis | undefined> {
  const pending = early;
  early = early && { tabId: early.tabId, answers: Promise.resolve(undefined) };
  if (!pending || (await pending.tabId) !== tabId) return undefined;
  return pending.answers;
}
