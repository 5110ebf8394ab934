/**
 * Full-page screenshot, on request only (the "Full page" button): injects the page side
 * (entrypoints/fullpage-capture/index.ts, html2canvas) into the tab, runs it within a time budget and
 * reports progress. html2canvas has no progress callback, so progress is honest about what it
 * knows: fixed stages (injected, rendering, encoded) and, while rendering, the share of the
 * time budget used. On any failure the caller falls back to the visible-area capture.
 */
import { browser } from 'wxt/browser';
import { LIMITS } from '../contract/limits';
import type { ImageType } from '../contract/schemas';
import { fitUnderCap } from './capture-encode';

export type FullPageCapture =
  | { ok: true; blob: Blob; meta: { source: 'fullpage'; type: ImageType; width: number; height: number; bytes: number; edited: false } }
  | { ok: false; reason: 'timeout' | 'failed' | 'unsupported-css' | 'no-permission'; detail?: string };

/** Default time budget: beyond it the visible capture is the better answer. */
export const FULLPAGE_BUDGET_MS = 8000;

type PageAnswer =
  | { ok: true; dataUrl: string; width: number; height: number }
  | { ok: false; reason: 'failed' | 'unsupported-css'; detail: string };

const isPermissionError = (detail: string) => /permission|cannot access|activeTab|host/i.test(detail);

/** Captures the whole page of a tab with html2canvas, within `budgetMs`. */
export async function captureFullPage(
  tabId: number,
  options: { budgetMs?: number; onProgress?: (fraction: number) => void } = {},
): Promise<FullPageCapture> {
  const budgetMs = options.budgetMs ?? FULLPAGE_BUDGET_MS;
  // Never goes back (the budget ticker and the stages race): a bar that shrinks is a lie.
  let shown = -1;
  const progress = (fraction: number) => {
    const value = Math.max(0, Math.min(1, fraction));
    if (value <= shown) return;
    shown = value;
    options.onProgress?.(value);
  };
  const started = Date.now();
  progress(0);
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/fullpage-capture.js'] });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: isPermissionError(detail) ? 'no-permission' : 'failed', detail };
  }
  progress(0.1);
  const ticker = setInterval(() => progress(0.1 + 0.8 * Math.min(1, (Date.now() - started) / budgetMs)), 250);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const remaining = Math.max(0, budgetMs - (Date.now() - started));
    const run = browser.scripting
      .executeScript({ target: { tabId }, func: (budget: number) => globalThis.__osortooFullPage!(budget), args: [remaining] })
      .then(([frame]) => frame?.result as PageAnswer | undefined);
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining)));
    const answer = await Promise.race([run, timeout]);
    if (answer === 'timeout') return { ok: false, reason: 'timeout', detail: `over ${budgetMs} ms` };
    if (!answer || typeof answer !== 'object') return { ok: false, reason: 'failed', detail: 'no answer from the page' };
    if (!answer.ok)
      return {
        ok: false,
        reason: answer.reason === 'unsupported-css' ? 'unsupported-css' : 'failed',
        detail: String(answer.detail).slice(0, 300),
      };
    if (typeof answer.dataUrl !== 'string' || !answer.dataUrl.startsWith('data:image/'))
      return { ok: false, reason: 'failed', detail: 'not an image' };
    clearInterval(ticker);
    progress(0.9);
    const raw = await (await fetch(answer.dataUrl)).blob();
    const fitted = await fitUnderCap(raw, LIMITS.screenshotBytes);
    if (fitted.blob.size > LIMITS.screenshotBytes) return { ok: false, reason: 'failed', detail: 'image too large' };
    progress(1);
    return {
      ok: true,
      blob: fitted.blob,
      meta: { source: 'fullpage', type: fitted.type, width: fitted.width, height: fitted.height, bytes: fitted.blob.size, edited: false },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: isPermissionError(detail) ? 'no-permission' : 'failed', detail };
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
}
