/**
 * Mail over real SMTP: a `smtp-server` that is down when the ticket arrives and comes up later on
 * the same port, `mailparser` reading what arrived. Support's mail (subject, Reply-To, threading,
 * both bodies with ticket values escaped, screenshots and the ticket JSON attached) and the
 * customer's acknowledgement in the ticket's language and timezone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, postParts, startTestApi, supportAuth, ticketFor, ticketParts } from '../test-support';
import { startHandoff, type RunningHandoff } from './handoff';
import { freePort, startSmtp, waitFor, type TestSmtp } from './test-receivers';

type Api = Awaited<ReturnType<typeof startTestApi>>;
let api: Api;
let handoff: RunningHandoff;
let smtp: TestSmtp | undefined;
let port: number;
let ticket: { id: string; reference: string };
const png = makePng(5, 4, [240, 10, 10]);
const description = 'Le tirage <script>alert("x")</script> & les commentaires ne chargent pas depuis hier soir';

async function attempts(): Promise<{ channel: string; state: string; attempts: { outcome: string; error?: string }[] }[]> {
  const res = await fetch(`${api.url}/v1/tickets/${ticket.id}/handoffs`, { headers: supportAuth });
  return ((await res.json()) as { deliveries: never[] }).deliveries;
}

beforeAll(async () => {
  port = await freePort();
  api = await startTestApi();
  handoff = startHandoff({
    api,
    dataDir: api.dataDir,
    settings: {
      email: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        to: 'helpdesk@support.example.test',
        from: 'tickets@osortoo.example.test',
        locale: 'en',
        customerAck: true,
      },
      publicUrl: 'https://support.example.test',
    },
    timeZone: 'America/Toronto',
    backoff: { delaysMs: [50, 50, 50, 50, 50, 50, 50, 50, 50, 50], jitter: 0 },
    pollMs: 20,
    log: () => {},
  });
  const files = [{ type: 'image/png' as const, bytes: png }];
  const res = await postParts(api.url, ticketParts(ticketFor(files, { description }), files));
  expect(res.status).toBe(201);
  ticket = (await res.json()) as { id: string; reference: string };
}, 30_000);

afterAll(async () => {
  await handoff?.close();
  await api?.close();
  await smtp?.close();
});

describe('mail handoff', { timeout: 30_000 }, () => {
  it('keeps retrying while the SMTP server is down, then delivers once it is back, every attempt logged', async () => {
    let failed = await attempts();
    for (let i = 0; i < 600 && !(failed.length === 2 && failed.every((d) => d.attempts.length >= 2)); i++) {
      await new Promise((r) => setTimeout(r, 20));
      failed = await attempts();
    }
    expect(failed.map((d) => [d.channel, d.state])).toEqual([
      ['email', 'pending'],
      ['ack', 'pending'],
    ]);
    for (const d of failed)
      for (const a of d.attempts) expect([a.outcome, a.error]).toEqual(['retry', expect.stringContaining('ECONNREFUSED')]);

    smtp = await startSmtp(port);
    await waitFor('support mail and acknowledgement', () => smtp!.mails.length === 2);
    const log = await attempts();
    expect(log.map((d) => [d.channel, d.state])).toEqual([
      ['email', 'delivered'],
      ['ack', 'delivered'],
    ]);
    for (const d of log) expect(d.attempts.at(-1)!.outcome).toBe('delivered');
  });

  it("sends support a mail with the subject, the customer's Reply-To, both bodies escaped, screenshots and JSON attached", () => {
    const mail = smtp!.mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'helpdesk@support.example.test')!;
    expect(mail.subject).toBe(`[${ticket.reference}] api_error · instagram · Le tirage <script>alert("x")</script> & les commentaires ne…`);
    expect(mail.replyTo?.text).toBe('marie@example.com');
    expect(mail.messageId).toBe(`<ticket.${ticket.id}@osortoo.example.test>`);
    expect(mail.text).toContain(description);
    expect(mail.text).toContain('Promise: ');
    expect(mail.text).toContain('GET 403 https://app.osortoo.com/api/comments?post=123 — {"error":"IG_PERMISSION_MISSING"}');
    expect(mail.text).toContain(`Open in the inbox: https://support.example.test/inbox/tickets/${ticket.id}`);
    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; les commentaires');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${ticket.reference}-screenshot-0.png`, 'image/png'],
      [`${ticket.reference}.json`, 'application/json'],
    ]);
    expect(mail.attachments[0]!.content.equals(png)).toBe(true);
    const json = JSON.parse(mail.attachments[1]!.content.toString('utf8')) as { id: string; ticket: { description: string } };
    expect(json.id).toBe(ticket.id);
    expect(json.ticket.description).toBe(description);
  });

  it("acknowledges to the customer in the ticket's language, with the due time in their timezone", () => {
    const ack = smtp!.mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'marie@example.com')!;
    expect(ack.subject).toBe(`[${ticket.reference}] Nous avons bien reçu votre demande ${ticket.reference}`);
    expect(ack.replyTo?.text).toBe('helpdesk@support.example.test');
    expect(ack.text).toContain('(heure de Paris)');
    expect(ack.text).toContain('répondez à ce courriel');
    expect(String(ack.html)).not.toContain('<script>');
  });

  it('threads a later mail about the ticket (status change) under the first one', async () => {
    const res = await fetch(`${api.url}/v1/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: { ...supportAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'answered' }),
    });
    expect(res.status).toBe(200);
    await waitFor('the status mail', () => smtp!.mails.length === 3);
    const later = smtp!.mails[2]!;
    const root = `<ticket.${ticket.id}@osortoo.example.test>`;
    expect(later.inReplyTo).toBe(root);
    expect(later.references).toBe(root);
    expect(later.subject).toMatch(new RegExp(`^Re: \\[${ticket.reference}\\] .* · Status answered$`));
    expect(later.text).toContain(`Ticket ${ticket.reference}: status changed from received to answered.`);
    const ids = smtp!.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
