/**
 * What the form needs from a tab and only the worker can get quickly: the visible-area
 * screenshot (under its size cap) and the page's snapshot, validated here, where page data
 * enters the extension's trusted side. The toolbar click starts this collection (toolbar.ts)
 * while the form is still opening, so the form finds it done; a form opened any other way
 * ("open in a window", a new ticket) asks here and the collection starts then.
 */
import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type CollectedTab, type PageSnapshot } from '../../utils/extension/messaging';
import { latePageAnswers, validatePageAnswers } from '../../utils/diagnosis/page-answers';
import { fitUnderCap } from '../../utils/screenshots/capture-encode';
import { blobFromDataUrl, dataUrlFromBlob } from '../../utils/screenshots/data-url';
import { captureTab } from './capture';

/** How long the worker waits for the page's content script. */
const SNAPSHOT_TIMEOUT_MS = 3000;
/** A collection started at a click is handed out once, and only while it still shows the page. */
const FRESH_MS = 10_000;

/** The page's snapshot; `late` when its content script is there but did not answer in time. */
async function snapshotOf(tabId: number): Promise<PageSnapshot | 'late' | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      sendMessage('getPageSnapshot', undefined, { tabId, frameId: 0 }),
      // Generous: a busy page (or machine) can answer late, and without the snapshot the
      // ticket loses every diagnostic (it then says so: latePageAnswers).
      new Promise<'late'>((resolve) => (timer = setTimeout(resolve, SNAPSHOT_TIMEOUT_MS, 'late'))),
    ]);
  } catch {
    // No content script in the tab: not an Osortoo page.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The visible area, under the size cap (≤ 300 KB at 1280×800); re-encoded only when over it. */
async function screenshotOf(tabId: number): Promise<CollectedTab['screenshot']> {
  const capture = await captureTab(tabId);
  if (!capture.ok) return { ok: false, reason: capture.reason };
  try {
    const original = blobFromDataUrl(capture.dataUrl);
    const image = await fitUnderCap(original);
    const dataUrl = image.blob === original ? capture.dataUrl : await dataUrlFromBlob(image.blob);
    return { ok: true, dataUrl, type: image.type, width: image.width, height: image.height };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** Captures the tab and asks its page for a snapshot, at once. */
export async function collectTab(tabId: number): Promise<CollectedTab> {
  const startedAt = Date.now();
  const [screenshot, snapshot] = await Promise.all([screenshotOf(tabId), snapshotOf(tabId)]);
  return { ...(snapshot === 'late' ? latePageAnswers() : validatePageAnswers(snapshot)), screenshot, startedAt };
}

const started = new Map<number, { at: number; collected: Promise<CollectedTab> }>();

/** Starts collecting a tab ahead of its form (the toolbar click). */
export function startCollecting(tabId: number): void {
  // Forget collections no form came for (each holds a screenshot).
  for (const [id, early] of started) if (Date.now() - early.at >= FRESH_MS) started.delete(id);
  started.set(tabId, { at: Date.now(), collected: collectTab(tabId) });
}

/** The collection started for this tab, once and while fresh; otherwise a new one. */
export function takeCollected(tabId: number): Promise<CollectedTab> {
  const early = started.get(tabId);
  started.delete(tabId);
  return early && Date.now() - early.at < FRESH_MS ? early.collected : collectTab(tabId);
}

/**
 * Whether a message comes from one of the extension's own pages (the form). Content scripts
 * are the extension's code too, but they run in the page's process: one a hostile page managed
 * to subvert must not get screenshots of whatever tab it names.
 */
export function fromExtensionPage(senderUrl: string | undefined, extensionOrigin: string): boolean {
  return typeof senderUrl === 'string' && senderUrl.startsWith(extensionOrigin);
}

export function registerCollect(): void {
  const origin = browser.runtime.getURL('/');
  onMessage('collectTab', ({ data, sender }) => {
    if (!fromExtensionPage(sender.url, origin)) throw new Error("collectTab is answered to the extension's pages only");
    return takeCollected(data.tabId);
  });
}
