/**
 * The deadline scheduler, over real HTTP with an injected clock: each deadline event emitted once
 * per ticket to a real webhook receiver, never for an answered ticket (the rule: server/deadline.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postParts, startTestApi, supportAuth, ticketFor, ticketParts } from '../test-support';
import { startHandoff, type RunningHandoff } from './handoff';
import { startReceiver, TEST_WEBHOOK_SECRET, waitFor, type TestReceiver } from './test-receivers';

const H = 3600_000;

describe('deadline events', { timeout: 30_000 }, () => {
  let clock = new Date('2026-11-24T15:00:00Z').getTime(); // Tuesday 10:00 in Toronto: support is open.
  const now = () => new Date(clock);
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let handoff: RunningHandoff;
  let receiver: TestReceiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({ now });
    handoff = startHandoff({
      api,
      dataDir: api.dataDir,
      now,
      settings: { webhooks: { urls: [receiver.url], secret: TEST_WEBHOOK_SECRET } },
      backoff: { delaysMs: [20], jitter: 0 },
      pollMs: 20,
      // The test calls checkDeadlines itself, at the instants it chooses.
      deadlineEveryMs: 3_600_000,
      log: () => {},
    });
  }, 30_000);
  afterAll(async () => {
    await handoff?.close();
    await api?.close();
    await receiver?.close();
  });

  async function post(description: string): Promise<{ id: string; promise: { latestReplyAt: string } }> {
    const res = await postParts(api.url, ticketParts(ticketFor([], { description }), []));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; promise: { latestReplyAt: string } };
  }
  const types = (id: string) => receiver.requests.filter((r) => r.payload?.data.id === id).map((r) => r.payload!.type);

  it('emits at-risk then overdue once each for a waiting ticket, and nothing for an answered one', async () => {
    const waiting = await post('En attente de réponse');
    const answered = await post('Déjà répondu');
    const patch = await fetch(`${api.url}/v1/tickets/${answered.id}`, {
      method: 'PATCH',
      headers: { ...supportAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'answered' }),
    });
    expect(patch.status).toBe(200);
    await waitFor('the created and status events', () => receiver.deliveredIds().length === 3);
    const due = Date.parse(waiting.promise.latestReplyAt);

    expect(handoff.checkDeadlines()).toBe(0);
    clock = due - 30 * 60_000;
    expect(handoff.checkDeadlines()).toBe(1);
    expect(handoff.checkDeadlines()).toBe(0);
    await waitFor('at risk', () => types(waiting.id).includes('ticket.deadline_at_risk'));
    const atRisk = receiver.requests.find((r) => r.payload?.type === 'ticket.deadline_at_risk')!.payload!.data;
    expect(atRisk).toMatchObject({ deadline: { latestReplyAt: waiting.promise.latestReplyAt, minutesLeft: 30 } });

    clock = due + 60_000;
    expect(handoff.checkDeadlines()).toBe(1);
    clock = due + 3 * H;
    expect(handoff.checkDeadlines()).toBe(0);
    await waitFor('overdue', () => types(waiting.id).includes('ticket.deadline_overdue'));
    expect(types(waiting.id)).toEqual(['ticket.created', 'ticket.deadline_at_risk', 'ticket.deadline_overdue']);
    expect(types(answered.id)).toEqual(['ticket.created', 'ticket.status_changed']);
  });
});
