/**
 * Known problems in English: every seeded family's fixture page brings up its own fix; "That
 * solved it" and "I still need help" end to end against the real API; an incident support
 * announced for the platform is named in the notice.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_PROBLEM_FAMILIES } from '../../fixtures/known-problem-pages';
import { blocking, describeViolations, runAxe } from '../accessibility/axe';
import { SUPPORT_TOKEN } from '../support/harness';
import { useStack } from '../support/stack';
import { SEED_CATALOGUE } from '../../../utils/known-problems/seed';
import { expectNotice, openOnFamily, solvedIt, stillNeedHelp } from './known-problems-walk';

const stack = useStack({ locale: 'en' });

const setMode = (mode: string, message?: string) =>
  fetch(`${stack.api.url}/v1/status`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${SUPPORT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode, ...(message ? { message } : {}) }),
  });

describe('known problems (English)', () => {
  it('shows each family its own fix, with the category pre-selected', async () => {
    for (const family of Object.keys(KNOWN_PROBLEM_FAMILIES)) {
      const { page, form } = await openOnFamily(stack, family, 'en');
      await expectNotice(form, family, 'en');
      // The notice is part of the form: nothing serious or critical for axe-core (checked once).
      if (family === 'meta-session') {
        const serious = blocking(await runAxe(form));
        expect(serious, describeViolations('known-problem notice', serious)).toEqual([]);
      }
      await Promise.all([form.close(), page.close()]);
    }
  });

  it('"That solved it" sends no ticket and counts one deflection', () => solvedIt(stack, 'rate-limit', 'en'));

  it('"I still need help" stores the ticket with the problem, the category and the toast the page showed', () =>
    stillNeedHelp(stack, 'payment', 'en'));

  it("names support's incident for the platform concerned", async () => {
    expect((await setMode('incident', 'Instagram API outage')).status).toBe(200);
    try {
      const { page, form } = await openOnFamily(stack, 'instagram-account', 'en');
      await expectNotice(form, 'instagram-account', 'en');
      await expect
        .poll(() => form.getByTestId('known-problem-incident').textContent(), { timeout: 10_000 })
        .toBe('Support has announced an incident on this platform: Instagram API outage');
      await Promise.all([form.close(), page.close()]);
    } finally {
      await setMode('normal');
    }
  });

  it("uses support's latest catalogue from the API, not only the bundled copy", async () => {
    const edited = {
      ...SEED_CATALOGUE,
      problems: SEED_CATALOGUE.problems.map((p) =>
        p.id === 'meta-post-unavailable' ? { ...p, title: { ...p.title, en: 'Check the post link (edited by support)' } } : p,
      ),
    };
    const put = await fetch(`${stack.api.url}/v1/known-problems`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SUPPORT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(edited),
    });
    expect(put.status).toBe(200);
    const { page, form } = await openOnFamily(stack, 'post-missing', 'en');
    await expect
      .poll(() => form.getByTestId('known-problem').getByRole('heading', { level: 2 }).textContent(), { timeout: 10_000 })
      .toBe('Known problem: Check the post link (edited by support)');
    await Promise.all([form.close(), page.close()]);
  });
});
