/**
 * Support's inbox in real Chromium against the real API: a customer files a ticket through the
 * extension on the demo draw page; support signs in (a wrong token and a missing cookie are
 * refused), finds it at the top of the queue with its deadline badge, opens it with the keyboard,
 * sees its screenshot, console and network entries, acknowledges it, and the customer's "My
 * tickets" follows; a ticket whose description and console entries hold HTML and script runs
 * nothing; axe finds no violation on the queue or the ticket page; support signs out. Beside an
 * API with a handoff to a real webhook receiver, the ticket page lists the attempts and its
 * "Send again" button (a real form post, with the Origin Chromium sends) delivers once more.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SUPPORT_TOKEN, openForm, tabIdOf } from '../support/harness';
import { useStack } from '../support/stack';
import { describeViolations, runAxe } from '../accessibility/axe';
import { sampleTicket } from '../../fixtures/sample-ticket';
import { startApiWithRetriedWebhook, waitFor } from '../../../server/handoff/test-receivers';
import { postParts, SUPPORT_TOKEN as API_TOKEN, ticketFor, ticketParts } from '../../../server/test-support';
import { TicketCreatedSchema } from '../../../utils/contract/schemas';

const stack = useStack({ locale: 'en' });

const HOSTILE = '<img src="/pwned-img" onerror="alert(1)"><script>fetch("/pwned-script");alert(2)</script>';

async function expectNoAxeViolation(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

/** Files a ticket through the extension's form on the demo draw page; returns its reference. */
async function fileThroughExtension(): Promise<string> {
  const draw = await stack.browser.context.newPage();
  await draw.goto(stack.demo.drawUrl);
  await draw.waitForLoadState('load');
  await draw.waitForTimeout(300);
  const tabId = await tabIdOf(stack.browser.worker, stack.demo.drawUrl);
  const form = await openForm(stack.browser, tabId);
  await form.getByTestId('screenshot-thumb').waitFor();
  await form.getByLabel('Description').fill('Instagram comments never finish loading in the draw.');
  await form.getByLabel(/^E-mail$/).fill('marie@example.com');
  await form.getByRole('button', { name: /^Review before sending$/ }).click();
  await form.getByRole('button', { name: /^Send to support$/ }).click();
  const reference = (await form.getByTestId('ticket-reference').textContent({ timeout: 15_000 }))!;
  await form.close();
  await draw.close();
  return reference;
}

