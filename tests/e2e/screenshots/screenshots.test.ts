/**
 * The screenshots panel in real Chromium, as an extension page of (a copy of) the e2e build,
 * and then in the real form, through to the screenshot support reads back from the API:
 * a blackout drawn with the mouse is burned into the saved bytes (every pixel in it pure
 * black, every other pixel unchanged), the editor works by keyboard alone and closes on
 * Escape, images are attached by file picker, paste and drop, bad files are refused in the
 * customer's language, and axe finds no serious or critical violation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { LIMITS } from '../../../utils/contract/limits';
import type { ScreenshotEdit } from '../../../utils/screenshots/edit-geometry';
import { MAX_INPUT_BYTES } from '../../../utils/screenshots/read-image-file';
import {
  EXTENSION_ID,
  fetchScreenshot,
  listTickets,
  openForm,
  removeDir,
  setApiUrl,
  startDemo,
  startTestApi,
  tabIdOf,
  type Api,
} from '../support/harness';
import type { DemoServer } from '../../fixtures/demo-server';
import { buildLabExtension, LAB_URL, launchWithLab } from './lab-extension';
import { imageBytes } from '../support/customer-walkthrough';

let extensionDir: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
let worker: Worker;
let api: Api;
let demo: DemoServer;

beforeAll(async () => {
  let lab: string;
  [lab, api, demo] = await Promise.all([buildLabExtension(), startTestApi(), startDemo()]);
  extensionDir = lab;
  userDataDir = mkdtempSync(join(tmpdir(), 'oso-shots-profile-'));
  // The copy is the whole e2e extension plus the lab page: the real form runs in it too.
  context = await launchWithLab(extensionDir, userDataDir);
  worker =
    context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(EXTENSION_ID), timeout: 15_000 }));
  await setApiUrl(worker, api.url);
  page = await context.newPage();
  await page.goto(LAB_URL);
  await page.getByTestId('screenshot-thumb').first().waitFor();
});

afterAll(async () => {
  await context?.close();
  await Promise.all([api?.close(), demo?.close()]);
  if (extensionDir) removeDir(extensionDir);
  if (userDataDir) removeDir(userDataDir);
});

type Rect = { x: number; y: number; width: number; height: number };
type Meta = { source: string; type: string; width: number; height: number; bytes: number; edited: boolean };

const shots = (p: Page = page) =>
  p.evaluate(() =>
    window.labShots.map((shot) => ({
      id: shot.id,
      meta: shot.meta as unknown as Record<string, unknown>,
      edits: shot.edits,
      hasOriginal: Boolean(shot.original),
    })),
  );

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(p: Page): Promise<string[]> {
  await p.evaluate(axe.source);
  const results = await p.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Decodes screenshot `index`'s saved bytes and its original in the page and compares them:
 * pixels inside `rect` that are not opaque pure black, pixels outside that changed.
 */
