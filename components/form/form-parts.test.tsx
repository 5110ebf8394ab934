import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { assessCompleteness } from '../../utils/form/completeness';
import { buildTicket } from '../../utils/form/ticket-builder';
import type { DiagnosticEntry } from '../../utils/contract/schemas';
import { CompletenessChecklist } from './completeness-checklist';
import { TicketReview } from './ticket-review';
import { entryText } from './entry-text';
import { SAMPLE_ENVIRONMENT } from '../../tests/fixtures/sample-environment';

const plain = (html: string) =>
  html
    .replace(/\u00a0|\u202f/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

const environment = SAMPLE_ENVIRONMENT;
const entries: DiagnosticEntry[] = [
  { kind: 'console', level: 'error', message: 'Impossible de charger les participants', t: 1, count: 2 },
  {
    kind: 'network',
    api: 'fetch',
    method: 'GET',
    url: 'https://osortoo.com/api/comments',
    status: 403,
    durationMs: 30,
    message: 'GET 403',
    t: 2,
    count: 1,
    body: '{"error":"IG_PERMISSION_MISSING"}',
  },
];

describe('CompletenessChecklist', () => {
  it('ticks what is there, names what is missing with its hint, and says which is which to screen readers (fr)', () => {
    const completeness = assessCompleteness({
      category: 'permissions',
      context: { url: 'https://osortoo.com/giveaways/8f3k2', platform: 'instagram' },
      form: { email: 'marie@example.com', description: '', drawLink: '', pageOrUsername: '' },
      screenshotCount: 1,
      entries,
      environment: 'read',
    });
    const html = plain(renderToStaticMarkup(createElement(CompletenessChecklist, { completeness, locale: 'fr' })));
    // The description is empty: counted, required, and the line says so instead of "you can send".
    expect(html).toContain('5 détails fournis sur 7');
    expect(html).toContain('Avant d’envoyer : décrivez ce qui s’est passé.');
    expect(html).not.toContain('Vous pouvez envoyer');
    expect(html).toMatch(/data-testid="checklist-description"[^>]*>.*Ce qui s’est passé \(obligatoire\)/);
    expect(html).toMatch(
      /data-testid="checklist-pageOrUsername"[^>]*>.*Nom d’utilisateur Instagram<span class="visually-hidden">: manquant<\/span>.*Ajoutez le nom d’utilisateur Instagram du concours\./,
    );
    expect(html).toMatch(/data-testid="checklist-drawLink"[^>]*data-state="done"|data-state="done"[^>]*data-testid="checklist-drawLink"/);
    // A ticked item carries no hint.
    expect(html).not.toContain('Collez le lien du tirage');
  });
});

describe('TicketReview', () => {
  const built = buildTicket(
    {
      category: 'bug',
      description: 'Le tirage plante',
      email: 'marie@example.com',
      context: {
        onOsortooPage: true,
        url: 'https://osortoo.com/giveaways/8f3k2',
        platform: 'instagram',
        pageOrUsername: '@boutique.marie',
      },
      environment,
      diagnostics: { entries, dropped: 3, leftOut: 0 },
      screenshots: [],
      leftOut: new Set([1]),
    },
    { idempotencyKey: '0b7c6f8e-4a57-4c1e-9a55-6f3a3b0f2d11', now: new Date('2026-03-02T15:00:00Z'), locale: 'en' },
  );
  if (!built.ok) throw new Error('sample ticket does not build');

  it('shows every field, one plain sentence, each entry folded with a switch named after it, the left-out one off (en)', () => {
    const html = plain(
      renderToStaticMarkup(
        createElement(TicketReview, {
          ticket: built.ticket,
          entries: entries.map((entry, index) => ({ entry, included: index !== 1 })),
          onToggle: () => {},
          blobs: [],
          locale: 'en',
          sending: false,
          onBack: () => {},
          onSend: () => {},
        }),
      ),
    );
    for (const text of [
      'Check what will be sent',
      'Something does not work in Osortoo',
      'marie@example.com',
      'Le tirage plante',
      'https://osortoo.com/giveaways/8f3k2',
      'Instagram username',
      '@boutique.marie',
      'Chrome 140',
    ])
      expect(html).toContain(text);
    expect(html).toContain('1 entry of 2 will be sent');
    expect(html).toContain('1 entry left out');
    expect(html).toContain('3 older occurrences were not kept by the page');
    expect(html).toContain('No screenshot will be sent.');
    const boxes = [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)].map((m) => m[0]);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toContain('checked');
    expect(boxes[1]).not.toContain('checked');
    // Each switch is labelled by its own entry's text, inside the "Technical details" fold.
    expect(html).toMatch(/<details class="review__details"><summary>Technical details \(2 entries\)<\/summary>/);
    expect(html).not.toContain('>Include<');
    expect(html).toContain(entryText(entries[1]!));
    // On top, in plain words, what will be sent (the left-out 403 is not in it).
    expect(html).toContain('data-testid="review-summary">The page reported 1 problem.</p>');
  });

  it('writes entries the way support reads them', () => {
    expect(entryText(entries[0]!)).toBe('console.error: Impossible de charger les participants ×2');
    expect(entryText(entries[1]!)).toBe('fetch GET https://osortoo.com/api/comments → 403 — {"error":"IG_PERMISSION_MISSING"}');
  });
});