describe('support inbox', () => {
  it('signs in, finds the extension’s ticket on top, reads its evidence, acknowledges it, My tickets follows, signs out', async () => {
    const reference = await fileThroughExtension();
    expect(reference).toMatch(/^OSO-/);
    // A later ticket full of markup, straight to the API as any client could send it.
    const hostile = sampleTicket({
      locale: 'en',
      description: `${HOSTILE}\nPlease help`,
      email: 'attacker@example.com',
      screenshots: [],
      diagnostics: {
        entries: [{ kind: 'console', level: 'error', t: 10, count: 2, message: `${HOSTILE} in the console` }],
        dropped: 0,
        leftOut: 0,
      },
    });
    const created = TicketCreatedSchema.parse(await (await postParts(stack.api.url, ticketParts(hostile, []))).json());

    const page = await stack.browser.context.newPage();
    const pwned: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('pwned')) pwned.push(request.url());
    });
    page.on('dialog', (dialog) => {
      pwned.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });

    // No cookie: refused, with the sign-in form.
    const refused = await page.goto(`${stack.api.url}/inbox`);
    expect(refused!.status()).toBe(401);
    // A wrong token: refused, with the reason.
    await page.getByLabel('Support token').fill(`${SUPPORT_TOKEN}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('This support token is not the right one.');
    expect(await page.context().cookies(`${stack.api.url}/inbox`)).toEqual([]);

    await page.getByLabel('Support token').fill(SUPPORT_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('queue').waitFor();
    const [cookie] = await page.context().cookies(`${stack.api.url}/inbox`);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/inbox' });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);

    // The extension's ticket is first (earliest first-reply deadline), on track.
    const first = page.getByTestId('queue-row').first();
    expect(await first.getAttribute('data-reference')).toBe(reference);
    expect(await first.getByTestId('badge').textContent()).toBe('On track');
    expect(await first.textContent()).toContain('marie@example.com');
    await expectNoAxeViolation(page, 'inbox queue');

    // Keyboard: j selects the first row, Enter opens it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect.poll(() => first.getAttribute('class')).toContain('selected');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox\/tickets\//);
    expect(await page.getByTestId('ticket-reference').textContent()).toBe(reference);
    expect(await page.getByTestId('mailto').getAttribute('href')).toContain(encodeURIComponent(`[${reference}]`));
    expect(await page.getByTestId('draw-link').getAttribute('href')).toContain('/giveaways/8f3k2/results');

    // The screenshot, loaded through the inbox's sandboxed image route.
    const image = page.getByTestId('screenshot').locator('img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);

    // Console and network entries, each in its tab.
    await page.getByRole('tab', { name: /^Console/ }).click();
    const consolePanel = page.locator('#panel-console');
    expect(await consolePanel.isVisible()).toBe(true);
    expect(await page.locator('#panel-network').isVisible()).toBe(false);
    expect(await consolePanel.getByTestId('console-entries').textContent()).toContain(
      'Impossible de charger les participants : délai dépassé',
    );
    expect(await consolePanel.locator('mark.scrubbed').count()).toBeGreaterThan(0);
    // The level filter hides the warnings.
    const warnings = consolePanel.locator('tr[data-level="warn"]');
    expect(await warnings.count()).toBeGreaterThan(0);
    await page.getByLabel('Level').selectOption('error');
    expect(await warnings.first().isVisible()).toBe(false);
    await page.getByRole('tab', { name: /^Network/ }).click();
    const network = page.getByTestId('network-entry');
    expect(await network.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('network-entries').textContent()).toContain('/api/giveaways/8f3k2/comments');
    // This stack runs no handoff: the page says so in one line.
    expect(await page.getByTestId('handoff-off').textContent({ timeout: 5_000 })).toContain('The handoff is not configured');
    await expectNoAxeViolation(page, 'inbox ticket page');

    // Acknowledge: the page and the history say so, and the customer's My tickets follows.
    await page.getByRole('button', { name: 'Mark Acknowledged' }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Current status: Acknowledged');
    expect(await page.getByTestId('history').textContent()).toMatch(/Received → Acknowledged, by support \(inbox\)/);
    const draw = await stack.browser.context.newPage();
    await draw.goto(stack.demo.drawUrl);
    const form = await openForm(stack.browser, await tabIdOf(stack.browser.worker, stack.demo.drawUrl));
    await form.getByRole('button', { name: 'My tickets' }).click();
    const row = form.getByTestId('my-ticket').filter({ hasText: reference });
    await expect.poll(() => row.getByTestId('my-ticket-status').textContent(), { timeout: 15_000 }).toBe('Acknowledged');
    await form.close();
    await draw.close();

    // The hostile ticket: its markup is shown as text, and nothing of it runs or loads.
    await page.goto(`${stack.api.url}/inbox/tickets/${created.id}`);
    expect(await page.getByTestId('description').textContent()).toContain(HOSTILE);
    await page.getByRole('tab', { name: /^Console/ }).click();
    expect(await page.getByTestId('console-entries').textContent()).toContain(`${HOSTILE} in the console`);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.locator('img[src="/pwned-img"]').count()).toBe(0);
    await page.goto(`${stack.api.url}/inbox`);
    expect(await page.getByTestId('queue').textContent()).toContain('<img src="/pwned-img"');
    await page.waitForTimeout(300);
    expect(pwned).toEqual([]);

    // The acknowledged ticket now waits behind the one still owed a first reply; `e` closes the selected row.
    const rows = page.getByTestId('queue-row');
    expect(await rows.first().getAttribute('data-reference')).toBe(created.reference);
    expect(await rows.last().getByTestId('badge').textContent()).toBe('Replied');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('mailbox-closed').textContent()).toBe('Closed (1)');
    expect(await page.getByTestId('queue').textContent()).not.toContain(created.reference);

    // Sign out: back to the sign-in form, and the inbox refuses the old session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Support token').waitFor();
    expect(await page.context().cookies(`${stack.api.url}/inbox`)).toEqual([]);
    expect((await page.goto(`${stack.api.url}/inbox`))!.status()).toBe(401);
    await page.close();
  });

  it('shows the handoff’s attempts on the ticket page, axe-clean, and Send again delivers once more', async () => {
    const handoffStack = await startApiWithRetriedWebhook();
    const { api, receiver } = handoffStack;
    const page = await stack.browser.context.newPage();
    try {
      const { id } = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticketFor([]), []))).json());
      await waitFor('the webhook delivered after its 500', () => receiver.deliveredIds().length === 1);
      await page.goto(`${api.url}/inbox/sign-in`);
      await page.getByLabel('Support token').fill(API_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${api.url}/inbox`);
      await page.goto(`${api.url}/inbox/tickets/${id}`);
      const attempts = page.getByTestId('attempt');
      expect(await attempts.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['retry', 'delivered']);
      await expectNoAxeViolation(page, 'inbox ticket page with its handoff');
      await page.getByRole('button', { name: 'Send again' }).click();
      await waitFor('the delivery sent again', () => receiver.deliveredIds().length === 2, 5_000);
      await expect
        .poll(
          async () => {
            await page.reload();
            return attempts.count();
          },
          { timeout: 5_000 },
        )
        .toBe(3);
      expect(await attempts.last().getAttribute('data-outcome')).toBe('delivered');
    } finally {
      await page.close();
      await handoffStack.close();
    }
  });
});
