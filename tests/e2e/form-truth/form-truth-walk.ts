/**
 * What a customer reads in the form must be true, short and plain, at 360 px: the shared walk
 * of tests/e2e/form-truth/, in English and in French (one file each, so they run in parallel).
 * Real Chromium with the e2e build, the real API over HTTP behind a fault proxy (to take it
 * down), the demo draw page; the customer's clock is set through TZ.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, SUPPORT_TOKEN, fetchScreenshot, listTickets, openForm, tabIdOf, type Api, type Browser } from '../support/harness';
import type { FaultProxy } from '../support/fault-proxy';
import { expectNoSeriousAxe, notBlackPixels, pngBytes } from '../support/customer-walkthrough';
import type { DemoServer } from '../../fixtures/demo-server';

/** The extension API inside functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

export const TRUTH = {
  en: {
    timeZone: 'America/Vancouver',
    zone: 'Vancouver time',
    description: 'Description',
    email: 'E-mail',
    review: 'Review before sending',
    send: 'Send to support',
    ifNow: /^If you send now: .+ \(Vancouver time\)\.$/,
    promised: /^Promised when you sent it: .+ \(Vancouver time\)\.$/,
    needDescription: 'Before sending: describe what happened.',
    needBoth: 'Before sending: describe what happened and enter your e-mail address.',
    canSend: /You can send now|Everything support needs is here/,
    allDone: 'Everything support needs is here.',
    details: /^Technical details \((\d+) entr(?:y|ies)\)$/,
    discard: 'Discard draft',
    undo: 'Undo',
    notSent: 'Not sent yet: support does not have this ticket.',
    whatToDo: /^What you can do: /,
    nextTitle: 'What happens next',
    newTicket: 'New ticket',
    sentTitle: 'Sent to support',
    myTickets: 'My tickets',
    noneDelivered: /^None of your tickets has reached support yet/,
    answered: 'Answered — see your inbox m***@example.com',
    newChange: ' · 1 new',
    jargon: /console|fetch|XHR|network|API|\[removed|→|\b[45]\d\d\b/i,
    categoryJargon: /API|bug|multi-platform/i,
    editShot: 'Edit screenshot 1',
    blackout: 'Black out',
    save: 'Save',
    label: 'Text label',
    labelText: 'Label text',
    marks: '1 text label, 1 blacked-out area.',
    help: 'Keyboard and mouse help',
    addImage: 'Add an image',
  },
  fr: {
    timeZone: 'Europe/Paris',
    zone: 'heure de Paris',
    description: 'Description',
    email: 'Adresse e-mail',
    review: 'Vérifier avant l’envoi',
    send: 'Envoyer au support',
    ifNow: /^Si vous envoyez maintenant\u00a0: .+ \(heure de Paris\)\.$/,
    promised: /^Promis à l’envoi\u00a0: .+ \(heure de Paris\)\.$/,
    needDescription: 'Avant d’envoyer : décrivez ce qui s’est passé.',
    needBoth: 'Avant d’envoyer : décrivez ce qui s’est passé et saisissez votre adresse e-mail.',
    canSend: /Vous pouvez envoyer|Le support a tout ce qu’il lui faut/,
    allDone: 'Le support a tout ce qu’il lui faut.',
    details: /^Détails techniques \((\d+) entrées?\)$/,
    discard: 'Supprimer le brouillon',
    undo: 'Annuler la suppression',
    notSent: 'Pas encore envoyée : le support n’a pas cette demande.',
    whatToDo: /^Ce que vous pouvez faire : /,
    nextTitle: 'Et maintenant ?',
    newTicket: 'Nouvelle demande',
    sentTitle: 'Demande envoyée au support',
    myTickets: 'Mes demandes',
    noneDelivered: /^Aucune de vos demandes n’est encore arrivée au support/,
    answered: 'Répondue — voir votre boîte e-mail m***@example.com',
    newChange: ' · 1 nouvelle',
    jargon: /console|fetch|XHR|réseau|API|\[removed|→|\b[45]\d\d\b|Courriel/i,
    categoryJargon: /API|bug|multi-plateformes/i,
    editShot: 'Modifier la capture 1',
    blackout: 'Masquer en noir',
    save: 'Enregistrer',
    label: 'Étiquette de texte',
    labelText: 'Texte de l’étiquette',
    marks: '1 étiquette, 1 zone masquée.',
    help: 'Aide clavier et souris',
    addImage: 'Ajouter une image',
  },
} as const;
export type TruthLocale = keyof typeof TRUTH;

/** A narrow phone-sized window: the form must fit it without scrolling sideways. */
export const NARROW = { width: 360, height: 640 };

