/**
 * The stores' pictures (docs/store.md): 1280 × 800, the size both the Chrome Web Store and
 * addons.mozilla.org take. The form is narrow, so each picture is the demo draw page as the
 * customer sees it, with the form beside it as it opens from the toolbar, and one line saying
 * what the picture shows. Called by scripts/screenshots.ts with pictures it has just taken.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

export const STORE_SIZE = { width: 1280, height: 800 } as const;

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Escapes a caption for the composed page (captions are ours, but never HTML). */
const text = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Writes `path`: `page` (a 1280 × 800 screenshot of the draw page) dimmed behind `panel` (the
 * form), with `caption` above the form.
 */
export async function composeStoreShot(
  context: BrowserContext,
  { page, panel, caption, path }: { page: Buffer; panel: Buffer; caption: string; path: string },
): Promise<void> {
  const composer = await context.newPage();
  try {
    await composer.setViewportSize(STORE_SIZE);
    await composer.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;overflow:hidden;font-family:'DejaVu Sans',sans-serif;position:relative;background:#fff">
<img src="${dataUrl(page)}" style="position:absolute;inset:0;width:1280px;height:800px;filter:brightness(0.72)">
<p style="position:absolute;left:40px;top:32px;width:640px;margin:0;padding:18px 22px;border-radius:12px;background:#5b2bd6;color:#fff;font-size:26px;line-height:1.3">${text(caption)}</p>
<img src="${dataUrl(panel)}" style="position:absolute;right:40px;top:24px;width:480px;max-height:752px;object-fit:cover;object-position:top;border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.45)">
</body></html>`);
    await composer.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await composer.screenshot({ path, clip: { x: 0, y: 0, ...STORE_SIZE } });
  } finally {
    await composer.close();
  }
}

/** A PNG's size, read from its header (the test of the pictures checks 1280 × 800). */
export function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