function compareWithOriginal(index: number, rect: Rect) {
  return page.evaluate(
    async ({ index, rect }) => {
      const shot = window.labShots[index]!;
      const pixels = async (blob: Blob) => {
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const saved = await pixels(shot.blob);
      const original = await pixels(shot.original!);
      const head = [...new Uint8Array(await shot.blob.slice(0, 4).arrayBuffer())];
      let notBlack = 0;
      let inside = 0;
      let changedOutside = 0;
      for (let y = 0; y < saved.height; y += 1) {
        for (let x = 0; x < saved.width; x += 1) {
          const i = (y * saved.width + x) * 4;
          const within = x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
          if (within) {
            inside += 1;
            if (saved.data[i] !== 0 || saved.data[i + 1] !== 0 || saved.data[i + 2] !== 0 || saved.data[i + 3] !== 255) notBlack += 1;
          } else if ([0, 1, 2, 3].some((c) => saved.data[i + c] !== original.data[i + c])) changedOutside += 1;
        }
      }
      const originalBlackInside = (() => {
        let count = 0;
        for (let y = rect.y; y < rect.y + rect.height; y += 1)
          for (let x = rect.x; x < rect.x + rect.width; x += 1) {
            const i = (y * original.width + x) * 4;
            if (original.data[i] === 0 && original.data[i + 1] === 0 && original.data[i + 2] === 0) count += 1;
          }
        return count;
      })();
      return { size: [saved.width, saved.height], head, inside, notBlack, changedOutside, originalBlackInside };
    },
    { index, rect },
  );
}

describe('screenshots panel', () => {
  it('has no serious or critical axe violation, panel and editor', async () => {
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit screenshot 1' }).click();
    await page.getByRole('dialog', { name: 'Mark up screenshot 1' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('burns a blackout drawn with the mouse into the saved image: pure black inside, unchanged outside', async () => {
    await page.getByRole('button', { name: 'Edit screenshot 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark up screenshot 1' });
    // The canvas takes shapes once the image is decoded, which is when Save is enabled.
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Black out' }).click();
    expect(await dialog.getByRole('button', { name: 'Black out' }).getAttribute('aria-pressed')).toBe('true');
    const canvas = page.getByTestId('screenshot-canvas');
    const box = (await canvas.boundingBox())!;
    // The 1600×1000 capture is shown smaller: the drag is in display pixels.
    expect(box.width).toBeLessThan(1600);
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.56, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => dialog.getByText('1 blacked-out area.', { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await shots())[0]!.meta.edited).toBe(true);
    expect(await page.getByTestId('screenshot-status').textContent()).toBe('Screenshot 1 updated.');

    const [first] = await shots();
    const edit = first!.edits![0] as Extract<ScreenshotEdit, { kind: 'blackout' }>;
    expect(edit.kind).toBe('blackout');
    // Display → image pixels: the drag's corners, within rounding.
    expect(Math.abs(edit.x - 400)).toBeLessThanOrEqual(4);
    expect(Math.abs(edit.y - 450)).toBeLessThanOrEqual(4);
    expect(Math.abs(edit.x + edit.width - 1200)).toBeLessThanOrEqual(4);
    expect(Math.abs(edit.y + edit.height - 560)).toBeLessThanOrEqual(4);
    expect(first!.meta).toMatchObject({ source: 'visible', type: 'image/png', width: 1600, height: 1000, edited: true });
    expect(first!.hasOriginal).toBe(true);

    const result = await compareWithOriginal(0, edit);
    expect(result.head).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(result.size).toEqual([1600, 1000]);
    expect(result.inside).toBe(edit.width * edit.height);
    // The capture had the e-mail and card number there, not black.
    expect(result.originalBlackInside).toBeLessThan(result.inside / 2);
    expect(result.notBlack).toBe(0);
    expect(result.changedOutside).toBe(0);
    const meta = first!.meta as unknown as Meta;
    expect(meta.bytes).toBeLessThanOrEqual(LIMITS.screenshotBytes);
    expect(await page.getByTestId('screenshot-item').first().textContent()).toContain('marked up');
  });

  it('marks up by keyboard alone, keeps Tab in the dialog, and Escape closes without saving', async () => {
    const editButton = page.getByRole('button', { name: 'Edit screenshot 1' });
    await editButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Mark up screenshot 1' });
    await dialog.waitFor();
    // Save is enabled once the image is decoded; until then Cancel is the last control.
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    // Focus starts in the dialog, and Shift+Tab from its first control wraps to its last.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Highlight box');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Highlight box');

    // Highlight is the current tool; Tab to the image, place, move, resize, keep.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'CANVAS'; i += 1)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('status').textContent()).toBe('Highlight box added.');
    await dialog.getByRole('button', { name: 'Save' }).press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await shots())[0]!.edits?.length).toBe(2);
    const [first] = await shots();
    // keyStep is 1% of 1600 = 16 px; the default box is a quarter of the image, centred.
    expect(first!.edits![1]).toEqual({ kind: 'highlight', x: 600 + 32, y: 375, width: 400, height: 250 + 16 });
    // Re-saved from the original, the blackout is still burned in.
    const blackout = first!.edits![0] as Rect;
    expect((await compareWithOriginal(0, blackout)).notBlack).toBe(0);
    // Focus came back to the button that opened the editor.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit screenshot 1');

    const before = await shots();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Black out' }).click();
    await page.getByTestId('screenshot-canvas').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await shots()).toEqual(before);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit screenshot 1');
  });

  it('attaches images by file picker, paste and drop', async () => {
    await page
      .getByLabel('Add an image')
      .setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: await imageBytes(page, 'image/png', 300, 200) });
    await expect.poll(async () => (await shots()).length).toBe(2);
    expect((await shots())[1]!.meta).toEqual({
      source: 'attachment',
      type: 'image/png',
      width: 300,
      height: 200,
      bytes: expect.any(Number),
      edited: false,
    });
    expect(await page.getByTestId('screenshot-status').textContent()).toBe('Image added.');
    expect(await page.getByRole('img', { name: 'Screenshot 2: attached image' }).count()).toBe(1);

    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(320, 240);
      canvas.getContext('2d')!.fillRect(0, 0, 100, 100);
      const data = new DataTransfer();
      data.items.add(new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'pasted.jpg', { type: 'image/jpeg' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(async () => (await shots()).length).toBe(3);
    expect((await shots())[2]!.meta).toMatchObject({ source: 'attachment', type: 'image/jpeg', width: 320, height: 240 });

    // Pasting text is left alone (the description field must keep working).
    const notHandled = await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'hello');
      return document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(notHandled).toBe(true);

    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(200, 150);
      canvas.getContext('2d')!.fillRect(0, 0, 50, 50);
      const data = new DataTransfer();
      data.items.add(new File([await canvas.convertToBlob({ type: 'image/webp' })], 'dropped.webp', { type: 'image/webp' }));
      const panel = document.querySelector('[data-testid="screenshot-panel"]')!;
      panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(async () => (await shots()).length).toBe(4);
    expect((await shots())[3]!.meta).toMatchObject({ source: 'attachment', type: 'image/webp', width: 200, height: 150 });
  });

  it('refuses a text file named .png and an oversized file, says why, and stays accessible', async () => {
    const input = page.getByLabel('Add an image');
    await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('These are my notes, not an image.\n') });
    await expect
      .poll(() => page.getByTestId('screenshot-error').textContent())
      .toBe('notes.png is not a PNG, JPEG or WebP image, so it was not attached.');
    expect(await page.getByRole('alert').filter({ hasText: 'notes.png' }).count()).toBe(1);

    // Made in the page and dropped: sending 20 MB through setInputFiles takes half a minute.
    await page.evaluate((size) => {
      const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const data = new DataTransfer();
      data.items.add(new File([signature, new Uint8Array(size - signature.length)], 'huge.png', { type: 'image/png' }));
      document
        .querySelector('[data-testid="screenshot-panel"]')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, MAX_INPUT_BYTES + 1);
    await expect.poll(() => page.getByTestId('screenshot-error').textContent()).toContain('huge.png is too large to attach');
    expect((await shots()).length).toBe(4);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('reduces a valid image over 4 MB to fit, then refuses beyond the maximum count', async () => {
    // Random pixels do not compress: 1.9 M of them make a PNG well over 4 MB.
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(1600, 1200);
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(1600, 1200);
      for (let offset = 0; offset < image.data.length; offset += 65_536)
        crypto.getRandomValues(image.data.subarray(offset, offset + 65_536));
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
      ctx.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      (window as unknown as { noiseBytes: number }).noiseBytes = blob.size;
      const data = new DataTransfer();
      data.items.add(new File([blob], 'noise.png', { type: 'image/png' }));
      document
        .querySelector('[data-testid="screenshot-panel"]')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    expect(await page.evaluate(() => (window as unknown as { noiseBytes: number }).noiseBytes)).toBeGreaterThan(LIMITS.screenshotBytes);
    await expect.poll(async () => (await shots()).length, { timeout: 20_000 }).toBe(5);
    const reduced = (await shots())[4]!.meta as unknown as Meta;
    expect(reduced.bytes).toBeLessThanOrEqual(LIMITS.screenshotBytes);
    expect(reduced.source).toBe('attachment');
    expect(await page.getByTestId('screenshot-status').textContent()).toBe(
      'Image added. It was larger than 4\u00a0MB, so it was reduced to fit.',
    );

    const small = await imageBytes(page, 'image/png', 40, 30);
    await page.getByLabel('Add an image').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: small },
      { name: 'b.png', mimeType: 'image/png', buffer: small },
    ]);
    await expect
      .poll(() => page.getByTestId('screenshot-error').textContent())
      .toBe('Image added. You can attach at most 6 images: remove one to add another.');
    expect((await shots()).length).toBe(LIMITS.screenshots);

    await page.getByRole('button', { name: 'Remove screenshot 2' }).click();
    expect((await shots()).length).toBe(LIMITS.screenshots - 1);
    expect(await page.getByTestId('screenshot-status').textContent()).toBe('Screenshot 2 removed.');
    // Focus is not lost with the removed button: it goes to the screenshot now in that place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit screenshot 2');
  });

  it('refuses in French for a French customer, and reports a full-page capture that fell back', async () => {
    const fr = await context.newPage();
    await fr.goto(`${LAB_URL}?locale=fr&fullpage=1`);
    await fr.getByTestId('screenshot-thumb').first().waitFor();
    await fr
      .getByLabel('Ajouter une image')
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') });
    await expect
      .poll(() => fr.getByTestId('screenshot-error').textContent())
      .toBe("notes.png n'est pas une image PNG, JPEG ou WebP : il n'a pas été joint.");
    const fullPage = fr.getByRole('button', { name: 'Capturer la page entière' });
    await fullPage.click();
    await expect.poll(() => fr.evaluate(() => window.labShots.map((shot) => shot.meta.source))).toEqual(['visible', 'fullpage']);
    expect(await fr.getByRole('img', { name: 'Capture 2 : page entière' }).count()).toBe(1);
    await fullPage.click();
    await expect
      .poll(() => fr.getByTestId('screenshot-error').textContent())
      .toBe(
        "La page entière n'a pas pu être capturée (page too tall). La partie visible de la page, capturée à l'ouverture du formulaire, reste jointe.",
      );
    expect(await fr.evaluate(() => window.labShots.length)).toBe(2);
    await fr.close();
  });
});

