/**
 * Accessibility of what a customer sees, in English and in French (Chromium's UI language, so
 * the extension's automatic language follows it): the form on the demo draw page, the options
 * page and the review step. axe-core must find nothing serious or critical; every violation is
 * printed so that minor ones get fixed too. Beyond axe: every control has a name in Chromium's
 * accessibility tree, the send button is reachable with Tab, every Tab stop shows a focus ring,
 * and status changes land in live regions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, launchBrowser, openForm, startDemo, startTestApi, tabIdOf, type Api, type Browser } from '../support/harness';
import type { DemoServer } from '../../fixtures/demo-server';
import { blocking, describeViolations, formFieldCount, runAxe, tabTo, unnamedControls, type Violation } from './axe';

declare const chrome: typeof import('wxt/browser').browser;

const LOCALES = [
  {
    locale: 'en',
    other: 'fr',
    submit: /^Review before sending$/,
    review: /^Review before sending$/,
    reviewTitle: /^Check what will be sent$/,
    send: /^Send to support$/,
    myTickets: /^My tickets$/,
    editShot: /^Edit screenshot 1$/,
    description: /^Description$/,
    email: /^E-mail$/,
    defaultEmail: /^Default e-mail$/,
    attach: /^Attach a screenshot by default$/,
    language: /^Language$/,
    otherLanguageHeading: /^Langue$/,
    saved: /^Saved at /,
    emailError: /valid e-mail address/,
  },
  {
    locale: 'fr',
    other: 'en',
    submit: /^Vérifier avant l’envoi$/,
    review: /^Vérifier avant l’envoi$/,
    reviewTitle: /^Vérifiez ce qui sera envoyé$/,
    send: /^Envoyer au support$/,
    myTickets: /^Mes demandes$/,
    editShot: /^Modifier la capture 1$/,
    description: /^Description$/,
    email: /^Adresse e-mail$/,
    defaultEmail: /^Adresse e-mail par défaut$/,
    attach: /^Joindre une capture d’écran par défaut$/,
    language: /^Langue$/,
    otherLanguageHeading: /^Language$/,
    saved: /^Enregistré à /,
    emailError: /adresse e-mail valide/,
  },
] as const;

let api: Api;
let demo: DemoServer;
/** Every axe result of the run, printed at the end as one summary. */
const report: string[] = [];

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
});

afterAll(async () => {
  console.log(report.join('\n'));
  await Promise.all([api?.close(), demo?.close()]);
});

function record(where: string, violations: Violation[]): Violation[] {
  report.push(describeViolations(where, violations));
  return blocking(violations);
}

