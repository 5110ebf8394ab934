/**
 * The known-problem notice on the fixture pages (tests/fixtures/known-problem-pages.ts), shared
 * by the English and French files: every seeded family shows its own fix; "That solved it"
 * sends no ticket and counts one deflection; "I still need help" sends a ticket with the
 * problem id, the pre-selected category and, first, the message the page showed word for word.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { KNOWN_PROBLEM_FAMILIES } from '../../fixtures/known-problem-pages';
import { SEED_CATALOGUE } from '../../../utils/known-problems/seed';
import { ProblemStatsSchema } from '../../../utils/known-problems/schema';
import { format } from '../../../utils/i18n/format';
import { KNOWN_PROBLEM_MESSAGES } from '../../../utils/i18n/known-problems';
import { SUPPORT_TOKEN, listTickets, openForm, tabIdOf, waitFor } from '../support/harness';
import type { Stack } from '../support/stack';

/** Which catalogue entry each fixture family must bring up. */
export const EXPECTED: Record<string, string> = {
  'meta-session': 'meta-session-expired',
  permissions: 'meta-permissions',
  'rate-limit': 'meta-rate-limit',
  'post-missing': 'meta-post-unavailable',
  'instagram-account': 'instagram-account-type',
  youtube: 'youtube-comments-disabled',
  payment: 'payment-failed',
  'osortoo-session': 'osortoo-session-expired',
};

const FORM_WORDS = {
  en: { category: 'Category', email: 'E-mail', review: 'Review before sending', send: 'Send to support' },
  fr: { category: 'Catégorie', email: 'Adresse e-mail', review: 'Vérifier avant l’envoi', send: 'Envoyer au support' },
};

export const problemOf = (id: string) => SEED_CATALOGUE.problems.find((p) => p.id === id)!;

/** Opens the family's fixture page, lets it fail and tell, then the form for its tab. */
export async function openOnFamily(stack: Stack, family: string, lang: 'fr' | 'en'): Promise<{ page: Page; form: Page }> {
  const url = `${stack.demo.url}/giveaways/kp-${family}/results?lang=${lang}`;
  const page = await stack.browser.context.newPage();
  // Playwright dismisses dialogs by default; the hook has recorded the alert before it showed.
  await page.goto(url);
  await page.locator('body[data-done]').waitFor({ state: 'attached' });
  const form = await openForm(stack.browser, await tabIdOf(stack.browser.worker, url));
  return { page, form };
}

/** The notice shows the family's problem: its title, steps and help link, and the category pre-selected. */
export async function expectNotice(form: Page, family: string, lang: 'fr' | 'en'): Promise<void> {
  const problem = problemOf(EXPECTED[family]!);
  const notice = form.getByTestId('known-problem');
  await notice.waitFor({ timeout: 15_000 });
  expect(await notice.getAttribute('data-problem-id'), family).toBe(problem.id);
  expect(await notice.getByRole('heading', { level: 2 }).textContent()).toBe(
    format(KNOWN_PROBLEM_MESSAGES[lang].heading, { title: problem.title[lang] }),
  );
  expect(await notice.getByTestId('known-problem-steps').locator('li').allTextContents()).toEqual(problem.steps[lang]);
  expect(await notice.getByRole('link', { name: KNOWN_PROBLEM_MESSAGES[lang].helpLink }).getAttribute('href')).toBe(problem.help[lang]);
  await expect.poll(() => form.getByLabel(FORM_WORDS[lang].category, { exact: true }).inputValue()).toBe(problem.category);
}

/** Support's weekly counts for one problem (GET /v1/stats). */
export async function countsOf(stack: Stack, problemId: string): Promise<{ tickets: number; deflections: number }> {
  const res = await fetch(`${stack.api.url}/v1/stats`, { headers: { Authorization: `Bearer ${SUPPORT_TOKEN}` } });
  const { weeks } = ProblemStatsSchema.parse(await res.json());
  const rows = weeks.filter((w) => w.problemId === problemId);
  return { tickets: rows.reduce((n, w) => n + w.tickets, 0), deflections: rows.reduce((n, w) => n + w.deflections, 0) };
}

/** "That solved it": the notice thanks, one deflection is counted, no ticket is stored. */
export async function solvedIt(stack: Stack, family: string, lang: 'fr' | 'en'): Promise<void> {
  const { page, form } = await openOnFamily(stack, family, lang);
  await expectNotice(form, family, lang);
  const before = await listTickets(stack.api);
  await form.getByRole('button', { name: KNOWN_PROBLEM_MESSAGES[lang].solved }).click();
  expect(await form.getByTestId('known-problem-solved').textContent()).toBe(KNOWN_PROBLEM_MESSAGES[lang].thanks);
  const counts = await waitFor(async () => {
    const c = await countsOf(stack, EXPECTED[family]!);
    return c.deflections > 0 ? c : undefined;
  });
  expect(counts).toEqual({ tickets: 0, deflections: 1 });
  // Give a stray upload time to arrive: there must be none.
  await form.waitForTimeout(1_000);
  expect(await listTickets(stack.api)).toEqual(before);
  await Promise.all([form.close(), page.close()]);
}

/** "I still need help": the ticket carries the problem, the category and, first, what the page showed. */
export async function stillNeedHelp(stack: Stack, family: string, lang: 'fr' | 'en'): Promise<void> {
  const problem = problemOf(EXPECTED[family]!);
  const { page, form } = await openOnFamily(stack, family, lang);
  await expectNotice(form, family, lang);
  await form.getByRole('button', { name: KNOWN_PROBLEM_MESSAGES[lang].stillNeedHelp }).click();
  // The description is where the customer goes on.
  await expect.poll(() => form.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await form
    .getByLabel('Description')
    .fill(lang === 'fr' ? 'J’ai suivi les étapes, toujours bloqué.' : 'I followed the steps, still stuck.');
  await form.getByLabel(FORM_WORDS[lang].email, { exact: true }).fill('marie@example.com');
  await form.getByRole('button', { name: FORM_WORDS[lang].review }).click();
  expect(await form.getByTestId('review-known-problem').textContent()).toContain(problem.id);
  await form.getByRole('button', { name: FORM_WORDS[lang].send }).click();
  await form.getByTestId('ticket-reference').waitFor({ timeout: 15_000 });

  const stored = await waitFor(async () => (await listTickets(stack.api)).find((t) => t.ticket.knownProblem?.id === problem.id));
  const { ticket } = stored;
  expect(ticket.category).toBe(problem.category);
  expect(ticket.knownProblem?.matched).toMatch(/^(network \d{3} 127\.0\.0\.1:\d+|shown)/);
  const failure = KNOWN_PROBLEM_FAMILIES[family]!;
  // What the page showed comes first, word for word, with how it was shown.
  expect(ticket.diagnostics.entries[0]).toMatchObject({
    kind: 'shown',
    via: failure.tell === 'alert' ? 'alert' : 'page',
    message: failure.say[lang],
  });
  expect(await countsOf(stack, problem.id)).toMatchObject({ tickets: 1 });
  await Promise.all([form.close(), page.close()]);
}
