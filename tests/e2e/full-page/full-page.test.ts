/**
 * The form's own "Capture the whole page" button, pressed on a draw page taller than the
 * window: the real handler (components/screenshots/, the form step's capture of the tab, the
 * html2canvas script injected into the page) adds a full-page screenshot, which is sent with
 * the ticket and stored by the API as `source: fullpage`, taller than the visible area.
 */
import { describe, expect, it } from 'vitest';
import { fetchScreenshot, listTickets, openForm, tabIdOf } from '../support/harness';
import { useStack } from '../support/stack';
import { imageSize } from '../../../utils/screenshots/image-size';

const stack = useStack();

/** The harness's window: the visible capture is this tall. */
const VIEWPORT_HEIGHT = 800;

describe('full page', () => {
  it("the form's whole-page button adds a full-page screenshot that support reads back taller than the window", async () => {
    const page = await stack.browser.context.newPage();
    const url = `${stack.demo.drawUrl}?quiet=1`;
    await page.goto(url);
    await page.waitForLoadState('load');
    // The draw page is taller than the window: the visible capture cannot hold all of it.
    const pageSize = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(pageSize.height).toBeGreaterThan(VIEWPORT_HEIGHT + 100);
    const tabId = await tabIdOf(stack.browser.worker, url);

    const form = await openForm(stack.browser, tabId);
    await form.getByTestId('screenshot-thumb').waitFor({ timeout: 20_000 });
    const items = form.getByTestId('screenshot-item');
    await expect.poll(() => items.count()).toBe(1);

    await form.getByRole('button', { name: 'Capture the whole page' }).click();
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(2);
    await expect(form.getByTestId('screenshot-error').textContent()).resolves.toBe('');

    const description = 'Full page: the winners list is cut off below the fold.';
    await form.getByLabel('Description').fill(description);
    await form.getByLabel('E-mail').fill('marie@example.com');
    await form.getByRole('button', { name: 'Review before sending', exact: true }).click();
    await form.getByRole('button', { name: 'Send to support', exact: true }).click();
    const reference = await form.getByTestId('ticket-reference').textContent({ timeout: 20_000 });

    const stored = (await listTickets(stack.api)).find((t) => t.reference === reference);
    expect(stored?.ticket.description).toBe(description);
    const metas = stored!.ticket.screenshots;
    expect(metas.map((m) => m.source)).toEqual(['visible', 'fullpage']);
    const full = metas[1]!;

    const shot = await fetchScreenshot(stack.api, stored!.id, full.index);
    expect(shot.type).toBe(full.type);
    expect(shot.bytes.length).toBe(full.bytes);
    // The bytes decode (in Chromium, as support's viewer would) to the size the ticket states.
    const decoded = await form.evaluate(
      async ([base64, type]) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
        const bitmap = await createImageBitmap(blob);
        return { width: bitmap.width, height: bitmap.height };
      },
      [shot.bytes.toString('base64'), shot.type] as const,
    );
    expect(decoded).toEqual({ width: full.width, height: full.height });
    expect(imageSize(shot.bytes)).toMatchObject(decoded);
    // The whole page, not the window: taller than the visible area, in the page's proportions
    // (the capture may be scaled down to fit the size cap, never cropped).
    expect(decoded.height).toBeGreaterThan(VIEWPORT_HEIGHT);
    expect(decoded.height / decoded.width).toBeCloseTo(pageSize.height / pageSize.width, 2);
  });
});
