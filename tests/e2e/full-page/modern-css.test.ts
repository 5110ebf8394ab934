/**
 * The full-page capture on a draw page written in modern CSS (oklch(), oklab(), lab(), lch(),
 * color(), color-mix() and Tailwind v4's palette; tests/fixtures/in-flow-draw-page.ts), comments
 * in the document flow, taller than the cap:
 * - the real form's button: progress shown, the capture added, cut at the cap, the cut stated
 *   in the image's metadata and on the form; Cancel stops a capture and adds nothing;
 * - faithful: the image compared pixel by pixel with Chromium's own rendering of the same regions
 *   (DevTools' screenshot of the tab). Tolerance: mean absolute difference ≤ 8 / 255 per channel,
 *   and ≥ 95 % of pixels within 40 / 255 on every channel. Text anti-aliasing and JPEG (quality
 *   0.85) stay well inside it (measured: mean ≈ 1, ≥ 99 % of pixels close); a missing shadow
 *   or a grey frame round every card fails the second, a page shifted by 2 px or a blank image
 *   fails both; each avatar on them (an <img>, drawn once per picture:
 *   utils/screenshots/full-page-images.ts) must match too (mean difference ≤ AVATAR_MEAN_MAX):
 *   a missing, blank or grey-placeholder avatar differs by ~100;
 * - real failures still fall back to the visible-area capture, with the reason shown.
 */
import { describe, expect, it } from 'vitest';
import { openForm, tabIdOf } from '../support/harness';
import { useStack } from '../support/stack';

const stack = useStack();

const SHIFT_MAX = 2;
const MEAN_MAX = 3.5;
const CLOSE_SHARE_MIN = 0.975;
const CLOSE_PER_CHANNEL = 40;
const AVATAR_MEAN_MAX = 12;

async function openDrawPage(query: string) {
  const page = await stack.browser.context.newPage();
  const url = `${stack.demo.drawUrl}?${query}`;
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, url, tabId: await tabIdOf(stack.browser.worker, url) };
}

