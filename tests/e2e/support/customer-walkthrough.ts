/**
 * The customer's walk through the form, shared by the English and French e2e files: category,
 * checklist ticking and nudging, a blackout burned into the screenshot, a second image, review
 * with one console entry left out, send, "My tickets" with the live status, axe on every step.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SUPPORT_TOKEN, fetchScreenshot, listTickets, openForm, tabIdOf, type Api, type Browser } from './harness';
import { blocking, describeViolations, runAxe } from '../accessibility/axe';
import type { DemoServer } from '../../fixtures/demo-server';

export const STRINGS = {
  en: {
    category: 'Category',
    email: 'E-mail',
    description: 'Description',
    review: 'Review before sending',
    reviewTitle: 'Check what will be sent',
    send: 'Send to support',
    edit: 'Edit screenshot 1',
    editor: 'Mark up screenshot 1',
    blackout: 'Black out',
    save: 'Save',
    emailHint: 'Enter your e-mail address: support answers there.',
    needDescription: 'Before sending: describe what happened.',
    needEmail: 'Before sending: enter your e-mail address.',
    allDone: 'Everything support needs is here.',
    technicalDetails: /^Technical details \(\d+ entries\)$/,
    myTickets: 'My tickets',
    received: 'Received',
    answered: 'Answered — see your inbox m***@example.com',
    restored: 'Your draft was restored.',
    nextTitle: 'What happens next',
    noPageTitle: 'General ticket',
    drawLink: 'Draw link',
    accountName: 'Facebook Page or Instagram username',
  },
  fr: {
    category: 'Catégorie',
    email: 'Adresse e-mail',
    description: 'Description',
    review: 'Vérifier avant l’envoi',
    reviewTitle: 'Vérifiez ce qui sera envoyé',
    send: 'Envoyer au support',
    edit: 'Modifier la capture 1',
    editor: 'Annoter la capture 1',
    blackout: 'Masquer en noir',
    save: 'Enregistrer',
    emailHint: 'Saisissez votre adresse e-mail : le support y répond.',
    needDescription: 'Avant d’envoyer : décrivez ce qui s’est passé.',
    needEmail: 'Avant d’envoyer : saisissez votre adresse e-mail.',
    allDone: 'Le support a tout ce qu’il lui faut.',
    technicalDetails: /^Détails techniques \(\d+ entrées\)$/,
    myTickets: 'Mes demandes',
    received: 'Reçue',
    answered: 'Répondue — voir votre boîte e-mail m***@example.com',
    restored: 'Votre brouillon a été restauré.',
    nextTitle: 'Et maintenant ?',
    noPageTitle: 'Demande générale',
    drawLink: 'Lien du tirage',
    accountName: 'Page Facebook ou nom d’utilisateur Instagram',
  },
} as const;
export type WalkLocale = keyof typeof STRINGS;

/** The console entry the customer leaves out (a message of the demo page). */
export const LEFT_OUT_MESSAGE = 'Impossible de charger les participants : délai dépassé';

/** Fails with a readable report when axe finds a serious or critical violation. */
export async function expectNoSeriousAxe(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(blocking(violations), describeViolations(where, violations)).toEqual([]);
}

/** A small image of `type` made in the page (green with an orange square), for the file picker. */
export async function imageBytes(page: Page, type: string, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ type, width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#2a9d8f';
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#e76f51';
      ctx.fillRect(10, 10, width / 2, height / 2);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type })).arrayBuffer());
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    },
    { type, width, height },
  );
  return Buffer.from(base64, 'base64');
}

/** A small PNG made in the page, for the file picker. */
export function pngBytes(page: Page, width: number, height: number): Promise<Buffer> {
  return imageBytes(page, 'image/png', width, height);
}

/** Counts the pixels of `rect` in an image (bytes from the API) that are not opaque pure black. */
export async function notBlackPixels(
  page: Page,
  bytes: Buffer,
  rect: { x: number; y: number; width: number; height: number },
): Promise<{ size: [number, number]; notBlack: number; inside: number }> {
  return page.evaluate(
    async ({ base64, rect }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([raw]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(rect.x, rect.y, rect.width, rect.height).data;
      let notBlack = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] !== 0 || data[i + 1] !== 0 || data[i + 2] !== 0 || data[i + 3] !== 255) notBlack += 1;
      return { size: [bitmap.width, bitmap.height] as [number, number], notBlack, inside: data.length / 4 };
    },
    { base64: bytes.toString('base64'), rect },
  );
}

