/**
 * The slow part of diagnosing a tab is waiting: for the worker's collection (the screenshot
 * and the page's snapshot, started at the toolbar click) and for the client hints. This module
 * starts that waiting the moment the popup's first script runs, before React has even loaded,
 * and hands the answers to utils/diagnosis/diagnose.ts. It must stay small: it is what the popup loads
 * first.
 */
import { browser } from 'wxt/browser';
import { NO_PAGE, sendMessage, type CollectedTab, type PageAnswers } from '../extension/messaging';
import { askClientHints, type HighEntropyValues, type UserAgentDataLike } from './client-hints';
import type { ImageType as EncodedType } from '../contract/schemas';
import { blobFromDataUrl } from '../screenshots/data-url';

/** What the worker and the browser answered. */
export interface Answers extends PageAnswers {
  /** When the worker started collecting (epoch ms); absent when it was not asked. */
  startedAt?: number;
  /** The visible capture, under the size cap; or why there is none. */
  screenshot: { ok: true; blob: Blob; type: EncodedType; width: number; height: number } | { ok: false; reason: string };
  hints?: HighEntropyValues;
}

/** What a tab that cannot be asked contributes (`reason`: why there is no screenshot). */
export function unanswered(reason: string): Answers {
  return { ...NO_PAGE, screenshot: { ok: false, reason } };
}

/** The worker's collection, with the screenshot back as a blob. */
async function collected(tabId: number): Promise<Omit<Answers, 'hints'>> {
  let answer: CollectedTab;
  try {
    answer = await sendMessage('collectTab', { tabId });
  } catch {
    return unanswered('failed');
  }
  performance.mark('osortoo:collected');
  const { screenshot, ...page } = answer;
  if (!screenshot.ok) return { ...page, screenshot };
  try {
    const blob = blobFromDataUrl(screenshot.dataUrl);
    return { ...page, screenshot: { ok: true, blob, type: screenshot.type, width: screenshot.width, height: screenshot.height } };
  } catch {
    return { ...page, screenshot: { ok: false, reason: 'failed' } };
  }
}

/** Asks the worker and the browser at once. */
export function askTab(tabId: number): Promise<Answers> {
  const hints = askClientHints((navigator as { userAgentData?: UserAgentDataLike }).userAgentData, 300);
  return Promise.all([collected(tabId), hints]).then(([answers, highEntropy]) => ({ ...answers, hints: highEntropy }));
}

/** `popup.html?tabId=N` is about tab N (the toolbar's popup, "open in a window", the e2e tests). */
function tabIdInAddress(): number | undefined {
  const param = new URLSearchParams(location.search).get('tabId');
  return param && /^\d+$/.test(param) ? Number(param) : undefined;
}

/** The tab the form is about: the one its address names, else the active tab of its window. */
export async function targetTabId(): Promise<number | undefined> {
  const named = tabIdInAddress();
  if (named !== undefined) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let early: { tabId: Promise<number | undefined>; answers: Promise<Answers | undefined> } | undefined;

/** Starts asking as soon as the popup opens; call once, before loading the UI. */
export function startEarly(): void {
  performance.mark('osortoo:early-start');
  // Without a detour through promises when the address names the tab: the popup's main thread
  // is about to be busy loading the interface, and the question must leave before.
  const named = tabIdInAddress();
  const tabId = named !== undefined ? Promise.resolve(named) : targetTabId().catch(() => undefined);
  early = { tabId, answers: named !== undefined ? askTab(named) : tabId.then((id) => (id === undefined ? undefined : askTab(id))) };
}

/** The tab the popup is about, resolved once by startEarly (or now, if it was not called). */
export function earlyTabId(): Promise<number | undefined> {
  return early?.tabId ?? targetTabId();
}

/** The answers startEarly got for `tabId`, once; later calls (a new ticket) ask again. */
export async function takeEarlyAnswers(tabId: number): Promise<Answers | undefined> {
  const pending = early;
  early = early && { tabId: early.tabId, answers: Promise.resolve(undefined) };
  if (!pending || (await pending.tabId) !== tabId) return undefined;
  return pending.answers;
}
