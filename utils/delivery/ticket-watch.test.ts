import { describe, expect, it } from 'vitest';
import type { TicketPublic } from '../contract/schemas';
import { sampleOutboxRecord } from '../../tests/fixtures/sample-outbox-record';
import type { OutboxRecord } from './outbox';
import { applyOutcomes, dueTickets, maskEmail, unseenCount, type WatchState } from './ticket-watch';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const sent = (key: string, createdAt = NOW - 60_000): OutboxRecord => ({
  ...sampleOutboxRecord(),
  key,
  state: 'sent',
  createdAt,
  result: { id: `id-${key}`, reference: 'OSO-7K3Q2', accessToken: 'x'.repeat(20), receivedAt: new Date(createdAt).toISOString() },
});
const publicTicket = (status: TicketPublic['status']): TicketPublic => ({
  id: 'id',
  reference: 'OSO-7K3Q2',
  status,
  category: 'bug',
  receivedAt: new Date(NOW).toISOString(),
  updatedAt: new Date(NOW).toISOString(),
});

describe('ticket watch', () => {
  it('reads delivered, open, recent tickets only, and quiet ones less and less often', () => {
    const records = [sent('a'), sent('b'), sent('s'), sent('old', NOW - 40 * 24 * 3_600_000), { ...sent('q'), state: 'queued' as const }];
    const state: WatchState = {
      b: { status: 'closed', checkedAt: NOW - 10 * 60_000, unchanged: 0, unseen: false },
      s: { status: 'spam', checkedAt: NOW - 10 * 60_000, unchanged: 0, unseen: false },
    };
    expect(dueTickets(records, state, NOW, 1000).map((r) => r.key)).toEqual(['a']);
    const quiet: WatchState = { a: { status: 'received', checkedAt: NOW - 2500, unchanged: 2, unseen: false } };
    expect(dueTickets([sent('a')], quiet, NOW, 1000)).toEqual([]);
    expect(dueTickets([sent('a')], quiet, NOW + 1500, 1000)).toHaveLength(1);
  });

  it('counts a change once until seen; a first "received" is no change; a failed read changes nothing', () => {
    let state = applyOutcomes({}, [['a', { ok: true, ticket: publicTicket('received') }]], NOW);
    expect(unseenCount(state)).toBe(0);
    state = applyOutcomes(state, [['a', { ok: true, ticket: publicTicket('answered') }]], NOW + 1);
    expect(state.a).toMatchObject({ status: 'answered', unseen: true, unchanged: 0 });
    state = applyOutcomes(state, [['a', { ok: false, reason: 'network' }]], NOW + 2);
    state = applyOutcomes(state, [['a', { ok: true, ticket: publicTicket('answered') }]], NOW + 3);
    expect(state.a).toMatchObject({ unseen: true, unchanged: 1 });
    expect(unseenCount(applyOutcomes({}, [['b', { ok: true, ticket: publicTicket('answered') }]], NOW))).toBe(1);
  });

  it('masks an e-mail address to its first letter and domain', () => {
    expect(maskEmail('marie@example.com')).toBe('m***@example.com');
    expect(maskEmail('not-an-address')).toBe('not-an-address');
  });
});
