import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../utils/delivery/outbox';
import { sampleOutboxRecord } from '../../tests/fixtures/sample-outbox-record';
import { OutboxListView } from './outbox-list';

const base: OutboxRecord = sampleOutboxRecord();

describe('OutboxListView', () => {
  it('lists undelivered tickets only, and nothing when all are sent', () => {
    const sent: OutboxRecord = { ...base, key: 'k-sent', state: 'sent' };
    const waiting: OutboxRecord = { ...base, key: 'k-wait', attempts: 1, lastError: { code: 'timeout' } };
    const html = renderToStaticMarkup(createElement(OutboxListView, { records: [sent, waiting], locale: 'en' }));
    expect(html).toContain('data-ticket-key="k-wait"');
    expect(html).not.toContain('data-ticket-key="k-sent"');
    expect(html).toContain('Le tirage ne charge pas les commentaires Instagram.');
    expect(renderToStaticMarkup(createElement(OutboxListView, { records: [sent], locale: 'en' }))).toBe('');
  });
});
