import { snapdom } from '@zumer/snapdom';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { smallImages } from '../../utils/screenshots/full-page-images';
import { capturedHeight, planRegion } from '../../utils/screenshots/full-page-region';
import { cloneTextLeaf } from '../../utils/screenshots/full-page-text-leaves';
import type { FullPageDoor, PageAnswer, PageStage } from '../../utils/screenshots/full-page-protocol';

/**
 * The page side of the full-page screenshot, injected only when the customer asks for one
 * (`scripting.executeScript` with this file), so the ~60 KB library is never part of the
 * scripts every Osortoo page gets. It registers the door of utils/screenshots/full-page-protocol.ts.
 *
 * Why this way (README, "Full-page screenshot"; measured on the bench's in-flow pages):
 * - @zumer/snapdom, not html2canvas: html2canvas 1.4 throws on oklch() and friends; its fork
 *   html2canvas-pro draws them but re-lays the whole page out in an iframe in one task, at
 *   html2canvas's speed. snapdom reads the page's own computed styles (so any colour syntax the
 *   browser knows is drawn by the browser itself), clones in slices that yield every frame
 *   (`fast: false`) and prunes by `clip`.
 * - Only the region drawn is cloned (utils/screenshots/full-page-region.ts): cost follows the
 *   cut, not the page's length.
 * - Small images (avatars) are drawn once per picture, not once per copy, in slices before the
 *   clone (utils/screenshots/full-page-images.ts), and elements holding only text are cloned
 *   whole (utils/screenshots/full-page-text-leaves.ts): both handed over by snapdom's `resolveNode`.
 * - The page only clones and serialises; the SVG is drawn into pixels and compressed by the
 *   popup, so that work never freezes the customer's tab.
 */

let stage: PageStage | undefined;
let cancelled = false;

async function run(): Promise<PageAnswer> {
  cancelled = false;
  try {
    stage = 'planning';
    const root = document.documentElement;
    const width = root.clientWidth;
    const pageHeight = Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0);
    const height = capturedHeight(pageHeight, window.innerHeight);
    const plan = await planRegion(root, height, () => cancelled);
    if (cancelled) return { ok: false, reason: 'cancelled', detail: 'cancelled' };
    stage = 'cloning';
    const images = smallImages();
    await images.prepare(root, height, () => cancelled);
    const result = await snapdom(root, {
      clip: { x: 0, y: 0, width, height },
      dpr: 1,
      fast: false,
      // The customer's own fonts are installed where the popup draws; a page's web fonts are
      // embedded only when it declares some ('auto').
      embedFonts: 'auto',
      // Computed values already have var() resolved; the custom properties themselves (Tailwind v4
      // puts ~250 on :root, inherited by every node) would be copied onto each cloned element.
      excludeStyleProps: /^--/,
      exclude: (element) => plan.drop.has(element),
      excludeMode: 'remove',
      filter: (element) => !plan.placeholder.has(element),
      filterMode: 'hide',
      plugins: [
        {
          name: 'osortoo-stage',
          afterClone: () => {
            stage = 'serialising';
          },
        },
        {
          name: 'osortoo-small-images',
          resolveNode: (node) => images.resolve(node) ?? cloneTextLeaf(node),
          beforeRender: (context) => {
            context.classCSS = (context.classCSS ?? '') + images.css();
          },
        },
      ],
    });
    if (cancelled) return { ok: false, reason: 'cancelled', detail: 'cancelled' };
    const svg = result.url;
    const { contentX, contentY } = result.meta;
    stage = 'done';
    return { ok: true, svg, x: contentX, y: contentY, width, height, pageHeight };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return cancelled ? { ok: false, reason: 'cancelled', detail } : { ok: false, reason: 'failed', detail: detail.slice(0, 300) };
  }
}

export default defineUnlistedScript(() => {
  globalThis.__osortooFullPage ??= {
    run,
    stage: () => stage,
    cancel: () => {
      cancelled = true;
    },
  } satisfies FullPageDoor;
});