describe('screenshots in the real form', () => {
  it('sends a blacked-out capture and an attached image; the stored capture is black there', async () => {
    const drawUrl = `${demo.drawUrl}?quiet=1`;
    const tab = await context.newPage();
    await tab.goto(drawUrl);
    await tab.waitForLoadState('load');
    const tabId = await tabIdOf(worker, drawUrl);
    const form = await openForm({ context, worker, userDataDir, close: async () => {} }, tabId);
    await form.getByTestId('screenshot-thumb').first().waitFor();

    await form.getByRole('button', { name: 'Edit screenshot 1' }).click();
    const dialog = form.getByRole('dialog', { name: 'Mark up screenshot 1' });
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Black out' }).click();
    const canvas = form.getByTestId('screenshot-canvas');
    const box = (await canvas.boundingBox())!;
    const [left, top, right, bottom] = [0.1, 0.1, 0.6, 0.4];
    await form.mouse.move(box.x + box.width * left, box.y + box.height * top);
    await form.mouse.down();
    await form.mouse.move(box.x + box.width * right, box.y + box.height * bottom, { steps: 5 });
    await form.mouse.up();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('dialog').waitFor({ state: 'detached' });
    await form.getByText('marked up').waitFor();
    expect(await form.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit screenshot 1');

    // The attached photo carries a location in a text chunk, as phones write them: it must not
    // leave with the ticket.
    const photo = await imageBytes(page, 'image/png', 300, 200);
    const location = Buffer.from('Location\0GPS 48.8566 N 2.3522 E');
    const chunkHead = Buffer.alloc(8);
    chunkHead.writeUInt32BE(location.length, 0);
    chunkHead.write('tEXt', 4, 'ascii');
    const withLocation = Buffer.concat([photo.subarray(0, 33), chunkHead, location, Buffer.alloc(4), photo.subarray(33)]);
    await form.getByLabel('Add an image').setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: withLocation });
    await expect.poll(() => form.getByTestId('screenshot-item').count()).toBe(2);

    await form.getByLabel('Description').fill('Le tirage affiche des participants en double.');
    await form.getByLabel(/^(E-mail|Adresse e-mail)$/).fill('marie@example.com');
    await form.getByRole('button', { name: /Review before sending/ }).click();
    await form.getByRole('button', { name: /^Send/ }).click();
    await form.getByTestId('ticket-reference').waitFor({ timeout: 20_000 });

    const [stored] = await waitForTicket();
    const metas = stored!.ticket.screenshots;
    expect(metas.map((m) => [m.index, m.source, m.type, m.edited])).toEqual([
      // The visible capture keeps its JPEG type once marked up (utils/screenshots/encode-edits.ts).
      [0, 'visible', 'image/jpeg', true],
      [1, 'attachment', 'image/png', false],
    ]);
    const first = await fetchScreenshot(api, stored!.id, 0);
    expect(first.bytes.length).toBe(metas[0]!.bytes);
    const second = await fetchScreenshot(api, stored!.id, 1);
    expect([metas[1]!.width, metas[1]!.height]).toEqual([300, 200]);
    expect(second.type).toBe('image/png');
    expect(second.bytes.includes(Buffer.from('GPS 48.8566'))).toBe(false);
    expect(second.bytes.length).toBe(Buffer.from(photo).length);

    // Decoded by the browser: inside the dragged area (less a rounding margin) every pixel is
    // opaque pure black; around it the page is still there.
    const check = await form.evaluate(
      async ({ base64, fractions }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        const [l, t, r, b] = [
          fractions[0]! * bitmap.width,
          fractions[1]! * bitmap.height,
          fractions[2]! * bitmap.width,
          fractions[3]! * bitmap.height,
        ].map(Math.round) as [number, number, number, number];
        const black = (x: number, y: number) => {
          const i = (y * bitmap.width + x) * 4;
          return data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] === 255;
        };
        let inside = 0;
        let notBlack = 0;
        for (let y = t + 3; y < b - 3; y += 1)
          for (let x = l + 3; x < r - 3; x += 1) {
            inside += 1;
            if (!black(x, y)) notBlack += 1;
          }
        let ring = 0;
        let ringBlack = 0;
        // 24 px out: a JPEG capture's blackout is grown up to 19 px to the codec's blocks (utils/screenshots/edit-geometry.ts).
        for (let x = l - 24; x < r + 24; x += 1)
          for (const y of [t - 24, b + 24]) {
            ring += 1;
            if (black(x, y)) ringBlack += 1;
          }
        return { size: [bitmap.width, bitmap.height], inside, notBlack, ring, ringBlack };
      },
      { base64: first.bytes.toString('base64'), fractions: [left, top, right, bottom] },
    );
    expect(check.size).toEqual([metas[0]!.width, metas[0]!.height]);
    expect(check.inside).toBeGreaterThan(50_000);
    expect(check.notBlack).toBe(0);
    expect(check.ringBlack).toBeLessThan(check.ring);
    await Promise.all([form.close(), tab.close()]);
  });
});

/** The one ticket the API stored (delivery is asynchronous after the reference shows). */
function waitForTicket() {
  return expect
    .poll(async () => (await listTickets(api)).length, { timeout: 20_000 })
    .toBe(1)
    .then(() => listTickets(api));
}
