/** @jsxImportSource hono/jsx */
/**
 * Support's inbox at `/inbox`, served by the API itself: sign-in with the support token (a session
 * cookie), the queue, a ticket's page, status changes, the sandboxed screenshots and the exports.
 * Pages are rendered on the server (hono/jsx, no build step); the only script is assets/inbox.js.
 */
import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { TicketStatusSchema } from '../../utils/contract/schemas';
import { pickLocale } from '../../utils/i18n/format';
import { INBOX_MESSAGES } from '../../utils/i18n/inbox';
import { SUPPORT_TIMEZONE } from '../../utils/response-time/schedule';
import type { AppContext } from '../app-context';
import { HandoffQueue } from '../handoff/queue';
import { ticketHandoffLog } from '../handoff/ticket-log';
import { smallBody } from '../http/bodies';
import { screenshotAnswer } from '../http/screenshot-answer';
import { secretsEqual } from '../ids';
import { recordStatusHistory, statusHistory } from '../status-history';
import { changeTicketStatus } from '../ticket-status';
import { TicketSummaries } from '../ticket-summaries';
import { exportZip, ticketJson } from './export-zip';
import { HandoffSection } from './handoff-section';
import { endSession, pageHeaders, readSession, sameOrigin, startSession } from './guards';
import { QueuePage } from './queue-page';
import { queueHref, readQueueFilters } from './queue-filters';
import { InboxSessions } from './sessions';
import { SignInPage } from './sign-in-page';
import { TicketPage } from './ticket-page';
import { weekFigures, weekStart } from './week-figures';

const PAGE_SIZE = 50;

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const ASSETS: Record<string, { body: string; type: string }> = {
  'inbox.js': { body: asset('inbox.js'), type: 'text/javascript; charset=utf-8' },
  'inbox.css': { body: asset('inbox.css'), type: 'text/css; charset=utf-8' },
};

