import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../utils/delivery/outbox';
import { sampleOutboxRecord } from '../../tests/fixtures/sample-outbox-record';
import { DeliveryStatusView } from './delivery-status';

const base: OutboxRecord = sampleOutboxRecord();
const view = (record: OutboxRecord | undefined, locale: 'fr' | 'en' = 'en', loaded = true) =>
  renderToStaticMarkup(createElement(DeliveryStatusView, { record, loaded, locale, onRetry: () => {}, onDiscard: () => {} }));

describe('DeliveryStatusView', () => {
  it('announces sending with its stage and a stage progress bar', () => {
    const html = view({ ...base, state: 'sending', stage: 'uploading' });
    expect(html).toContain('role="status" aria-live="polite"');
    expect(html).toContain('Sending your ticket (82\u00a0KB)…');
    expect(html).toMatch(/<progress max="3" value="2"/);
    expect(html).not.toContain('Discard');
  });

  it('says a waiting ticket is not sent yet, will go by itself, why it waits, what to do, with try now / discard (fr)', () => {
    const html = view({ ...base, attempts: 2, lastError: { code: 'network' } }, 'fr');
    expect(html).toContain('Pas encore envoyée : le support n’a pas cette demande.');
    expect(html).toContain('Elle partira automatiquement ; vous pouvez fermer cette fenêtre.');
    expect(html).toContain('Ce que vous pouvez faire : vérifiez votre connexion Internet');
    expect(html).toContain('Le support est injoignable');
    expect(html).toContain('Essayer maintenant');
    expect(html).toContain('Abandonner');
    expect(html).not.toContain('<progress');
  });

  it('stays "not sent yet" while the worker tries again, without flickering to "sending"', () => {
    const html = view({ ...base, state: 'sending', stage: 'uploading', attempts: 3, lastError: { code: 'network' } });
    expect(html).toContain('Not sent yet: support does not have this ticket.');
    expect(html).toContain('Trying again now…');
    expect(html).not.toContain('<progress');
  });

  it('names the reference once when sent', () => {
    const html = view({
      ...base,
      state: 'sent',
      result: { id: 't1', reference: 'OSO-7K3Q2', accessToken: 'x'.repeat(20), receivedAt: '2026-11-24T14:05:00.000Z' },
    });
    expect(html).toContain('Sent to support. Reference: OSO-7K3Q2.');
    expect(html.split('OSO-7K3Q2')).toHaveLength(2);
  });

  it('explains what needs attention in the customer’s words, the server’s message only as detail', () => {
    const html = view({
      ...base,
      state: 'attention',
      attempts: 1,
      lastError: {
        code: 'validation_failed',
        status: 400,
        message: 'Invalid ticket',
        issues: [{ path: 'ticket.email', message: 'Invalid email' }],
      },
    });
    expect(html).toContain('This ticket needs your attention');
    expect(html).toContain('<li>The e-mail address is not valid.</li>');
    expect(html).toContain('<summary>Technical details</summary>');
    expect(html).toContain('Discard');
  });

  it('tells apart "not read yet" (sending) from "no longer in the outbox" (discarded)', () => {
    expect(view(undefined, 'en', false)).toContain('Preparing your ticket…');
    expect(view(undefined, 'en', true)).toContain('This ticket was discarded.');
  });
});
