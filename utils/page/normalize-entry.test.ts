import { describe, expect, it } from 'vitest';
import { normalizeEntry } from './normalize-entry';
import { BODY_EXCERPT_CHARS } from './hook/protocol';
import { DiagnosticEntrySchema } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { rawTextBound } from '../extension/messaging';
import { scrubEntryTexts } from '../diagnosis/scrub-page-answers';

const BASE = 'https://app.osortoo.com/giveaways/8f3k2/results';

describe("normalizeEntry: the hook's raw facts become contract entries", () => {
  it("keeps the hook's excerpt length in step with the contract", () => {
    expect(BODY_EXCERPT_CHARS).toBe(rawTextBound(LIMITS.bodyExcerptBytes));
  });

  it('writes the messages the hook leaves empty, rounds times, absolutises URLs and leaves scrubbing to the worker', () => {
    const network = normalizeEntry(
      {
        kind: 'network',
        api: 'xhr',
        t: 12.6,
        count: 1,
        message: '',
        method: 'post',
        url: '/api/x?access_token=abcdefgh12345',
        status: 500,
        durationMs: 33.4,
        body: '{"error":"E"}',
      },
      BASE,
    );
    expect(network).toEqual({
      kind: 'network',
      api: 'xhr',
      t: 13,
      count: 1,
      message: 'POST 500',
      method: 'POST',
      // Raw: the worker scrubs (utils/diagnosis/scrub-page-answers.ts), not the customer's tab.
      url: 'https://app.osortoo.com/api/x?access_token=abcdefgh12345',
      status: 500,
      durationMs: 33,
      body: '{"error":"E"}',
    });
    expect(
      normalizeEntry(
        {
          kind: 'network',
          api: 'fetch',
          t: 1,
          count: 1,
          message: 'TypeError: Failed to fetch',
          method: 'GET',
          url: 'https://x.test/',
          status: 0,
          durationMs: 1,
        },
        BASE,
      )?.message,
    ).toBe('GET failed: TypeError: Failed to fetch');
    expect(normalizeEntry({ kind: 'resource', t: 1, count: 1, message: '', tag: 'IMG', url: '/a.png' }, BASE)).toMatchObject({
      tag: 'img',
      url: 'https://app.osortoo.com/a.png',
      message: 'Failed to load img',
    });
    expect(normalizeEntry({ kind: 'csp', t: 1, count: 1, message: '', directive: 'img-src', blockedUrl: 'inline' }, BASE)?.message).toBe(
      'CSP blocked inline (img-src)',
    );
    // Frames: on the top page's timeline, with the frame's URL (raw, like every text here).
    expect(
      normalizeEntry(
        { kind: 'console', level: 'error', t: 5, count: 2, lastT: 9, message: 'x' },
        BASE,
        100,
        'https://app.osortoo.com/w?token=secretsecret',
      ),
    ).toMatchObject({ t: 105, lastT: 109, frame: 'https://app.osortoo.com/w?token=secretsecret' });
  });

  it('bounds and repairs forged entries so that, once the worker scrubs them, they validate; drops what is not an entry', () => {
    const huge = 'y'.repeat(100_000);
    for (const raw of [
      null,
      1,
      'x',
      [],
      { kind: 'evil', t: 1 },
      { kind: 'console', t: -1 },
      { kind: 'console' },
      { kind: 'console', t: Number.NaN },
    ]) {
      expect(normalizeEntry(raw, BASE)).toBeUndefined();
    }
    const forged = [
      { kind: 'console', t: 1, count: 1e30, level: 'fatal', message: huge, stack: huge },
      { kind: 'uncaught', t: 1, count: -1, message: huge, source: huge, line: -3, column: 'x', stack: 42 },
      { kind: 'network', t: 1, count: 1, method: 'X'.repeat(99), url: huge, status: 12345, durationMs: -5, body: huge, api: 'ws' },
      { kind: 'resource', t: 1, count: 1, tag: huge, url: 7 },
      { kind: 'csp', t: 1, count: 1, directive: huge, blockedUrl: huge },
      { kind: 'rejection', t: 1, count: 1, message: { toString: () => 'x' } },
    ];
    for (const raw of forged) {
      const entry = normalizeEntry(raw, BASE)!;
      for (const value of Object.values(entry))
        if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(rawTextBound(LIMITS.stackChars));
      const scrubbed = scrubEntryTexts(entry);
      expect(DiagnosticEntrySchema.safeParse(scrubbed).success, JSON.stringify(scrubbed).slice(0, 200)).toBe(true);
    }
    // Text with words is cut at its raw bound, before the word the cut falls in.
    const words = 'mot '.repeat(2000);
    const cut = normalizeEntry({ kind: 'console', t: 1, count: 1, message: words }, BASE)!.message as string;
    expect(cut.length).toBeLessThanOrEqual(rawTextBound(LIMITS.messageChars));
    expect(cut).toMatch(/^(mot )+mot…$/);
  });
});

describe('normalizeEntry: messages shown to the customer', () => {
  it('keeps an alert word for word (the worker scrubs it), and drops an empty or forged one', () => {
    const alert = normalizeEntry(
      { kind: 'shown', via: 'alert', t: 3.2, count: 1, message: 'Erreur : impossible de récupérer les commentaires (#190)' },
      BASE,
    );
    expect(alert).toEqual({
      kind: 'shown',
      via: 'alert',
      t: 3,
      count: 1,
      message: 'Erreur : impossible de récupérer les commentaires (#190)',
    });
    expect(DiagnosticEntrySchema.safeParse(alert).success).toBe(true);
    const secret = normalizeEntry(
      { kind: 'shown', via: 'page', t: 1, count: 1, message: 'Token expired: access_token=EAABsbCS1iHgBAKZC12345' },
      BASE,
    );
    expect(secret?.message).toBe('Token expired: access_token=EAABsbCS1iHgBAKZC12345');
    expect(scrubEntryTexts(secret)?.message).toBe('Token expired: access_token=[removed: access_token]');
    expect(normalizeEntry({ kind: 'shown', via: 'evil', t: 1, count: 1, message: 'x' }, BASE)?.via).toBe('alert');
    expect(normalizeEntry({ kind: 'shown', via: 'alert', t: 1, count: 1, message: '  ' }, BASE)).toBeUndefined();
  });
});
