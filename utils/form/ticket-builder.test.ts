import { describe, expect, it } from 'vitest';
import { buildTicket, contextWithTyped, withoutLeftOut, type TicketDraft } from './ticket-builder';
import type { Diagnostics } from '../contract/schemas';
import { SAMPLE_ENVIRONMENT } from '../../tests/fixtures/sample-environment';

const environment = SAMPLE_ENVIRONMENT;
const diagnostics: Diagnostics = {
  entries: [
    { kind: 'console', level: 'error', message: 'first', t: 1, count: 1 },
    { kind: 'console', level: 'error', message: 'private second', t: 2, count: 1 },
    { kind: 'rejection', message: 'third', t: 3, count: 2 },
  ],
  dropped: 4,
  leftOut: 0,
};
const draft = (extra: Partial<TicketDraft> = {}): TicketDraft => ({
  category: 'bug',
  description: 'Le tirage ne démarre pas',
  email: ' marie@example.com ',
  context: { onOsortooPage: false },
  environment,
  diagnostics,
  screenshots: [],
  ...extra,
});
const options = { idempotencyKey: '0b7c6f8e-4a57-4c1e-9a55-6f3a3b0f2d11', now: new Date('2026-03-02T15:00:00Z'), locale: 'fr' as const };

describe('buildTicket', () => {
  it('removes the left-out entries and counts them, keeping the others in order', () => {
    const result = buildTicket(draft({ leftOut: new Set([1]) }), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ticket.diagnostics.entries.map((e) => e.message)).toEqual(['first', 'third']);
    expect(result.ticket.diagnostics.leftOut).toBe(1);
    expect(result.ticket.diagnostics.dropped).toBe(4);
    expect(JSON.stringify(result.ticket)).not.toContain('private second');
    expect(result.ticket.email).toBe('marie@example.com');
  });

  it('puts the typed draw link and username into the context of a general ticket', () => {
    const result = buildTicket(
      draft({
        typed: { drawLink: ' https://osortoo.com/giveaways/8f3k2/results?utm_source=mail#top ', pageOrUsername: ' @boutique.marie ' },
      }),
      options,
    );
    expect(result.ok && result.ticket.context).toEqual({
      onOsortooPage: false,
      url: 'https://osortoo.com/giveaways/8f3k2/results',
      pageOrUsername: '@boutique.marie',
    });
  });

  it('reports the fields the contract refuses', () => {
    const result = buildTicket(draft({ description: '  ', email: 'marie@' }), options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['description', 'email']);
  });
});

describe('withoutLeftOut / contextWithTyped', () => {
  it('leaves diagnostics untouched when nothing is left out, and adds to an earlier count', () => {
    expect(withoutLeftOut(diagnostics, new Set())).toBe(diagnostics);
    expect(withoutLeftOut({ ...diagnostics, leftOut: 2 }, new Set([0, 2])).leftOut).toBe(4);
  });

  it('keeps what the page said over what was typed, and ignores a link that is not one', () => {
    const page = { onOsortooPage: true, url: 'https://osortoo.com/giveaways/a', pageOrUsername: '@page' };
    expect(contextWithTyped(page, { drawLink: 'https://osortoo.com/giveaways/b', pageOrUsername: '@typed' })).toEqual(page);
    expect(contextWithTyped({ onOsortooPage: false }, { drawLink: 'mon tirage', pageOrUsername: '' })).toEqual({ onOsortooPage: false });
  });
});