describe.each(LOCALES)('accessibility, browser in $locale', (strings) => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser({ apiUrl: api.url, locale: strings.locale });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The form for the demo draw page, once the page's data has been captured; opened once, shared by the form and review cases. */
  let drawForm: Page | undefined;
  async function openDrawForm(): Promise<Page> {
    if (drawForm && !drawForm.isClosed()) return drawForm;
    const draw = await browser.context.newPage();
    await draw.goto(demo.drawUrl);
    const form = await openForm(browser, await tabIdOf(browser.worker, demo.drawUrl));
    // Generous limits: they cost nothing when the machine is idle, and 2 shared cores can be slow.
    await form.getByTestId('page-url').waitFor({ timeout: 30_000 });
    // The screenshot arrives a little after the rest; check the form as the customer sees it.
    await form.locator('main img').first().waitFor({ timeout: 20_000 });
    drawForm = form;
    return form;
  }

  it('the form and its screenshot editor: no serious axe violation, every control named, Tab reaches the send button with a visible ring', async () => {
    const form = await openDrawForm();
    expect(await form.locator('html').getAttribute('lang')).toBe(strings.locale);

    const where = `popup form (${strings.locale})`;
    expect(record(where, await runAxe(form))).toEqual([]);
    expect(await formFieldCount(form)).toBeGreaterThanOrEqual(3);
    expect(await unnamedControls(form)).toEqual([]);

    const { reached, stops } = await tabTo(form, form.getByRole('button', { name: strings.submit }));
    expect(reached, `Tab stops: ${stops.map((s) => s.element).join(' → ')}`).toBe(true);
    expect(stops.filter((s) => !s.focusVisible || !s.ringVisible)).toEqual([]);

    // The screenshot editor is a modal dialog of the form: same checks, then Escape closes it.
    await form.getByRole('button', { name: strings.editShot }).click();
    const editor = form.getByRole('dialog');
    await editor.waitFor();
    const whereEditor = `screenshot editor (${strings.locale})`;
    expect(record(whereEditor, await runAxe(form))).toEqual([]);
    expect(await unnamedControls(form)).toEqual([]);
    await form.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });
  });

  it('the options page: named, keyboard-operable, saves with an announced status, errors in the page’s language', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const language = page.getByRole('combobox', { name: strings.language });
    await language.waitFor();
    // Automatic language: the browser's.
    expect(await page.locator('html').getAttribute('lang')).toBe(strings.locale);

    const where = `options page (${strings.locale})`;
    expect(record(where, await runAxe(page))).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);

    // Keyboard only: Tab to the checkbox, Space toggles it, "Saved" is announced and stored.
    const checkbox = page.getByRole('checkbox', { name: strings.attach });
    const { reached, stops } = await tabTo(page, checkbox);
    expect(reached).toBe(true);
    expect(stops.filter((s) => !s.focusVisible || !s.ringVisible)).toEqual([]);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(strings.saved);
    const stored = () =>
      browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined);
    expect(await stored()).toMatchObject({ attachScreenshotByDefault: false, schemaVersion: 2 });

    // A wrong default e-mail: said on leaving the field, in the page's language, tied to the field.
    const email = page.getByRole('textbox', { name: strings.defaultEmail });
    await email.fill('marie@');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(strings.emailError);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(
      await email.evaluate((el) =>
        el
          .getAttribute('aria-describedby')
          ?.split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      ),
    ).toMatch(strings.emailError);
    const whereError = `options page with an e-mail error (${strings.locale})`;
    expect(record(whereError, await runAxe(page))).toEqual([]);
    expect((await stored())?.defaultEmail).toBe('');

    await email.fill('marie@example.com');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await stored())?.defaultEmail).toBe('marie@example.com');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Choosing the other language switches the page at once; a change made elsewhere (here the
    // service worker) is followed live, and back to automatic means the browser's language again.
    await language.selectOption(strings.other);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(strings.other);
    await page.getByRole('combobox', { name: strings.otherLanguageHeading }).waitFor();
    await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(strings.locale);
    expect(await page.getByRole('checkbox', { name: strings.attach }).isChecked()).toBe(true);
    await page.close();
  });

  // The review step: "Review before sending" shows exactly what will be sent, then Send.
  it('the review step, then the sent confirmation and My tickets: no serious axe violation, named controls, Tab reaches send, sending is announced', async () => {
    const form = await openDrawForm();
    await form.getByRole('textbox', { name: strings.description }).fill('Les commentaires Instagram ne se chargent pas.');
    await form.getByRole('textbox', { name: strings.email }).fill('marie@example.com');
    await form.getByRole('button', { name: strings.review }).click();
    await form.getByRole('heading', { name: strings.reviewTitle }).waitFor();

    const where = `review step (${strings.locale})`;
    expect(record(where, await runAxe(form))).toEqual([]);
    expect(await unnamedControls(form)).toEqual([]);

    const send = form.getByRole('button', { name: strings.send });
    // The review lists every captured entry with its own switch: many Tab stops before Send.
    const { reached, stops } = await tabTo(form, send, 150);
    expect(reached, `Tab stops: ${stops.map((s) => s.element).join(' → ')}`).toBe(true);
    expect(stops.filter((s) => !s.focusVisible || !s.ringVisible)).toEqual([]);

    // Send with the keyboard; a live region then says the reference, so it is announced.
    await form.keyboard.press('Enter');
    const reference = (await form.getByTestId('ticket-reference').textContent({ timeout: 15_000 }))?.trim();
    expect(reference).toMatch(/^OSO-/);
    await expect
      .poll(async () => (await form.locator('[role=status], [role=alert], [aria-live]').allTextContents()).join(' '))
      .toContain(reference);
    const whereSent = `sent confirmation (${strings.locale})`;
    expect(record(whereSent, await runAxe(form))).toEqual([]);

    // The popup's other view, with the ticket just sent in it.
    await form.getByRole('button', { name: strings.myTickets }).click();
    await form.getByTestId('my-ticket').first().waitFor({ timeout: 10_000 });
    const whereTickets = `my tickets (${strings.locale})`;
    expect(record(whereTickets, await runAxe(form))).toEqual([]);
    expect(await unnamedControls(form)).toEqual([]);
    await form.close();
  });
});