export function inboxRoutes(app: Hono, ctx: AppContext): void {
  const { db } = ctx;
  const summaries = new TicketSummaries(db.db);
  const handoffQueue = new HandoffQueue(db.db);
  const sessions = new InboxSessions(ctx.now);
  const timeZone = ctx.options.schedule?.timezone ?? SUPPORT_TIMEZONE;
  recordStatusHistory(db.db, ctx.events);
  const inbox = new Hono();
  const text = (c: Context) => {
    const locale = pickLocale(c.req.header('accept-language'));
    return { locale, t: INBOX_MESSAGES[locale] };
  };
  const page = (c: Context, node: JSX.Element, status: 200 | 401 | 403 | 404 = 200) => c.html(html`<!doctype html>${node}`, status);
  const signInPage = (c: Context, status: 200 | 401 | 403, props: { message?: string; error?: string } = {}) =>
    page(c, <SignInPage {...text(c)} {...props} />, status);

  inbox.use('*', pageHeaders());

  inbox.get('/assets/:name', (c) => {
    const file = ASSETS[c.req.param('name')];
    if (!file) return c.text('Not found', 404);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
  });

  // Every state change comes from the inbox's own pages.
  inbox.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !sameOrigin(c)) return signInPage(c, 403, { error: text(c).t.badOrigin });
    await next();
  });

  inbox.get('/sign-in', (c) => {
    if (sessions.valid(readSession(c))) return c.redirect('/inbox', 303);
    return signInPage(c, 200, { message: text(c).t.signedOutNotice });
  });

  inbox.post('/sign-in', smallBody(), async (c) => {
    const { t } = text(c);
    const token = (await c.req.parseBody()).token;
    const expected = ctx.options.supportToken;
    if (!expected) return signInPage(c, 401, { error: t.tokenDisabled });
    if (typeof token !== 'string' || token.length > 512 || !secretsEqual(token, expected))
      return signInPage(c, 401, { error: t.wrongToken });
    startSession(c, sessions);
    return c.redirect('/inbox', 303);
  });

  inbox.post('/sign-out', (c) => {
    endSession(c, sessions);
    return c.redirect('/inbox/sign-in', 303);
  });

  // Everything below needs a live session; the bearer token is not accepted here (it would be a
  // way around the Origin check), and the bearer routes under /v1 do not read the cookie.
  inbox.use('*', async (c, next) => {
    if (!sessions.valid(readSession(c))) {
      const { t } = text(c);
      return signInPage(c, 401, { message: readSession(c) ? t.sessionExpired : t.signedOutNotice });
    }
    await next();
  });

  inbox.get('/', (c) => {
    const now = ctx.now();
    const filters = readQueueFilters(c.req.query());
    let list: ReturnType<TicketSummaries['list']>;
    try {
      list = summaries.list({ ...filters, order: filters.mailbox === 'open' ? 'due' : 'newest', limit: PAGE_SIZE });
    } catch {
      // A stale or edited cursor: start again from the first page.
      return c.redirect(queueHref({ ...filters, cursor: undefined }), 303);
    }
    const week = weekFigures(summaries.receivedSince(weekStart(now, timeZone)), now);
    const url = new URL(c.req.url);
    return page(
      c,
      <QueuePage
        {...text(c)}
        timeZone={timeZone}
        now={now}
        filters={filters}
        counts={summaries.mailboxCounts()}
        tickets={list.tickets}
        nextCursor={list.nextCursor}
        knownProblems={summaries.knownProblems()}
        week={week}
        here={`${url.pathname}${url.search}`}
      />,
    );
  });

  inbox.get('/tickets/:id', (c) => {
    const id = c.req.param('id');
    const row = db.getTicket(id);
    const summary = row && summaries.get(id);
    const { t, locale } = text(c);
    if (!row || !summary)
      return c.html(html`<!doctype html><html lang="${locale}"><title>${t.notFound}</title><p>${t.notFound}</p></html>`, 404);
    return page(
      c,
      <TicketPage
        {...text(c)}
        timeZone={timeZone}
        now={ctx.now()}
        row={row}
        summary={summary}
        history={statusHistory(db.db, id)}
        handoff={
          <HandoffSection
            {...text(c)}
            timeZone={timeZone}
            configured={ctx.options.handoffConfigured === true}
            deliveries={ticketHandoffLog(handoffQueue, id)}
            base={`/inbox/tickets/${encodeURIComponent(id)}`}
          />
        }
      />,
    );
  });

  inbox.post('/tickets/:id/status', smallBody(), async (c) => {
    const form = await c.req.parseBody();
    const status = TicketStatusSchema.safeParse(form.status);
    if (!status.success) return c.text('Unknown status', 400);
    const row = changeTicketStatus(ctx, c.req.param('id'), status.data, 'support (inbox)');
    if (!row) return c.text('No such ticket', 404);
    // Only a path of the inbox itself: never an open redirect.
    const back =
      typeof form.back === 'string' && /^\/inbox(?:[/?]|$)/.test(form.back) && !form.back.startsWith('//') ? form.back : '/inbox';
    return c.redirect(back, 303);
  });

  // The same queue call as the bearer route (server/handoff/routes.ts): due now, schedule restarted,
  // same id; the handoff's worker polls the queue and sends it within its poll interval.
  inbox.post('/tickets/:id/handoffs/:deliveryId/retry', (c) => {
    const id = c.req.param('id');
    if (!handoffQueue.retry(id, c.req.param('deliveryId'), ctx.now())) return c.text('No such ticket or delivery', 404);
    return c.redirect(`/inbox/tickets/${encodeURIComponent(id)}#handoff-title`, 303);
  });

  inbox.get('/tickets/:id/screenshots/:index', (c) => {
    const index = c.req.param('index');
    const shot = /^\d{1,3}$/.test(index) ? db.getScreenshot(c.req.param('id'), Number(index)) : undefined;
    if (!shot) return c.text('No such screenshot', 404);
    return screenshotAnswer(c, shot, { download: Boolean(c.req.query('download')) });
  });

  inbox.get('/tickets/:id/ticket.json', (c) => {
    const row = db.getTicket(c.req.param('id'));
    if (!row) return c.text('No such ticket', 404);
    return c.body(ticketJson(row), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${row.reference}.json"`,
    });
  });

  inbox.get('/tickets/:id/export.zip', (c) => {
    const row = db.getTicket(c.req.param('id'));
    if (!row) return c.text('No such ticket', 404);
    return c.body(new Uint8Array(exportZip(db, row)), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${row.reference}.zip"`,
    });
  });

  app.route('/inbox', inbox);
}