/** Nothing sticks out to the right of a 360 px page: no horizontal scroll, and every visible box within it. */
export async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Visually hidden text is clipped to 1 px on purpose.
        return box.width > 1 && style.visibility !== 'hidden' && style.position !== 'absolute' && box.right > width + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect(overflow.scroll, `${where}: page ${overflow.scroll} px wide in ${overflow.width} px`).toBeLessThanOrEqual(overflow.width);
  expect(overflow.wide, where).toEqual([]);
}

/** The element's box lies inside the viewport (seen without scrolling). */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

/** Opens the form about the demo draw page in a 360 px window, once the capture is in. */
export async function narrowForm(browser: Browser, demo: DemoServer, query: string): Promise<{ form: Page; tabId: number }> {
  const url = `${demo.drawUrl}?${query}`;
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const tabId = await tabIdOf(browser.worker, url);
  const form = await openForm(browser, tabId);
  await form.setViewportSize(NARROW);
  await form.getByTestId('checklist').waitFor({ timeout: 20_000 });
  await form.getByTestId('screenshot-thumb').waitFor({ timeout: 20_000 });
  return { form, tabId };
}

/**
 * The form before anything is typed, then filled: the checklist honest, counts that agree, one
 * promise sentence in the customer's clock, plain words first, Review always in sight, a
 * discard that can be undone, and the review's plain summary over its folded entries.
 */
export async function walkTheTruth(browser: Browser, demo: DemoServer, locale: TruthLocale): Promise<void> {
  const s = TRUTH[locale];
  const { form } = await narrowForm(browser, demo, `truth=${locale}`);
  const item = (detail: string) => form.getByTestId(`checklist-${detail}`);
  const progress = () => form.getByTestId('checklist-progress').textContent();

  // The checklist: the page gave six details, but what happened is missing, and required.
  await expect.poll(() => item('errorMessages').getAttribute('data-state'), { timeout: 5_000 }).toBe('done');
  expect(await item('description').getAttribute('data-state')).toBe('missing');
  expect(await progress()).toContain(s.needDescription);
  expect(await progress()).not.toMatch(s.canSend);
  // No e-mail either: both are named, sending is not offered as possible.
  await form.getByLabel(s.email, { exact: true }).fill('');
  await expect.poll(progress).toContain(s.needBoth);
  expect(await item('accountEmail').getAttribute('data-state')).toBe('missing');
  expect(await form.getByTestId('checklist').getAttribute('data-required-missing')).toBe('2');
  expect(await progress()).not.toMatch(s.canSend);

  // One promise sentence, in the customer's clock, its place named once; never "UTC".
  const promise = (await form.getByTestId('promise-sentence').textContent())!;
  expect(promise).toMatch(s.ifNow);
  const text = ((await form.locator('form.support-form').textContent()) ?? '').replace(/\u00a0/g, ' ');
  expect(text).not.toMatch(/\bUTC\b|\bGMT\b/);
  expect(text.split(s.zone)).toHaveLength(2);

  // Plain words on top: one sentence about what was captured, the raw entries folded under
  // "Technical details" with their number, the same number as listed.
  const summary = (await form.getByTestId('capture-summary').textContent())!;
  expect(summary).not.toMatch(s.jargon);
  expect(summary.split(locale === 'fr' ? ' ; ' : '; ').length).toBeGreaterThanOrEqual(2);
  const fold = (await form.getByTestId('error-count').textContent())!;
  const counted = Number(s.details.exec(fold)?.[1]);
  expect(await form.getByTestId('captured-entries').locator('li').count()).toBe(counted);
  for (const option of await form.locator('select option').allTextContents()) expect(option).not.toMatch(s.categoryJargon);
  expect(await form.locator('form.support-form').textContent()).not.toMatch(/Courriel/);

  // 360 px: no sideways scroll; the main button in sight at the top and after scrolling.
  await expectNoSideScroll(form, `form at 360 px (${locale})`);
  expect(await form.evaluate(() => document.documentElement.scrollHeight > window.innerHeight * 1.5)).toBe(true);
  expect(await inView(form, 'form-actions')).toBe(true);
  await form.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  expect(await inView(form, 'form-actions')).toBe(true);
  await expectNoSeriousAxe(form, `form at 360 px (${locale})`);

  // Filled: everything support needs, said only now.
  const description = form.getByLabel(s.description, { exact: true });
  await description.fill(`Les commentaires Instagram ne se chargent pas (${locale}).`);
  await form.getByLabel(s.email, { exact: true }).fill('marie@example.com');
  await expect.poll(progress).toContain(s.allDone);

  // "Discard draft" acts at once, so it can be undone.
  await form.getByRole('button', { name: s.discard, exact: true }).click();
  expect(await description.inputValue()).toBe('');
  await form.getByRole('button', { name: s.undo, exact: true }).click();
  expect(await description.inputValue()).toContain('Les commentaires Instagram');
  expect(await form.getByLabel(s.email, { exact: true }).inputValue()).toBe('marie@example.com');

  // The review: the same plain summary, the entries folded with their switches, counts agreeing.
  await form.getByRole('button', { name: s.review, exact: true }).click();
  await form.getByTestId('review').waitFor();
  expect(await form.getByTestId('review-summary').textContent()).toBe(summary);
  const reviewFold = form.locator('.review__details summary');
  expect(Number(s.details.exec((await reviewFold.textContent())!)?.[1])).toBe(counted);
  expect(await form.getByRole('checkbox').first().isVisible()).toBe(false);
  await reviewFold.click();
  expect(await form.getByTestId('review-entry').count()).toBe(counted);
  await expectNoSideScroll(form, `review at 360 px (${locale})`);
  await form.close();
}

