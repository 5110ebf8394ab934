import { describe, expect, it } from 'vitest';
import { assessCompleteness, isErrorEntry, looksLikeLink, quotesAnError, type CompletenessInput, type Detail } from './completeness';
import type { DiagnosticEntry } from '../contract/schemas';

const consoleError: DiagnosticEntry = {
  kind: 'console',
  level: 'error',
  message: 'Impossible de charger les participants',
  t: 1,
  count: 1,
};
const consoleWarn: DiagnosticEntry = { kind: 'console', level: 'warn', message: 'rate limit at 80%', t: 2, count: 1 };

function input(
  overrides: Omit<Partial<CompletenessInput>, 'form'> & { form?: Partial<CompletenessInput['form']> } = {},
): CompletenessInput {
  return {
    category: 'bug',
    context: {},
    screenshotCount: 0,
    entries: [],
    environment: 'read',
    ...overrides,
    form: { email: '', description: '', drawLink: '', pageOrUsername: '', ...overrides.form },
  };
}

const stateOf = (result: ReturnType<typeof assessCompleteness>, detail: Detail) =>
  result.items.find((item) => item.detail === detail)?.state;

describe('assessCompleteness', () => {
  it('ticks everything a demo draw page gives, once the customer described what happened', () => {
    const page = {
      context: { url: 'https://osortoo.com/giveaways/8f3k2', platform: 'instagram' as const, pageOrUsername: '@boutique.marie' },
      form: { email: 'marie@example.com' },
      screenshotCount: 1,
      entries: [consoleError],
    };
    // Before a word is typed, support does not have everything: what happened is missing and required.
    const before = assessCompleteness(input(page));
    expect(before.missing).toEqual(['description']);
    expect(before.requiredMissing).toEqual(['description']);
    expect(before.done).toBe(6);
    expect(before.expected).toBe(7);
    const result = assessCompleteness(input({ ...page, form: { ...page.form, description: 'Le tirage plante.' } }));
    expect(result.missing).toEqual([]);
    expect(result.requiredMissing).toEqual([]);
    expect(result.done).toBe(7);
    expect(result.expected).toBe(7);
  });

  it('counts the e-mail as required: an empty one blocks, for every category', () => {
    for (const category of ['api_error', 'permissions', 'billing', 'bug', 'multi_platform', 'other'] as const) {
      const result = assessCompleteness(input({ category, form: { description: 'x' } }));
      expect(result.requiredMissing).toEqual(['accountEmail']);
      expect(stateOf(result, 'accountEmail')).toBe('missing');
    }
  });

  it('names what an empty general ticket lacks, in the article order, browser and device always known', () => {
    const result = assessCompleteness(input());
    expect(result.missing).toEqual(['description', 'accountEmail', 'drawLink', 'pageOrUsername', 'screenshots', 'errorMessages']);
    expect(result.requiredMissing).toEqual(['description', 'accountEmail']);
    expect(stateOf(result, 'browserDevice')).toBe('done');
    expect(result.done).toBe(1);
  });

  it('does not tick the browser and device while the customer has not allowed them (Firefox)', () => {
    const withheld = assessCompleteness(input({ environment: 'withheld' }));
    expect(withheld.items.find((item) => item.detail === 'browserDevice')).toEqual({
      detail: 'browserDevice',
      state: 'missing',
      withheld: true,
    });
    expect(withheld.missing).toContain('browserDevice');
    const unreadable = assessCompleteness(input({ environment: 'unreadable' }));
    expect(unreadable.items.find((item) => item.detail === 'browserDevice')).toEqual({ detail: 'browserDevice', state: 'missing' });
  });

  it('takes what the customer typed when the page did not say it', () => {
    const result = assessCompleteness(
      input({
        form: {
          email: 'a@b.co',
          drawLink: 'https://osortoo.com/giveaways/abc/results',
          pageOrUsername: 'boutique.marie',
          description: 'It says "Permission denied for this Page"',
        },
        screenshotCount: 2,
      }),
    );
    expect(result.missing).toEqual([]);
  });

  it('does not count a warning as an exact error message, but counts a failed request', () => {
    expect(stateOf(assessCompleteness(input({ entries: [consoleWarn] })), 'errorMessages')).toBe('missing');
    const failed: DiagnosticEntry = {
      kind: 'network',
      api: 'fetch',
      method: 'GET',
      url: 'https://x.test/api',
      status: 403,
      durationMs: 12,
      message: 'GET 403',
      t: 3,
      count: 1,
    };
    expect(stateOf(assessCompleteness(input({ entries: [failed] })), 'errorMessages')).toBe('done');
  });

  it('follows the platform for the Page/username item', () => {
    for (const platform of ['facebook', 'instagram', 'youtube', 'multi'] as const) {
      const item = assessCompleteness(input({ context: { platform } })).items.find((i) => i.detail === 'pageOrUsername');
      expect(item).toEqual({ detail: 'pageOrUsername', state: 'missing', accountKind: platform });
    }
    expect(assessCompleteness(input()).items.find((i) => i.detail === 'pageOrUsername')?.accountKind).toBe('unknown');
  });

  it('does not nudge for a draw link or Page on a billing question, nor for an error message on a question', () => {
    const billing = assessCompleteness(
      input({ category: 'billing', form: { email: 'a@b.co', description: 'Facture' }, screenshotCount: 1 }),
    );
    expect(stateOf(billing, 'drawLink')).toBe('optional');
    expect(stateOf(billing, 'pageOrUsername')).toBe('optional');
    expect(stateOf(billing, 'errorMessages')).toBe('optional');
    expect(billing.missing).toEqual([]);
    // Description, e-mail, screenshot (present, so counted) and browser: nothing about a draw.
    expect(billing.expected).toBe(4);
    expect(stateOf(assessCompleteness(input({ category: 'billing' })), 'screenshots')).toBe('optional');
    const question = assessCompleteness(input({ category: 'other' }));
    expect(stateOf(question, 'errorMessages')).toBe('optional');
    expect(stateOf(question, 'drawLink')).toBe('missing');
    // An optional item that is present still counts as done.
    expect(stateOf(assessCompleteness(input({ category: 'billing', context: { url: 'https://osortoo.com/g/1' } })), 'drawLink')).toBe(
      'done',
    );
  });

  it('rejects an e-mail without a domain and a draw link that is not a link', () => {
    const result = assessCompleteness(input({ form: { email: 'marie@', drawLink: 'mon concours de noël' } }));
    expect(stateOf(result, 'accountEmail')).toBe('missing');
    expect(stateOf(result, 'drawLink')).toBe('missing');
  });
});

