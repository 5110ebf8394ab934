/**
 * The inbox over real HTTP: sign-in and its refusals, the cookie's attributes, the Origin check,
 * the page headers, ticket content rendered as text, status changes reaching the customer's view
 * and the history, the sandboxed screenshots and the exports. Browser behaviour (keyboard, tabs,
 * axe, "My tickets") is in tests/e2e/inbox/.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketCreatedSchema, TicketPublicSchema } from '../../utils/contract/schemas';
import { startApiWithRetriedWebhook, waitFor, type TestReceiver } from '../handoff/test-receivers';
import { makePng, postParts, SUPPORT_TOKEN, startTestApi, ticketFor, ticketParts } from '../test-support';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

async function signIn(api: Api, token = SUPPORT_TOKEN): Promise<Response> {
  return fetch(`${api.url}/inbox/sign-in`, {
    method: 'POST',
    headers: { Origin: api.url, 'Content-Type': FORM },
    body: form({ token }),
    redirect: 'manual',
  });
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('support inbox over HTTP', () => {
  let api: Api;
  let cookie: string;
  let created: ReturnType<typeof TicketCreatedSchema.parse>;
  const png = makePng(4, 3);
  const hostile = '<img src=x onerror="alert(1)"><script>window.pwned=1</script>';

  beforeAll(async () => {
    api = await startTestApi();
    const ticket = ticketFor([{ type: 'image/png', bytes: png }], {
      description: `${hostile}\nsecond line`,
      diagnostics: {
        entries: [{ kind: 'console', level: 'error', t: 5, count: 4, message: `${hostile} token [removed: access_token]` }],
        dropped: 0,
        leftOut: 2,
      },
    });
    created = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticket, [{ type: 'image/png', bytes: png }]))).json());
    const res = await signIn(api);
    expect(res.status).toBe(303);
    cookie = cookieOf(res);
  });
  afterAll(() => api.close());

  it('signs in with the support token into an HttpOnly, SameSite=Strict cookie that expires, and refuses a wrong token', async () => {
    const res = await signIn(api);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=28800/);
    expect(setCookie).toMatch(/Path=\/inbox/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; https would add it

    const wrong = await signIn(api, `${SUPPORT_TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('This support token is not the right one.');
  });

  it('refuses every inbox page without a live session, and a state change from another origin', async () => {
    for (const path of [
      '/inbox',
      `/inbox/tickets/${created.id}`,
      `/inbox/tickets/${created.id}/screenshots/0`,
      `/inbox/tickets/${created.id}/export.zip`,
    ]) {
      const res = await fetch(`${api.url}${path}`, { headers: { cookie: 'oso_inbox_session=forged' }, redirect: 'manual' });
      expect(res.status, path).toBe(401);
      expect(await res.text()).toContain('Support token');
    }
    // The bearer token opens the API, not the inbox.
    expect((await fetch(`${api.url}/inbox`, { headers: { Authorization: `Bearer ${SUPPORT_TOKEN}` } })).status).toBe(401);
    const foreign = await fetch(`${api.url}/inbox/tickets/${created.id}/status`, {
      method: 'POST',
      headers: { cookie, Origin: 'http://127.0.0.1:1', 'Content-Type': FORM },
      body: form({ status: 'closed' }),
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await fetch(`${api.url}/inbox/tickets/${created.id}/status`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': FORM },
      body: form({ status: 'closed' }),
      redirect: 'manual',
    });
    expect(noOrigin.status).toBe(403);
    expect(
      (await (await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } })).json())
        .status,
    ).toBe('received');
  });

  it('serves the queue and the ticket under a strict CSP, with the ticket’s HTML as text', async () => {
    const queue = await fetch(`${api.url}/inbox`, { headers: { cookie } });
    expect(queue.status).toBe(200);
    const csp = queue.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const queueHtml = await queue.text();
    expect(queueHtml).toContain(created.reference);
    expect(queueHtml).toContain('&lt;img src=x onerror=');
    expect(queueHtml).not.toContain('<img src=x');

    const page = await fetch(`${api.url}/inbox/tickets/${created.id}`, { headers: { cookie } });
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(html).not.toMatch(/<script>window\.pwned|<img src=x/);
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    // Only the one script file, no inline script at all.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/inbox/assets/inbox.js" defer="">']);
    expect(html).toContain('<mark class="scrubbed"');
    expect(html).toContain('The customer left 2 entries out before sending.');
    expect(html).toContain(`mailto:`);
    expect(html).toContain(encodeURIComponent(`[${created.reference}]`));
    // No handoff beside this API: the page says so in one line, and offers nothing to send again.
    expect(html).toContain('The handoff is not configured (SMTP_URL, WEBHOOK_URLS)');
    expect(html).not.toContain('Send again');
  });

  it('changes the status from the inbox: the customer sees it and the history says who and when', async () => {
    const res = await fetch(`${api.url}/inbox/tickets/${created.id}/status`, {
      method: 'POST',
      headers: { cookie, Origin: api.url, 'Content-Type': FORM },
      body: form({ status: 'acknowledged', back: `/inbox/tickets/${created.id}` }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/inbox/tickets/${created.id}`);
    const view = TicketPublicSchema.parse(
      await (await fetch(`${api.url}/v1/tickets/${created.id}`, { headers: { Authorization: `Bearer ${created.accessToken}` } })).json(),
    );
    expect(view.status).toBe('acknowledged');
    const html = await (await fetch(`${api.url}/inbox/tickets/${created.id}`, { headers: { cookie } })).text();
    expect(html).toMatch(/Received → Acknowledged, by support \(inbox\)/);
    // An open redirect through `back` is refused: it falls back to the queue.
    const evil = await fetch(`${api.url}/inbox/tickets/${created.id}/status`, {
      method: 'POST',
      headers: { cookie, Origin: api.url, 'Content-Type': FORM },
      body: form({ status: 'answered', back: 'https://evil.example/' }),
      redirect: 'manual',
    });
    expect(evil.headers.get('location')).toBe('/inbox');
  });

  it('serves screenshots sandboxed, and exports the ticket as JSON and as a .zip', async () => {
    const shot = await fetch(`${api.url}/inbox/tickets/${created.id}/screenshots/0`, { headers: { cookie } });
    expect(shot.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(shot.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shot.headers.get('content-disposition')).toBe('inline; filename="screenshot-0.png"');
    expect(Buffer.from(await shot.arrayBuffer()).equals(png)).toBe(true);

    const zip = await fetch(`${api.url}/inbox/tickets/${created.id}/export.zip`, { headers: { cookie } });
    expect(zip.headers.get('content-disposition')).toBe(`attachment; filename="${created.reference}.zip"`);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([`${created.reference}/screenshot-0.png`, `${created.reference}/ticket.json`]);
    expect(Buffer.from(files[`${created.reference}/screenshot-0.png`]!).equals(png)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(files[`${created.reference}/ticket.json`]!)).reference).toBe(created.reference);
  });

  it('signs out: the cookie is cleared and no longer opens the inbox', async () => {
    const own = cookieOf(await signIn(api));
    const out = await fetch(`${api.url}/inbox/sign-out`, { method: 'POST', headers: { cookie: own, Origin: api.url }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/oso_inbox_session=;.*Max-Age=0/);
    expect((await fetch(`${api.url}/inbox`, { headers: { cookie: own } })).status).toBe(401);
    expect((await fetch(`${api.url}/inbox`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('the handoff on the inbox’s ticket page', { timeout: 20_000 }, () => {
  let stack: Awaited<ReturnType<typeof startApiWithRetriedWebhook>> | undefined;
  let api: Api;
  let receiver: TestReceiver;
  let cookie: string;
  let id: string;
  const page = async () => (await fetch(`${api.url}/inbox/tickets/${id}`, { headers: { cookie } })).text();
  /** The attempts' outcomes of the one webhook delivery, as the page lists them. */
  const outcomes = (html: string) => [...html.matchAll(/data-testid="attempt" data-outcome="(\w+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    // A real receiver verifying Standard Webhooks signatures: 500 first, then 200.
    stack = await startApiWithRetriedWebhook();
    ({ api, receiver } = stack);
    const res = await postParts(api.url, ticketParts(ticketFor([]), []));
    id = ((await res.json()) as { id: string }).id;
    await waitFor('the retried webhook to be delivered', () => receiver.deliveredIds().length === 1);
    cookie = cookieOf(await signIn(api));
  }, 20_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('lists the delivery with each attempt: the 500, then the delivery', async () => {
    const html = await page();
    expect(html).toContain('Ticket created (ticket.created): webhook');
    expect(html).toContain(receiver.url);
    expect(outcomes(html)).toEqual(['retry', 'delivered']);
    expect(html).toMatch(/<td>1<\/td><td><time datetime="[^"]+">[^<]+<\/time><\/td><td>Failed, will retry<\/td><td>500<\/td>/);
    expect(html).toMatch(/<td>2<\/td><td><time datetime="[^"]+">[^<]+<\/time><\/td><td>Delivered<\/td><td>200<\/td>/);
    expect(html).toMatch(/data-testid="delivery-state">Delivered</);
  });

  it('sends again from the page: a cross-origin post is refused, the inbox’s own leads to a new delivered attempt', async () => {
    const action = /<form method="post" action="([^"]+\/retry)">/.exec(await page())![1]!;
    expect(action).toMatch(new RegExp(`^/inbox/tickets/${id}/handoffs/msg_[\\w-]+/retry$`));
    const post = (origin: string) =>
      fetch(`${api.url}${action}`, { method: 'POST', headers: { cookie, Origin: origin }, redirect: 'manual' });

    expect((await post('http://127.0.0.1:1')).status).toBe(403);
    await new Promise((r) => setTimeout(r, 150)); // several worker polls: nothing may leave
    expect(receiver.requests).toHaveLength(2);

    const sent = await post(api.url);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/inbox/tickets/${id}#handoff-title`);
    await waitFor('the delivery sent again', () => receiver.deliveredIds().length === 2, 5_000);
    // The same webhook-id: the receiver can deduplicate.
    expect(new Set(receiver.deliveredIds()).size).toBe(1);
    // The worker records the attempt just after the receiver answered: read the page until it shows.
    let shown: (string | undefined)[] = [];
    for (const until = Date.now() + 5_000; shown.length < 3 && Date.now() < until; ) {
      shown = outcomes(await page());
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(shown).toEqual(['retry', 'delivered', 'delivered']);
  });
});

describe('the queue on deadlines that tie', () => {
  it('puts tickets that share a deadline (all sent outside hours) in the order they arrived', async () => {
    // Saturday 2026-11-28, 11:00 in Toronto: support opens on Monday, so every ticket's clock
    // starts then and all six have the same deadline. They arrive a minute apart.
    let clock = new Date('2026-11-28T16:00:00Z');
    const api = await startTestApi({ now: () => clock });
    try {
      const arrived: string[] = [];
      for (let i = 0; i < 6; i++) {
        const created = TicketCreatedSchema.parse(await (await postParts(api.url, ticketParts(ticketFor([]), []))).json());
        expect(created.promise!.outsideHours).toBe(true);
        arrived.push(created.reference);
        clock = new Date(clock.getTime() + 60_000);
      }
      const html = await (await fetch(`${api.url}/inbox`, { headers: { cookie: cookieOf(await signIn(api)) } })).text();
      const queue = [...html.matchAll(/data-reference="([^"]+)"/g)].map((m) => m[1]);
      // Broken by random ids before, these six came in the arrival order once in 720.
      expect(queue).toEqual(arrived);
    } finally {
      await api.close();
    }
  });
});
