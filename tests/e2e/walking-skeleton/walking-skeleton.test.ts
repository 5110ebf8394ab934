/**
 * The whole loop once: a customer on the demo draw page opens the form, which is already
 * filled with the page URL, a screenshot, the environment and the console errors; they type
 * a description and their e-mail, send, and see the reference. Support reads the ticket back.
 */
import { describe, expect, it } from 'vitest';
import { fetchScreenshot, listTickets, openForm, tabIdOf, waitFor } from '../support/harness';
import { useStack } from '../support/stack';
import { imageSize } from '../../../utils/screenshots/image-size';

/** The extension API inside the functions evaluated in the service worker. */
declare const chrome: typeof import('wxt/browser').browser;

const stack = useStack();

describe('walking skeleton', () => {
  it('files a ticket from the draw page that support can read back, screenshot included', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.demo.drawUrl);
    await page.waitForLoadState('load');
    // Let the page's asynchronous failures (fetch, rejection, timer) happen.
    await page.waitForTimeout(300);
    const tabId = await tabIdOf(stack.browser.worker, stack.demo.drawUrl);

    // Before the form is even opened, the toolbar badge says the extension saw the page's errors.
    const badge = await waitFor(async () => {
      const text = await stack.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      return Number(text) > 0 ? Number(text) : undefined;
    });
    expect(badge).toBeGreaterThanOrEqual(5);

    const form = await openForm(stack.browser, tabId);
    await form.getByTestId('screenshot-thumb').waitFor();
    expect(await form.getByTestId('page-url').textContent()).toContain('/giveaways/8f3k2/results');
    expect(await form.getByTestId('environment').textContent()).toMatch(/Chrom/);

    await form.getByLabel('Description').fill('Les commentaires Instagram ne se chargent pas.');
    await form.getByLabel(/^(E-mail|Adresse e-mail)$/).fill('marie@example.com');
    // The form's button opens the review; sending happens from there.
    await form.getByRole('button', { name: /^(Review before sending|Vérifier avant l’envoi)$/ }).click();
    await form.getByRole('button', { name: /^(Send to support|Envoyer au support)$/ }).click();

    const reference = await form.getByTestId('ticket-reference').textContent({ timeout: 15_000 });
    expect(reference).toMatch(/^OSO-[0-9A-Z]{5,8}$/);

    const [stored] = await listTickets(stack.api);
    expect(stored?.reference).toBe(reference);
    const ticket = stored!.ticket;
    expect(ticket.context.url).toContain(`${stack.demo.url}/giveaways/8f3k2/results`);
    expect(ticket.description).toBe('Les commentaires Instagram ne se chargent pas.');
    expect(ticket.email).toBe('marie@example.com');
    expect(ticket.environment.browser.name).toMatch(/Chrom/);
    expect(ticket.environment.viewport).toEqual({ width: 1280, height: 800 });
    const messages = ticket.diagnostics.entries.filter((e) => e.kind === 'console').map((e) => e.message);
    expect(messages).toContain('Impossible de charger les participants : délai dépassé');

    expect(ticket.screenshots).toHaveLength(1);
    const shot = await fetchScreenshot(stack.api, stored!.id, 0);
    expect(shot.type).toBe(ticket.screenshots[0]!.type);
    const size = imageSize(shot.bytes);
    expect(size.type).toBe(shot.type);
    expect({ width: size.width, height: size.height }).toEqual({ width: 1280, height: 800 });
  });
});
