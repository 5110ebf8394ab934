/**
 * The walking skeleton in Firefox: the Firefox e2e build (`wxt build -b firefox --mv3 --mode e2e`)
 * in Debian's firefox-esr, driven over WebDriver BiDi, against the real API over HTTP. The
 * customer on the demo draw page gets the form filled with the page URL, a screenshot, the
 * environment and the console errors, sends, and support reads the ticket back.
 *
 * BiDi cannot open the extension's pages nor reach its worker, so the test asks the e2e build's
 * worker through the page's address (entrypoints/background/testing/address-door.ts) to do what
 * the toolbar click does where Firefox cannot open the popup (140–148): collect, then open the
 * form in a window, which BiDi can drive.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fetchScreenshot, listTickets, startDemo, startTestApi, waitFor, type Api } from '../support/harness';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../support/firefox';
import type { DemoServer } from '../../fixtures/demo-server';
import { GECKO_ID } from '../../../utils/extension/gecko-id';
import { imageSize } from '../../../utils/screenshots/image-size';

/** The extension API inside functions evaluated in the form's page. */
declare const browser: typeof import('wxt/browser').browser;

const FIREFOX_E2E_DIR = process.env.E2E_FIREFOX_DIR ?? fileURLToPath(new URL('../../../.output/firefox-mv3-e2e', import.meta.url));
/** Pinned, so that the API can allow exactly this extension's origin. */
const UUID = '6f0c4a3e-2b1d-4c8e-9a57-0d3e8b1f2c44';

let api: Api;
let demo: DemoServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi({ allowedOrigins: [`moz-extension://${UUID}`] }), startDemo()]);
  firefox = await launchFirefoxWithExtension(FIREFOX_E2E_DIR, {
    geckoId: GECKO_ID,
    uuid: UUID,
    // Firefox's permission prompt is browser chrome, out of BiDi's reach: this preference answers
    // it with yes, as the customer who clicks "Share browser and device details" then does.
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
});

afterAll(async () => {
  await firefox?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

/**
 * Does what the toolbar click does on the tab showing `page`; returns the form's page and its
 * address. BiDi reports an extension page's address as about:blank, so the page is asked.
 */
async function openFormFrom(page: Page): Promise<{ form: Page; address: URL }> {
  const formUrl = `${firefox.origin}/popup.html?tabId=`;
  await page.evaluate((url) => {
    location.hash = `osortoo-e2e-click=${encodeURIComponent(url)}`;
  }, api.url);
  return waitFor(async () => {
    for (const candidate of await firefox.browser.pages()) {
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(formUrl)) return { form: candidate, address: new URL(href) };
    }
    return undefined;
  });
}

describe('walking skeleton in Firefox', () => {
  it('files a ticket from the draw page that support can read back, screenshot included', async () => {
    const [page] = await firefox.browser.pages();
    await page!.goto(demo.drawUrl, { waitUntil: 'load' });
    // Let the page's asynchronous failures (fetch, rejection, timer) happen.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const { form, address } = await openFormFrom(page!);
    const tabId = Number(address.searchParams.get('tabId'));
    // The toolbar badge counts the page's errors in Firefox too.
    const badge = await waitFor(async () => {
      const text = await form.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);
      return Number(text) > 0 ? Number(text) : undefined;
    });
    expect(badge).toBeGreaterThanOrEqual(5);

    await form.locator('[data-testid="screenshot-thumb"]').wait();
    expect(await form.$eval('[data-testid="page-url"]', (el) => el.textContent)).toContain('/giveaways/8f3k2/results');
    expect(await form.$eval('[data-testid="environment"]', (el) => el.textContent)).toMatch(/Firefox/);

    await form.locator('textarea').fill('Les commentaires Instagram ne se chargent pas.');
    await form.locator('input[type="email"]').fill('marie@example.com');
    // Not allowed yet, so not ticked: the checklist says where to share it.
    const browserDevice = await form.$eval('[data-testid="checklist-browserDevice"]', (el) => [
      el.getAttribute('data-state'),
      el.textContent,
    ]);
    expect(browserDevice[0]).toBe('missing');
    expect(browserDevice[1]).toContain('you can share them when you review the ticket');
    await form.locator('::-p-text(Review before sending)').click();
    // Firefox's "technical and interaction data" is optional: the review says the environment is
    // not shared until the customer allows it (utils/diagnosis/technical-data.ts).
    await form.locator('[data-testid="review-environment-withheld"]').wait();
    await form.locator('::-p-text(Share browser and device details)').click();
    const shared = await form.waitForSelector('[data-testid="review-environment"]');
    expect(await shared!.evaluate((el) => el.textContent)).toMatch(/Firefox/);
    await form.locator('::-p-text(Send to support)').click();
    const reference = await form.waitForSelector('[data-testid="ticket-reference"]', { timeout: 15_000 });
    const referenceText = await reference!.evaluate((el) => el.textContent);
    expect(referenceText).toMatch(/^OSO-[0-9A-Z]{5,8}$/);

    const [stored] = await listTickets(api);
    expect(stored?.reference).toBe(referenceText);
    const ticket = stored!.ticket;
    expect(ticket.context.url).toContain(`${demo.url}/giveaways/8f3k2/results`);
    // The test's fragment is not part of the draw link.
    expect(ticket.context.url).not.toContain('osortoo-e2e');
    expect(ticket.description).toBe('Les commentaires Instagram ne se chargent pas.');
    expect(ticket.email).toBe('marie@example.com');
    expect(ticket.environment.browser.name).toBe('Firefox');
    expect(ticket.environment.engine.name).toBe('Gecko');
    const messages = ticket.diagnostics.entries.filter((e) => e.kind === 'console').map((e) => e.message);
    expect(messages).toContain('Impossible de charger les participants : délai dépassé');

    expect(ticket.screenshots).toHaveLength(1);
    const shot = await fetchScreenshot(api, stored!.id, 0);
    expect(shot.type).toBe(ticket.screenshots[0]!.type);
    const size = imageSize(shot.bytes);
    expect(size.type).toBe(shot.type);
    // The visible area of the draw page, at the page's own size.
    const { width, height } = ticket.environment.viewport;
    const ratio = ticket.environment.devicePixelRatio;
    expect({ width: size.width, height: size.height }).toEqual({ width: Math.round(width * ratio), height: Math.round(height * ratio) });
  });
});