/** The worker's global badge text (the toolbar button, whatever tab is shown). */
export function badgeText(browser: Browser): Promise<string> {
  return browser.worker.evaluate(() => chrome.action.getBadgeText({}));
}

/**
 * A ticket sent while the API is down has its own page (not sent yet, retrying on its own, what
 * to do; no promise, no next steps), and turns into the confirmation when delivery succeeds.
 * Then, with no form open, support answers: the worker's alarm reads the status, the badge
 * shows it, and "My tickets" says where the answer is.
 */
export async function walkTheOutbox(browser: Browser, api: Api, proxy: FaultProxy, demo: DemoServer, locale: TruthLocale): Promise<void> {
  const s = TRUTH[locale];
  // A form left open by an earlier failure would hide what this test proves (no popup open).
  for (const open of browser.context.pages().filter((p) => p.url().includes('popup.html'))) await open.close();
  expect(await browser.worker.evaluate(() => chrome.alarms.get('ticket-status'))).toMatchObject({ name: 'ticket-status' });
  await proxy.setMode('down');
  const { form } = await narrowForm(browser, demo, `outbox=${locale}&quiet=1`);
  await form.getByLabel(s.description, { exact: true }).fill(`Envoyée hors ligne (${locale}).`);
  await form.getByLabel(s.email, { exact: true }).fill('marie@example.com');
  await form.getByRole('button', { name: s.review, exact: true }).click();
  await form.getByRole('button', { name: s.send, exact: true }).click();

  // Not sent yet: its own page, clearly different, and nothing that says support has it.
  const step = form.getByTestId('sent-step');
  const status = form.getByTestId('delivery-status');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(s.notSent);
  expect(await form.getByTestId('what-to-do').textContent()).toMatch(s.whatToDo);
  expect(await step.getAttribute('data-delivered')).toBe('false');
  for (const absent of ['next-steps', 'sent-promise', 'ticket-reference', 'sent-success']) {
    expect(await form.getByTestId(absent).count(), absent).toBe(0);
  }
  await expectNoSideScroll(form, `not sent yet at 360 px (${locale})`);
  await expectNoSeriousAxe(form, `not sent yet (${locale})`);

  // "My tickets" lists it as not sent, and does not claim no ticket was sent.
  await form.getByRole('button', { name: s.myTickets, exact: true }).click();
  await form.getByTestId('outbox-list').waitFor();
  expect(await form.getByTestId('my-tickets-empty').textContent()).toMatch(s.noneDelivered);
  await form.getByRole('button', { name: locale === 'fr' ? 'Écrire au support' : 'Write to support', exact: true }).click();

  // The API is back: the worker delivers on its own, and the page becomes the confirmation.
  await proxy.setMode('pass');
  await expect.poll(() => step.getAttribute('data-delivered'), { timeout: 30_000 }).toBe('true');
  const reference = (await form.getByTestId('ticket-reference').textContent())!;
  expect(reference).toMatch(/^OSO-/);
  expect(await form.getByTestId('sent-success').textContent()).toContain(s.sentTitle);
  const page = (await step.textContent()) ?? '';
  expect(page.split(reference)).toHaveLength(2);
  expect(await form.getByTestId('promise-sentence').textContent()).toMatch(s.promised);
  await form.getByRole('heading', { name: s.nextTitle }).waitFor();
  // The promise comes before "New ticket", the last thing on the page.
  const order = await form.evaluate(() => {
    const promise = document.querySelector('[data-testid="sent-promise"]')!;
    const buttons = [...document.querySelectorAll('[data-testid="sent-step"] button')];
    const last = buttons[buttons.length - 1]!;
    return { promiseFirst: Boolean(promise.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING), last: last.textContent };
  });
  expect(order).toEqual({ promiseFirst: true, last: s.newTicket });
  await expectNoSideScroll(form, `sent at 360 px (${locale})`);
  await expectNoSeriousAxe(form, `sent (${locale})`);
  await form.close();

  // Support answers while no form is open: the worker notices on its own and the badge says so.
  const stored = (await listTickets(api)).find((t) => t.reference === reference)!;
  expect(await badgeText(browser)).toBe('');
  const patch = await fetch(`${api.url}/v1/tickets/${stored.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${SUPPORT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'answered' }),
  });
  expect(patch.status).toBe(200);
  expect(browser.context.pages().filter((p) => p.url().includes('popup.html'))).toEqual([]);
  await expect.poll(() => badgeText(browser), { timeout: 30_000, interval: 250 }).toBe('1');
  // Also on the (error-free) draw tab the customer is looking at.
  const tabId = await tabIdOf(browser.worker, `${demo.drawUrl}?outbox=${locale}&quiet=1`);
  expect(await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('1');

  // The form says it too, beside "My tickets"; the list says where the answer is, and looking
  // at it clears the badge.
  const write = await openForm(browser, tabId);
  await expect.poll(() => write.locator('.app-nav__new').textContent(), { timeout: 10_000 }).toBe(s.newChange);
  await write.close();
  const list = await openForm(browser, tabId, '&view=tickets');
  const row = list.getByTestId('my-ticket').filter({ hasText: reference });
  await expect.poll(() => row.getByTestId('my-ticket-status').textContent(), { timeout: 15_000 }).toBe(s.answered);
  await expect.poll(() => badgeText(browser), { timeout: 10_000 }).toBe('');
  await list.close();
}

/**
 * The editor: wide, its keyboard help folded, a text label tool, the marks counted in words. An
 * edited capture keeps its type and about its size (a JPEG re-encoded as PNG grew from 89 KB to
 * 517 KB), and what was blacked out is still pure black in the stored bytes.
 */
export async function walkTheEditedSize(browser: Browser, api: Api, demo: DemoServer, locale: TruthLocale): Promise<void> {
  const s = TRUTH[locale];
  const url = `${demo.drawUrl}?edit=${locale}`;
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  const form = await openForm(browser, await tabIdOf(browser.worker, url));
  const shot = form.getByTestId('screenshot-item').first();
  await shot.waitFor({ timeout: 20_000 });
  const before = { bytes: Number(await shot.getAttribute('data-bytes')), type: await shot.getAttribute('data-type') };

  await form.getByRole('button', { name: s.editShot }).click();
  const dialog = form.getByRole('dialog');
  await dialog.waitFor();
  // Wide: nearly the whole window, so that blacking out is precise; the help folded.
  const widths = await form.evaluate(() => ({
    dialog: document.querySelector('dialog')!.getBoundingClientRect().width,
    window: innerWidth,
  }));
  expect(widths.dialog).toBeGreaterThanOrEqual(widths.window * 0.9);
  expect(await dialog.locator('details').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  await dialog.getByText(s.help).waitFor();
  const canvas = form.getByTestId('screenshot-canvas');
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(0);
  const box = (await canvas.boundingBox())!;
  const drag = async (from: [number, number], to: [number, number]) => {
    await form.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
    await form.mouse.down();
    await form.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
    await form.mouse.up();
  };
  // A text label in the top left, then a blackout.
  await dialog.getByRole('button', { name: s.label }).click();
  await dialog.getByLabel(s.labelText).fill(locale === 'fr' ? 'Erreur ici' : 'Error here');
  await drag([0.05, 0.05], [0.25, 0.12]);
  await dialog.getByRole('button', { name: s.blackout }).click();
  await drag([0.3, 0.3], [0.6, 0.5]);
  expect(await dialog.getByTestId('marks-summary').textContent()).toBe(s.marks);
  await dialog.getByRole('button', { name: s.save }).click();
  await form.getByRole('dialog').waitFor({ state: 'detached' });
  await expect.poll(() => shot.getAttribute('data-bytes')).not.toBe(String(before.bytes));
  const after = { bytes: Number(await shot.getAttribute('data-bytes')), type: await shot.getAttribute('data-type') };
  console.log(`[form-truth] edited capture (${locale}): ${before.type} ${before.bytes} B → ${after.type} ${after.bytes} B`);
  expect(after.type).toBe(before.type);
  expect(after.bytes).toBeLessThanOrEqual(before.bytes * 1.5);
  // The blackout as the editor keeps it, in image pixels.
  const [edit] = JSON.parse((await shot.getAttribute('data-blackouts')) ?? '[]') as {
    x: number;
    y: number;
    width: number;
    height: number;
  }[];

  await form.getByLabel(s.description, { exact: true }).fill(`Capture masquée (${locale}).`);
  await form.getByLabel(s.email, { exact: true }).fill('marie@example.com');
  await form.getByRole('button', { name: s.review, exact: true }).click();
  await form.getByRole('button', { name: s.send, exact: true }).click();
  const reference = (await form.getByTestId('ticket-reference').textContent({ timeout: 20_000 }))!;
  const stored = (await listTickets(api)).find((t) => t.reference === reference)!;
  const bytes = await fetchScreenshot(api, stored.id, 0);
  expect(bytes.type).toBe(before.type);
  expect(bytes.bytes.length).toBe(after.bytes);
  // Every pixel the customer blacked out, to the edge (the edit's own rectangle, in image pixels):
  // a lossy codec greys the black along an edge it does not cover.
  expect(stored.ticket.screenshots[0]).toMatchObject({ edited: true });
  const rect = {
    x: Math.floor(edit!.x),
    y: Math.floor(edit!.y),
    width: Math.ceil(edit!.x + edit!.width) - Math.floor(edit!.x),
    height: Math.ceil(edit!.y + edit!.height) - Math.floor(edit!.y),
  };
  expect(rect.width * rect.height).toBeGreaterThan(10_000);
  const pixels = await notBlackPixels(form, bytes.bytes, rect);
  expect(pixels.inside).toBe(rect.width * rect.height);
  expect(pixels.notBlack).toBe(0);
  // The label is burned in: its box holds the marks' red (#e0004d) where the page had none.
  const { width, height } = stored.ticket.screenshots[0]!;
  const red = await redPixels(form, bytes.bytes, {
    x: Math.round(width * 0.05),
    y: Math.round(height * 0.05),
    width: Math.round(width * 0.2),
    height: Math.round(height * 0.07),
  });
  expect(red).toBeGreaterThan(100);
  await form.close();
  await page.close();
}

/** How many pixels of `rect` in an image are close to the marks' red (#e0004d). */
function redPixels(page: Page, bytes: Buffer, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  return page.evaluate(
    async ({ base64, rect }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([raw]));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(rect.x, rect.y, rect.width, rect.height).data;
      let red = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 170 && data[i + 1]! < 60 && data[i + 2]! > 40 && data[i + 2]! < 120) red += 1;
      return red;
    },
    { base64: bytes.toString('base64'), rect },
  );
}

/**
 * In the toolbar popup a file picker can close the form: "Add an image" moves the form, with what
 * was typed, to a window of its own, where the file is chosen.
 */
export async function walkTheAddImage(browser: Browser, demo: DemoServer, locale: TruthLocale): Promise<void> {
  const s = TRUTH[locale];
  const url = `${demo.drawUrl}?add=${locale}&quiet=1`;
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser.worker, url);
  // The form as the toolbar popup opens it (from=toolbar): what a click on the button shows.
  const popup = await openForm(browser, tabId, '&from=toolbar');
  await popup.getByTestId('checklist').waitFor({ timeout: 20_000 });
  expect(await popup.locator('input[type=file]').count()).toBe(0);
  await popup.getByLabel(s.description, { exact: true }).fill(`Une image à joindre (${locale}).`);
  await popup.waitForTimeout(300);
  const [windowed] = await Promise.all([
    browser.context.waitForEvent('page', { predicate: (p) => p.url() === `chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}` }),
    popup.getByRole('button', { name: s.addImage, exact: true }).click(),
  ]);
  await expect.poll(() => popup.isClosed()).toBe(true);
  await expect
    .poll(() => windowed.getByLabel(s.description, { exact: true }).inputValue(), { timeout: 20_000 })
    .toBe(`Une image à joindre (${locale}).`);
  await windowed
    .locator('input[type=file]')
    .setInputFiles({ name: 'erreur.png', mimeType: 'image/png', buffer: await pngBytes(windowed, 320, 200) });
  await expect.poll(() => windowed.getByTestId('screenshot-item').count()).toBe(2);
  await windowed.close();
  await page.close();
}
