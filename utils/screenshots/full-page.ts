/**
 * Full-page screenshot, on request only (the "Capture the whole page" button): injects the page
 * side (entrypoints/fullpage-capture/index.ts) into the tab, which clones the page's top part
 * into an SVG without long tasks, then draws and compresses it here, in the popup
 * (utils/screenshots/full-page-raster.ts). Progress is honest: it moves only when a stage ends or
 * a band is drawn, never with the clock. `signal` cancels; a budget turns a capture that hangs
 * into 'timeout'. On any failure the form keeps the visible-area capture and says why.
 */
import { browser } from 'wxt/browser';
import type { ImageType, ScreenshotMeta } from '../contract/schemas';
import { rasterize } from './full-page-raster';
import type { PageAnswer, PageStage } from './full-page-protocol';

export type FullPageStage = 'injecting' | PageStage | 'drawing' | 'compressing';

export type FullPageCapture =
  | {
      ok: true;
      blob: Blob;
      meta: {
        source: 'fullpage';
        type: ImageType;
        width: number;
        height: number;
        bytes: number;
        edited: false;
        cut?: ScreenshotMeta['cut'];
      };
    }
  | { ok: false; reason: 'timeout' | 'failed' | 'no-permission' | 'cancelled' | 'blank'; detail?: string };

export interface FullPageOptions {
  budgetMs?: number;
  /** `fraction` in [0, 1], never going back; `stage` names what is being done now. */
  onProgress?: (fraction: number, stage: FullPageStage) => void;
  signal?: AbortSignal;
}

/** Default time budget: beyond it the visible capture is the better answer. */
export const FULLPAGE_BUDGET_MS = 15_000;
/** Where each stage starts on the progress bar; drawing fills 0.55 → 0.95 band by band. */
const STAGE_AT: Record<FullPageStage, number> = {
  injecting: 0,
  planning: 0.05,
  cloning: 0.15,
  serialising: 0.4,
  done: 0.5,
  drawing: 0.55,
  compressing: 0.95,
};
const POLL_MS = 200;

const isPermissionError = (detail: string) => /permission|cannot access|activeTab|host/i.test(detail);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Captures the page of tab `tabId` from its top, cut at the cap of full-page-region.ts. */
export async function captureFullPage(tabId: number, options: FullPageOptions = {}): Promise<FullPageCapture> {
  const budgetMs = options.budgetMs ?? FULLPAGE_BUDGET_MS;
  const started = Date.now();
  let shown = -1;
  const progress = (fraction: number, stage: FullPageStage) => {
    const value = Math.max(0, Math.min(1, fraction));
    if (value < shown) return;
    shown = value;
    options.onProgress?.(value, stage);
  };
  const overBudget = () => Date.now() - started > budgetMs;
  const stopped = () => Boolean(options.signal?.aborted) || overBudget();
  const target = { tabId };
  const tellPageToStop = () =>
    browser.scripting.executeScript({ target, func: () => globalThis.__osortooFullPage?.cancel() }).catch(() => undefined);
  const failure = (reason: 'failed' | 'no-permission', error: unknown): FullPageCapture => {
    const detail = message(error);
    if (options.signal?.aborted) return { ok: false, reason: 'cancelled' };
    if (overBudget()) return { ok: false, reason: 'timeout', detail: `over ${budgetMs} ms` };
    return { ok: false, reason: isPermissionError(detail) ? 'no-permission' : reason, detail: detail.slice(0, 300) };
  };

  progress(0, 'injecting');
  try {
    await browser.scripting.executeScript({ target, files: ['/fullpage-capture.js'] });
  } catch (error) {
    return failure('failed', error);
  }
  if (stopped()) return failure('failed', 'stopped');

  // The page works in slices; its stage is read a few times a second for the bar.
  let answer: PageAnswer | 'stopped' | undefined;
  const run = browser.scripting
    .executeScript({ target, func: () => globalThis.__osortooFullPage!.run() })
    .then(([frame]) => frame?.result as PageAnswer | undefined);
  const onAbort = () => void tellPageToStop();
  options.signal?.addEventListener('abort', onAbort);
  try {
    while (answer === undefined) {
      const tick = new Promise<'tick'>((resolve) => setTimeout(() => resolve('tick'), POLL_MS));
      const next = await Promise.race([run, tick]);
      if (next !== 'tick') {
        answer = next ?? { ok: false, reason: 'failed', detail: 'no answer from the page' };
        break;
      }
      if (stopped()) {
        answer = 'stopped';
        void tellPageToStop();
        break;
      }
      const [frame] = await browser.scripting.executeScript({ target, func: () => globalThis.__osortooFullPage?.stage() });
      const stage = frame?.result as PageStage | undefined;
      if (stage) progress(STAGE_AT[stage], stage);
    }
  } catch (error) {
    return failure('failed', error);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (answer === 'stopped' || stopped()) return failure('failed', 'stopped');
  if (!answer.ok) return answer.reason === 'cancelled' ? { ok: false, reason: 'cancelled' } : failure('failed', answer.detail);
  if (typeof answer.svg !== 'string' || !answer.svg.startsWith('data:image/svg+xml'))
    return { ok: false, reason: 'failed', detail: 'not an image' };

  progress(STAGE_AT.drawing, 'drawing');
  try {
    const encoded = await rasterize(
      answer,
      (done, total) =>
        progress(STAGE_AT.drawing + ((STAGE_AT.compressing - STAGE_AT.drawing) * done) / total, done < total ? 'drawing' : 'compressing'),
      stopped,
    );
    progress(1, 'compressing');
    const cut =
      answer.pageHeight > answer.height ? { capturedPx: Math.round(answer.height), pagePx: Math.round(answer.pageHeight) } : undefined;
    return {
      ok: true,
      blob: encoded.blob,
      meta: {
        source: 'fullpage',
        type: encoded.type,
        width: encoded.width,
        height: encoded.height,
        bytes: encoded.blob.size,
        edited: false,
        ...(cut ? { cut } : {}),
      },
    };
  } catch (error) {
    if (message(error) === 'blank') return { ok: false, reason: 'blank', detail: 'the drawn page was a single colour' };
    if (message(error) === 'cancelled') return failure('failed', error);
    return failure('failed', error);
  }
}