describe('full page on modern CSS', () => {
  it('captures an oklch() page faithfully, cut at the cap with the cut stated, and can cancel', async () => {
    const { page, tabId } = await openDrawPage('flow=380&css=modern');
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeGreaterThan(25_000);
    const form = await openForm(stack.browser, tabId);
    const items = form.getByTestId('screenshot-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(1);
    const button = form.getByRole('button', { name: 'Capture the whole page' });

    // Cancel: the bar and its button are there while it runs; nothing is added.
    await button.click();
    await form.getByRole('button', { name: 'Cancel the capture' }).click();
    await expect.poll(() => form.getByTestId('screenshot-status').textContent()).toBe('Whole-page capture cancelled.');
    expect(await items.count()).toBe(1);

    // The real button: honest progress, then the image, cut at ten screens and saying so.
    await button.click();
    await form.getByRole('progressbar', { name: 'Whole-page capture' }).waitFor();
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    expect(await form.getByTestId('screenshot-error').textContent()).toBe('');
    const cutText = `The page is ${pageHeight.toLocaleString('en')} px tall: the image shows its top 8,000 px and is cut there.`;
    expect(await form.getByTestId('screenshot-status').textContent()).toBe(`Image added. ${cutText}`);
    await form.getByText(`cut at 8,000 of ${pageHeight.toLocaleString('en')} px`).waitFor();

    // The same capture through the form's test door, to read its pixels and metadata.
    await form.waitForFunction(() => '__osortooTest' in globalThis);
    const shot = await form.evaluate(async (id) => {
      const r = await __osortooTest.form.captureFullPage(id);
      if (!r.ok) return { error: `${r.reason} ${r.detail ?? ''}` };
      const bytes = new Uint8Array(await r.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { meta: r.meta, base64: btoa(binary) };
    }, tabId);
    if ('error' in shot) throw new Error(`capture failed: ${shot.error}`);
    expect(shot.meta).toMatchObject({ source: 'fullpage', width: 1280, height: 8000, cut: { capturedPx: 8000, pagePx: pageHeight } });
    expect(shot.meta.bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);

    // Chromium's own rendering of three regions: the top (sticky bar, title, winners), the middle
    // of the comments and the last screen before the cut.
    const regions = [0, 3600, 7200];
    // Where the avatars are, in page coordinates: those wholly inside a region are compared.
    const avatars = await page.evaluate(() =>
      [...document.querySelectorAll('.comment img')].map((img) => {
        const r = img.getBoundingClientRect();
        return { x: Math.round(r.left), y: Math.round(r.top + window.scrollY), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    );
    const references = [];
    for (const y of regions) {
      const png = await page.screenshot({ fullPage: true, clip: { x: 0, y, width: 1280, height: 800 }, type: 'png' });
      references.push(png.toString('base64'));
    }
    const compared = await form.evaluate(
      async ({ ours, refs, ys, channel, boxes }) => {
        const decode = async (base64: string, type: string) =>
          createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
        const pixels = (bitmap: ImageBitmap, y: number) => {
          const canvas = new OffscreenCanvas(1280, 800);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, y, 1280, 800, 0, 0, 1280, 800);
          return context.getImageData(0, 0, 1280, 800).data;
        };
        const image = await decode(ours, 'image/jpeg');
        const results = [];
        for (let i = 0; i < ys.length; i++) {
          const b = pixels(await decode(refs[i]!, 'image/png'), 0);
          // The best vertical alignment within ±4 px: layout rounding may drift a little down the
          // page; how far is part of the verdict (SHIFT_MAX), not hidden by it.
          let best = { dy: 0, mean: Number.POSITIVE_INFINITY, closeShare: 0, contrast: 0 };
          for (let dy = -4; dy <= 4; dy++) {
            const a = pixels(image, ys[i]! + dy);
            let sum = 0;
            let close = 0;
            let lo = 255;
            let hi = 0;
            // Rows 4 px in from each edge, so every offset compares the same rows of the reference.
            for (let p = 1280 * 4 * 4; p < a.length - 1280 * 4 * 4; p += 4) {
              let worst = 0;
              for (let c = 0; c < 3; c++) {
                const d = Math.abs(a[p + c]! - b[p + c]!);
                sum += d;
                worst = Math.max(worst, d);
              }
              if (worst <= channel) close++;
              const luma = a[p]! * 0.3 + a[p + 1]! * 0.59 + a[p + 2]! * 0.11;
              lo = Math.min(lo, luma);
              hi = Math.max(hi, luma);
            }
            const count = a.length / 4 - 1280 * 8;
            const mean = sum / (count * 3);
            if (mean < best.mean) best = { dy, mean, closeShare: close / count, contrast: hi - lo };
          }
          // Each avatar wholly inside the region, at its own best alignment (the drift varies
          // down the region by a pixel).
          const shifted = [-1, 0, 1].map((d) => pixels(image, ys[i]! + best.dy + d));
          let avatarsSeen = 0;
          let worstAvatar = 0;
          for (const box of boxes) {
            const top = box.y - ys[i]!;
            if (top < 4 || top + box.height > 800 - 4) continue;
            let avatarBest = Number.POSITIVE_INFINITY;
            for (const a of shifted) {
              let sum = 0;
              for (let y = top; y < top + box.height; y++)
                for (let x = box.x; x < box.x + box.width; x++)
                  for (let c = 0; c < 3; c++) sum += Math.abs(a[(y * 1280 + x) * 4 + c]! - b[(y * 1280 + x) * 4 + c]!);
              avatarBest = Math.min(avatarBest, sum / (box.width * box.height * 3));
            }
            avatarsSeen++;
            worstAvatar = Math.max(worstAvatar, avatarBest);
          }
          results.push({ y: ys[i], ...best, avatarsSeen, worstAvatar });
        }
        return results;
      },
      { ours: shot.base64, refs: references, ys: regions, channel: CLOSE_PER_CHANNEL, boxes: avatars },
    );
    console.log('full page vs Chromium (modern CSS):', JSON.stringify(compared));
    for (const region of compared) {
      expect(region.contrast, `region at ${region.y}: not blank`).toBeGreaterThan(100);
      expect(Math.abs(region.dy), `region at ${region.y}: shifted by ${region.dy} px`).toBeLessThanOrEqual(SHIFT_MAX);
      expect(region.mean, `region at ${region.y}: mean difference`).toBeLessThanOrEqual(MEAN_MAX);
      expect(region.closeShare, `region at ${region.y}: share of close pixels`).toBeGreaterThanOrEqual(CLOSE_SHARE_MIN);
      expect(region.avatarsSeen, `region at ${region.y}: avatars compared`).toBeGreaterThan(2);
      expect(region.worstAvatar, `region at ${region.y}: worst avatar's mean difference`).toBeLessThanOrEqual(AVATAR_MEAN_MAX);
    }
    await form.close();
    await page.close();
  });

  it('falls back to the visible-area capture on real failures, saying why', async () => {
    const { page, tabId } = await openDrawPage('flow=40&css=modern');
    const form = await openForm(stack.browser, tabId);
    const items = form.getByTestId('screenshot-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(1);
    await form.waitForFunction(() => '__osortooTest' in globalThis);
    // Over its time budget: a timeout, not a hang.
    const late = await form.evaluate((id) => __osortooTest.form.captureFullPage(id, { budgetMs: 5 }), tabId);
    expect(late).toMatchObject({ ok: false, reason: 'timeout' });

    // The tab now shows a page the extension may not touch: the button says so and the
    // visible capture stays attached.
    await page.goto('chrome://version');
    await form.getByRole('button', { name: 'Capture the whole page' }).click();
    await expect
      .poll(() => form.getByTestId('screenshot-error').textContent(), { timeout: 20_000 })
      .toBe(
        'The whole page could not be captured (the browser did not allow it on this page). The visible part of the page, captured when the form opened, stays attached.',
      );
    expect(await items.count()).toBe(1);
    await form.close();
    await page.close();
  });
});
