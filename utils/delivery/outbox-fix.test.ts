import { describe, expect, it } from 'vitest';
import { TicketSchema } from '../contract/schemas';
import { applyFix } from './outbox-fix';
import type { OutboxRecord } from './outbox';
import { sampleTicket } from '../../tests/fixtures/sample-ticket';

function refused(): OutboxRecord {
  const ticket = TicketSchema.parse(
    sampleTicket({
      screenshots: [
        { index: 0, source: 'visible', type: 'image/jpeg', width: 1280, height: 800, bytes: 3, edited: false },
        { index: 1, source: 'attachment', type: 'image/png', width: 10, height: 10, bytes: 2, edited: false },
      ],
    }),
  );
  return {
    key: ticket.idempotencyKey,
    ticket: { ...ticket, email: 'marie@' },
    screenshots: [new Blob(['abc']), new Blob(['de'])],
    state: 'attention',
    attempts: 1,
    nextAttemptAt: 0,
    lastError: {
      code: 'validation_failed',
      status: 400,
      message: 'Invalid ticket',
      issues: [{ path: 'ticket.email', message: 'Invalid email' }],
    },
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('applyFix', () => {
  it('queues the corrected ticket again under the same key, with the kept screenshots renumbered', () => {
    const record = refused();
    const result = applyFix(record, { email: ' marie@example.com ', description: 'Fixed', keepScreenshots: [1] }, 1234);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toMatchObject({ key: record.key, state: 'queued', nextAttemptAt: 1234, lastError: undefined, attempts: 1 });
    expect(result.record.ticket.idempotencyKey).toBe(record.key);
    expect(result.record.ticket.email).toBe('marie@example.com');
    expect(result.record.ticket.screenshots).toEqual([{ ...record.ticket.screenshots[1], index: 0 }]);
    expect(result.record.screenshots).toEqual([record.screenshots[1]]);
  });

  it('refuses a correction the contract refuses, naming the field, and changes nothing', () => {
    const record = refused();
    const result = applyFix(record, { email: 'still-wrong', description: '', keepScreenshots: [0, 1] }, 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['description', 'email']);
    expect(record.state).toBe('attention');
  });
});
