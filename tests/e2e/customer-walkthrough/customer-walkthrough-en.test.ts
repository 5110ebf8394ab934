/**
 * The customer's walk in English (the Done-when of the form): category, checklist ticking and
 * nudging, a blackout burned into the stored screenshot, a second image, review leaving one
 * console entry out of the stored ticket, send, "My tickets" with the live status, axe clean.
 * Also: off an Osortoo page, a general ticket that says why and asks for the draw link; and a
 * draft that survives a browser restart (new tab ids, new session), found again by the page URL.
 * The French walk is the sibling file, so the two run in parallel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openForm, startDemo, startTestApi, tabIdOf, type Api, type Browser } from '../support/harness';
import { STRINGS, draftCount, expectNoSeriousAxe, walkCustomerThrough } from '../support/customer-walkthrough';
import type { DemoServer } from '../../fixtures/demo-server';

/** The extension API inside functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

let api: Api;
let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  browser = await launchBrowser({ apiUrl: api.url, locale: 'en' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

describe('customer walkthrough (English)', () => {
  it('files a complete ticket: category, checklist, blackout, second image, review with an entry left out, My tickets', async () => {
    await walkCustomerThrough({ browser, api, demo, locale: 'en', reopen: false });
  });

  it('off an Osortoo page: a general ticket that says why and asks for the draw link, ticking it once typed', async () => {
    const s = STRINGS.en;
    // A page no content script runs on (the demo's /blank is on a host the e2e build's content
    // scripts do run on, and utils/diagnosis/diagnose.ts counts any answering page as an Osortoo page).
    const url = 'data:text/html,<title>Elsewhere</title><p>Not an Osortoo page.</p>';
    const page = await browser.context.newPage();
    await page.goto(url);
    // The extension may not read a data: tab's URL: it is the newest tab whose URL it cannot see.
    const tabId = await browser.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Math.max(...tabs.filter((tab) => !tab.url && tab.id !== undefined).map((tab) => tab.id!));
    });
    expect(tabId).toBeGreaterThan(0);
    const form = await openForm(browser, tabId);
    await form.getByRole('heading', { name: s.noPageTitle }).waitFor({ timeout: 20_000 });
    expect(await form.getByTestId('no-page').textContent()).toContain('not an Osortoo page');
    const item = (detail: string) => form.getByTestId(`checklist-${detail}`);
    expect(await item('drawLink').getAttribute('data-state')).toBe('missing');
    expect(await item('pageOrUsername').textContent()).toContain('Add the giveaway’s Facebook Page or Instagram username.');
    await form.getByLabel(s.drawLink, { exact: true }).fill('https://osortoo.com/giveaways/8f3k2/results');
    await expect.poll(() => item('drawLink').getAttribute('data-state')).toBe('done');
    await form.getByLabel(s.accountName, { exact: true }).fill('@boutique.marie');
    await expect.poll(() => item('pageOrUsername').getAttribute('data-state')).toBe('done');
    await expectNoSeriousAxe(form, 'general ticket (en)');
    // What was typed is a draft until the customer discards it.
    expect(await draftCount(form)).toBe(1);
    await form.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => draftCount(form)).toBe(0);
    expect(await form.getByLabel(s.drawLink, { exact: true }).inputValue()).toBe('');
    await form.close();
    await page.close();
  });

  it('restores a draft after the browser restarts, when tab ids and the session changed', async () => {
    const url = `${demo.drawUrl}?quiet=1&restart`;
    const first = await browser.context.newPage();
    await first.goto(url);
    let form = await openForm(browser, await tabIdOf(browser.worker, url));
    await form.getByTestId('checklist').waitFor({ timeout: 20_000 });
    await form.getByLabel('Category', { exact: true }).selectOption('billing');
    await form.getByLabel('Description', { exact: true }).fill('Draft written before the browser quit.');
    // Saving is immediate, but give the last write a moment before the process goes away.
    await form.waitForTimeout(300);
    const userDataDir = browser.userDataDir;
    await browser.close();

    browser = await launchBrowser({ apiUrl: api.url, locale: 'en', userDataDir });
    const again = await browser.context.newPage();
    await again.goto(url);
    form = await openForm(browser, await tabIdOf(browser.worker, url));
    await expect.poll(() => form.getByTestId('form-notice').textContent(), { timeout: 20_000 }).toBe(STRINGS.en.restored);
    expect(await form.getByLabel('Description', { exact: true }).inputValue()).toBe('Draft written before the browser quit.');
    expect(await form.getByLabel('Category', { exact: true }).inputValue()).toBe('billing');
    // Discarding it clears the form and the stored draft.
    await form.getByRole('button', { name: 'Discard draft' }).click();
    expect(await form.getByLabel('Description', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => draftCount(form)).toBe(0);
    await form.close();
  });
});
