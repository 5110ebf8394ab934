import { describe, expect, it } from 'vitest';
import { latePageAnswers, validateDiagnostics, validatePageAnswers } from './page-answers';
import { DiagnosticsSchema } from '../contract/schemas';
import { NO_PAGE } from '../extension/messaging';
import { LIMITS } from '../contract/limits';

const context = {
  onOsortooPage: true,
  url: 'https://app.osortoo.com/giveaways/8f3k2/results',
  drawId: '8f3k2',
  platform: 'instagram',
  pageOrUsername: 'boulangerie.marie',
};
const page = { viewport: { width: 1280, height: 800 }, screen: { width: 1920, height: 1080 }, devicePixelRatio: 2, online: true };
const entry = { kind: 'console', level: 'error', t: 12, count: 3, message: 'IG_PERMISSION_MISSING' };

describe('validatePageAnswers: page data entering the worker', () => {
  it('keeps a well-formed Osortoo snapshot as it is', () => {
    expect(validatePageAnswers({ url: context.url, title: 'x', context, diagnostics: { entries: [entry], dropped: 4 }, page })).toEqual({
      onOsortooPage: true,
      context,
      diagnostics: { entries: [entry], dropped: 4, leftOut: 0 },
      page,
    });
  });

  it('treats a tab that did not answer as a general ticket', () => {
    for (const nothing of [undefined, null, 'snapshot', 42]) expect(validatePageAnswers(nothing)).toEqual(NO_PAGE);
  });

  it('keeps no diagnostics from a page the rules do not recognise, or whose context is forged', () => {
    const elsewhere = validatePageAnswers({ context: { onOsortooPage: false }, diagnostics: { entries: [entry], dropped: 0 }, page });
    expect(elsewhere).toEqual({ ...NO_PAGE, page });
    const forged = validatePageAnswers({
      context: { ...context, platform: 'myspace', accountEmail: 'x'.repeat(10_000) },
      diagnostics: { entries: [entry], dropped: 0 },
      page,
    });
    expect(forged.onOsortooPage).toBe(false);
    expect(forged.diagnostics.entries).toEqual([]);
  });

  it('turns forged page measurements into harmless numbers', () => {
    const answers = validatePageAnswers({
      context,
      diagnostics: {},
      page: { viewport: { width: '1e9', height: -4 }, screen: null, devicePixelRatio: Number.NaN, online: 'no' },
    });
    expect(answers.page).toEqual({ viewport: { width: 0, height: 0 }, screen: { width: 0, height: 0 }, devicePixelRatio: 1, online: true });
    expect(validatePageAnswers({ context, diagnostics: {}, page: 'big' }).page).toBeUndefined();
  });
});

describe('latePageAnswers: a page that did not answer in time', () => {
  it('says in the diagnostics that the page snapshot is missing, in a form the contract accepts', () => {
    const late = latePageAnswers();
    expect(late).toMatchObject({ onOsortooPage: false, diagnostics: { entries: [], missing: ['page-snapshot'] } });
    expect(DiagnosticsSchema.parse(late.diagnostics).missing).toEqual(['page-snapshot']);
    // Unlike a tab that never answered, which has nothing missing to report.
    expect(validatePageAnswers(undefined).diagnostics.missing).toBeUndefined();
  });

  it('cannot be forged by a page: a snapshot claiming something missing is read without the claim', () => {
    const forged = validatePageAnswers({ context, page, diagnostics: { entries: [entry], dropped: 0, missing: ['page-snapshot'] } });
    expect(forged.diagnostics).toEqual({ entries: [entry], dropped: 0, leftOut: 0 });
  });
});

describe('validateDiagnostics', () => {
  it('drops what does not match the contract and counts it as dropped', () => {
    const list = [entry, { kind: 'evil', t: 1 }, { ...entry, t: -5 }, 'text', null];
    expect(validateDiagnostics({ entries: list, dropped: 2 })).toEqual({ entries: [entry], dropped: 2 + 4, leftOut: 0 });
  });

  it('bounds the entries and ignores a forged drop count', () => {
    const many = Array.from({ length: LIMITS.entries + 50 }, (_, i) => ({ ...entry, t: i }));
    const result = validateDiagnostics({ entries: many, dropped: -7 });
    expect(result.entries).toHaveLength(LIMITS.entries);
    expect(result.dropped).toBe(50);
    expect(validateDiagnostics({ entries: 'x', dropped: 1.5 })).toEqual({ entries: [], dropped: 0, leftOut: 0 });
  });
});
