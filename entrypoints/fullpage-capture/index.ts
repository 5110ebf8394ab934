import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import html2canvas from 'html2canvas';

/**
 * The page side of the full-page screenshot, injected only when the customer asks for one
 * (`scripting.executeScript` with this file): html2canvas is ~45 KB gzipped, so it is never part
 * of the scripts every Osortoo page gets. It registers one function in the extension's
 * isolated world, which the popup then calls with its time budget (utils/screenshots/full-page.ts).
 *
 * Doing less work than `html2canvas(document.body)`: children of scroll boxes that lie outside
 * the box's visible area (e.g. 2,000 comments in a 420 px list) are skipped, since they are not
 * on screen in a full-page capture either; the scale is 1 CSS pixel; no image proxying or
 * logging; the height is capped at what a canvas can hold.
 */

declare global {
  var __osortooFullPage: ((budgetMs: number) => Promise<FullPageResult>) | undefined;
}

export type FullPageResult =
  | { ok: true; dataUrl: string; width: number; height: number }
  | { ok: false; reason: 'failed' | 'unsupported-css'; detail: string };

const MAX_HEIGHT = 16_000;

/** Elements hidden inside a scroll box (outside its visible area): html2canvas need not draw them. */
function clippedElements(): Set<Element> {
  const skip = new Set<Element>();
  for (const box of document.body.querySelectorAll('*')) {
    if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) continue;
    const style = getComputedStyle(box);
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
    const area = box.getBoundingClientRect();
    for (const child of box.children) {
      const r = child.getBoundingClientRect();
      if (r.bottom < area.top || r.top > area.bottom || r.right < area.left || r.left > area.right) skip.add(child);
    }
  }
  return skip;
}

async function capture(): Promise<FullPageResult> {
  try {
    const skip = clippedElements();
    const height = Math.min(document.documentElement.scrollHeight, MAX_HEIGHT);
    const canvas = await html2canvas(document.body, {
      scale: 1,
      logging: false,
      useCORS: false,
      imageTimeout: 1500,
      height,
      windowHeight: height,
      ignoreElements: (element) => skip.has(element),
    });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    if (!blob) return { ok: false, reason: 'failed', detail: 'empty canvas' };
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { ok: true, dataUrl, width: canvas.width, height: canvas.height };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // html2canvas 1.4 throws on colour functions it does not know (oklch(), color(), lab()…).
    return {
      ok: false,
      reason: /unsupported color function|oklch|oklab|\blab\b|\blch\b|color\(/i.test(detail) ? 'unsupported-css' : 'failed',
      detail: detail.slice(0, 300),
    };
  }
}

export default defineUnlistedScript(() => {
  globalThis.__osortooFullPage ??= () => capture();
});