describe('error evidence in the description', () => {
  it('recognises quoted messages, error codes and HTTP statuses in both languages', () => {
    expect(quotesAnError('Le message « Autorisation refusée par Instagram » apparaît')).toBe(true);
    expect(quotesAnError('I get “Something went wrong” each time')).toBe(true);
    expect(quotesAnError('Erreur : délai dépassé')).toBe(true);
    expect(quotesAnError('the API answers HTTP 403')).toBe(true);
    expect(quotesAnError('IG_PERMISSION_MISSING shows up')).toBe(true);
  });

  it('does not take ordinary text or numbers for an error message', () => {
    expect(quotesAnError('I have 450 participants and the draw does not start')).toBe(false);
    expect(quotesAnError('my_page name is wrong')).toBe(false);
    expect(quotesAnError("It's broken")).toBe(false);
  });
});

describe('helpers', () => {
  it('classifies entries', () => {
    expect(isErrorEntry(consoleError)).toBe(true);
    expect(isErrorEntry(consoleWarn)).toBe(false);
    expect(isErrorEntry({ kind: 'resource', tag: 'img', url: 'https://x.test/a.png', message: 'img', t: 0, count: 1 })).toBe(false);
    expect(isErrorEntry({ kind: 'rejection', message: 'boom', t: 0, count: 1 })).toBe(true);
  });

  it('recognises links', () => {
    expect(looksLikeLink(' https://osortoo.com/giveaways/8f3k2/results ')).toBe(true);
    expect(looksLikeLink('http://127.0.0.1:5173/giveaways/8f3k2/results')).toBe(true);
    expect(looksLikeLink('osortoo giveaway')).toBe(false);
  });
});
