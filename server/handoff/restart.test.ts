/**
 * Durability: the API and its handoff stop while deliveries are pending (receiver and SMTP
 * server down), start again on the same data directory, and every delivery arrives exactly once,
 * with the attempts of both runs in the log.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { makePng, postParts, startTestApi, supportAuth, tempDataDir, ticketFor, ticketParts } from '../test-support';
import { startHandoff, type StartHandoffOptions } from './handoff';
import { freePort, startReceiver, startSmtp, TEST_WEBHOOK_SECRET, waitFor, type TestReceiver, type TestSmtp } from './test-receivers';

const data = tempDataDir();
let receiver: TestReceiver | undefined;
let smtp: TestSmtp | undefined;

afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
  data.remove();
});

describe('handoff across a restart', () => {
  it('resumes pending deliveries from the database: each arrives once, nothing lost, every attempt logged', {
    timeout: 30_000,
  }, async () => {
    // The receiver fails with 503 (no Retry-After) until it is "fixed"; the SMTP server is down.
    receiver = await startReceiver(TEST_WEBHOOK_SECRET, [], { status: 503 });
    const smtpPort = await freePort();
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    const handoffOptions = (api: { events: StartHandoffOptions['api']['events']; url: string }): StartHandoffOptions => ({
      api,
      dataDir: data.dir,
      now,
      settings: {
        email: {
          smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
          to: 'helpdesk@support.example.test',
          from: 'tickets@osortoo.example.test',
          locale: 'fr',
          customerAck: false,
        },
        webhooks: { urls: [receiver!.url], secret: TEST_WEBHOOK_SECRET },
      },
      // One minute before the second attempt: nothing happens on its own before the restart.
      backoff: { delaysMs: [60_000, 60_000], jitter: 0 },
      pollMs: 20,
      log: () => {},
    });

    let api = await startTestApi({ dataDir: data.dir, now });
    let handoff = startHandoff(handoffOptions(api));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const png = makePng(2, 2, [i * 40, 0, 0]);
      const files = [{ type: 'image/png' as const, bytes: png }];
      const res = await postParts(api.url, ticketParts(ticketFor(files, { description: `Ticket numéro ${i}` }), files));
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const firstRun = async () => {
      const counts = await Promise.all(
        ids.map(async (id) => {
          const res = await fetch(`${api.url}/v1/tickets/${id}/handoffs`, { headers: supportAuth });
          return ((await res.json()) as { deliveries: { attempts: unknown[] }[] }).deliveries.map((d) => d.attempts.length);
        }),
      );
      return counts.flat();
    };
    for (let i = 0; i < 600; i++) {
      const counts = await firstRun();
      if (counts.length === 6 && counts.every((n) => n === 1)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await firstRun()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(receiver.requests).toHaveLength(3);
    await handoff.close();
    await api.close();

    // Both destinations come back; the API starts again on the same data, two minutes later.
    receiver.fallback = { status: 200 };
    smtp = await startSmtp(smtpPort);
    offsetMs = 2 * 60_000;
    api = await startTestApi({ dataDir: data.dir, now });
    handoff = startHandoff(handoffOptions(api));
    try {
      await waitFor('every webhook and mail', () => receiver!.deliveredIds().length === 3 && smtp!.mails.length === 3);
      // Let a duplicate, if any, arrive before counting.
      await new Promise((r) => setTimeout(r, 200));
      const delivered = receiver.deliveredIds();
      expect(new Set(delivered).size).toBe(3);
      expect(delivered).toHaveLength(3);
      expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(3);
      expect(smtp.mails).toHaveLength(3);
      expect(new Set(smtp.mails.map((m) => m.messageId))).toEqual(new Set(ids.map((id) => `<ticket.${id}@osortoo.example.test>`)));
      for (const id of ids) {
        const res = await fetch(`${api.url}/v1/tickets/${id}/handoffs`, { headers: supportAuth });
        const { deliveries } = (await res.json()) as { deliveries: { channel: string; state: string; attempts: { outcome: string }[] }[] };
        expect(deliveries.map((d) => [d.channel, d.state, d.attempts.map((a) => a.outcome)])).toEqual([
          ['email', 'delivered', ['retry', 'delivered']],
          ['webhook', 'delivered', ['retry', 'delivered']],
        ]);
      }
    } finally {
      await handoff.close();
      await api.close();
    }
  });

  it('announces a ticket stored while the handoff was not running, but not the history of a first start', { timeout: 30_000 }, async () => {
    const fresh = tempDataDir();
    const hook = await startReceiver();
    const settings = { webhooks: { urls: [hook.url], secret: TEST_WEBHOOK_SECRET } };
    const post = async (url: string, description: string) => {
      const res = await postParts(url, ticketParts(ticketFor([], { description }), []));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    try {
      // History from before the handoff was ever configured: not sent.
      let api = await startTestApi({ dataDir: fresh.dir });
      const old = await post(api.url, 'Avant la mise en place');
      let handoff = startHandoff({ api, dataDir: fresh.dir, settings, backoff: { delaysMs: [20], jitter: 0 }, pollMs: 20, log: () => {} });
      const announced = await post(api.url, 'Pendant que le relais tourne');
      await waitFor('the first ticket', () => hook.deliveredIds().length === 1);
      await handoff.close();
      // A ticket stored while the API ran without the handoff.
      const missed = await post(api.url, 'Pendant une panne du relais');
      await api.close();

      api = await startTestApi({ dataDir: fresh.dir });
      handoff = startHandoff({ api, dataDir: fresh.dir, settings, backoff: { delaysMs: [20], jitter: 0 }, pollMs: 20, log: () => {} });
      await waitFor('the missed ticket', () => hook.deliveredIds().length === 2);
      await new Promise((r) => setTimeout(r, 200));
      await handoff.close();
      await api.close();
      expect(hook.requests.map((r) => r.payload?.data.id)).toEqual([announced, missed]);
      expect(hook.requests.map((r) => r.payload?.data.id)).not.toContain(old);
    } finally {
      await hook.close();
      fresh.remove();
    }
  });
});