/** How many drafts the extension holds (read from its IndexedDB, in an extension page). */
export function draftCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('osortoo-support-drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve(0);
          const count = db.transaction('drafts').objectStore('drafts').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/**
 * The Done-when walk on the demo draw page. `reopen`: also close the form mid-way and check the
 * draft comes back (text, both screenshots, the blackout).
 */
export async function walkCustomerThrough(options: {
  browser: Browser;
  api: Api;
  demo: DemoServer;
  locale: WalkLocale;
  reopen: boolean;
}): Promise<void> {
  const { browser, api, demo, locale } = options;
  const s = STRINGS[locale];
  const drawUrl = `${demo.drawUrl}?walk=${locale}`;
  const page = await browser.context.newPage();
  await page.goto(drawUrl);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const tabId = await tabIdOf(browser.worker, drawUrl);
  let form = await openForm(browser, tabId);
  const checklist = form.getByTestId('checklist');
  await checklist.waitFor({ timeout: 20_000 });
  await form.getByTestId('screenshot-thumb').waitFor();
  expect(await form.locator('html').getAttribute('lang')).toBe(locale);

  // 1. Category first.
  await form.getByLabel(s.category, { exact: true }).selectOption('permissions');

  // 2. The checklist ticked itself from the page, but what happened is the customer's to say:
  // not "everything is here" before they typed a word. Removing the e-mail names it, as required.
  const item = (detail: string) => form.getByTestId(`checklist-${detail}`);
  for (const detail of ['accountEmail', 'drawLink', 'pageOrUsername', 'screenshots', 'errorMessages', 'browserDevice']) {
    await expect.poll(() => item(detail).getAttribute('data-state'), { timeout: 5_000 }).toBe('done');
  }
  expect(await item('description').getAttribute('data-state')).toBe('missing');
  expect(await form.getByTestId('checklist-progress').textContent()).toContain(s.needDescription);
  await form.getByLabel(s.description, { exact: true }).fill(`Les permissions Instagram échouent pendant le tirage (${locale}).`);
  await expect.poll(() => form.getByTestId('checklist-progress').textContent()).toContain(s.allDone);
  const email = form.getByLabel(s.email, { exact: true });
  await email.fill('');
  await expect.poll(() => item('accountEmail').getAttribute('data-state')).toBe('missing');
  expect(await item('accountEmail').textContent()).toContain(s.emailHint);
  expect(await form.getByTestId('checklist-progress').textContent()).toContain(s.needEmail);
  await email.fill('marie@example.com');
  await expect.poll(() => item('accountEmail').getAttribute('data-state')).toBe('done');
  await expectNoSeriousAxe(form, `form (${locale})`);

  // 3. Black out an area of the visible capture, with the mouse.
  await form.getByRole('button', { name: s.edit }).click();
  const dialog = form.getByRole('dialog', { name: s.editor });
  await dialog.getByRole('button', { name: s.blackout }).click();
  const canvas = form.getByTestId('screenshot-canvas');
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(0);
  const box = (await canvas.boundingBox())!;
  await form.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.4);
  await form.mouse.down();
  await form.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 3 });
  await form.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.6, { steps: 3 });
  await form.mouse.up();
  await expect.poll(() => dialog.getByRole('button', { name: s.save }).isEnabled()).toBe(true);
  await dialog.getByRole('button', { name: s.save }).click();
  await form.getByRole('dialog').waitFor({ state: 'detached' });

  // 4. A second image, by the file picker.
  await form
    .locator('input[type=file]')
    .setInputFiles({ name: 'erreur.png', mimeType: 'image/png', buffer: await pngBytes(form, 320, 200) });
  await expect.poll(() => form.getByTestId('screenshot-item').count()).toBe(2);

  if (options.reopen) {
    // The popup closes (or the customer closes the window): the draft brings everything back.
    await form.waitForTimeout(300);
    await form.close();
    form = await openForm(browser, tabId);
    await expect.poll(() => form.getByTestId('form-notice').textContent(), { timeout: 20_000 }).toBe(s.restored);
    expect(await form.getByLabel(s.description, { exact: true }).inputValue()).toContain('Les permissions Instagram');
    expect(await form.getByLabel(s.category, { exact: true }).inputValue()).toBe('permissions');
    expect(await form.getByTestId('screenshot-item').count()).toBe(2);
  }

  // 5. Review: every field, the entries with their switches; leave one console entry out.
  await form.getByRole('button', { name: s.review, exact: true }).click();
  const heading = form.getByRole('heading', { name: s.reviewTitle, exact: true });
  await heading.waitFor();
  expect(await form.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  const fields = await form.getByTestId('review-fields').textContent();
  expect(fields).toContain('marie@example.com');
  expect(fields).toContain('@boutique.marie');
  expect(fields).toContain('/giveaways/8f3k2/results');
  expect(await form.getByTestId('review-screenshot').count()).toBe(2);
  // The raw entries are folded under "Technical details", with their switches.
  await form.getByText(s.technicalDetails).click();
  const entry = form.getByRole('checkbox', { name: new RegExp(LEFT_OUT_MESSAGE) });
  expect(await entry.isChecked()).toBe(true);
  await entry.uncheck();
  const entryCount = await form.getByTestId('review-entry').count();
  expect(await form.getByTestId('review-entry-count').textContent()).toContain(String(entryCount - 1));
  await expectNoSeriousAxe(form, `review (${locale})`);

  // 6. Send: the reference, the promise and what happens next.
  await form.getByRole('button', { name: s.send, exact: true }).click();
  const reference = (await form.getByTestId('ticket-reference').textContent({ timeout: 20_000 }))!;
  expect(reference).toMatch(/^OSO-[0-9A-Z]{5,8}$/);
  await form.getByRole('heading', { name: s.nextTitle }).waitFor();
  await form.getByTestId('sent-promise').waitFor();
  await expectNoSeriousAxe(form, `sent (${locale})`);
  // In the outbox, so the draft is gone.
  await expect.poll(() => draftCount(form)).toBe(0);

  // 7. What support stored: no left-out entry (counted), two screenshots, the blackout burned in.
  const stored = (await listTickets(api)).find((t) => t.reference === reference)!;
  expect(stored.ticket.category).toBe('permissions');
  expect(stored.ticket.diagnostics.entries.some((e) => e.message.includes(LEFT_OUT_MESSAGE))).toBe(false);
  expect(stored.ticket.diagnostics.leftOut).toBe(1);
  expect(stored.ticket.diagnostics.entries.length).toBe(entryCount - 1);
  expect(stored.ticket.screenshots.map((m) => [m.source, m.edited])).toEqual([
    ['visible', true],
    ['attachment', false],
  ]);
  const shot = await fetchScreenshot(api, stored.id, 0);
  const { width, height } = stored.ticket.screenshots[0]!;
  // The drag went from 25%/40% to 75%/60% of the image; a margin absorbs rounding at the edges.
  const margin = 4;
  const rect = {
    x: Math.ceil(width * 0.25) + margin,
    y: Math.ceil(height * 0.4) + margin,
    width: Math.floor(width * 0.5) - 2 * margin,
    height: Math.floor(height * 0.2) - 2 * margin,
  };
  const pixels = await notBlackPixels(form, shot.bytes, rect);
  expect(pixels.size).toEqual([width, height]);
  expect(pixels.inside).toBe(rect.width * rect.height);
  expect(pixels.notBlack).toBe(0);
  // Outside the blackout the page is still there (not an all-black image).
  const outside = await notBlackPixels(form, shot.bytes, { x: 0, y: 0, width: Math.floor(width * 0.2), height: Math.floor(height * 0.3) });
  expect(outside.notBlack).toBeGreaterThan(0);
  const second = await fetchScreenshot(api, stored.id, 1);
  expect(second.type).toBe('image/png');

  // 8. My tickets: the ticket with its live status, which follows support's change.
  await form.getByRole('button', { name: s.myTickets }).click();
  const row = form.getByTestId('my-ticket').filter({ hasText: reference });
  await expect.poll(() => row.getByTestId('my-ticket-status').textContent(), { timeout: 15_000 }).toBe(s.received);
  await expectNoSeriousAxe(form, `my tickets (${locale})`);
  const patch = await fetch(`${api.url}/v1/tickets/${stored.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${SUPPORT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'answered' }),
  });
  expect(patch.status).toBe(200);
  await expect.poll(() => row.getByTestId('my-ticket-status').textContent(), { timeout: 15_000 }).toBe(s.answered);
  await form.close();
  await page.close();
}
