/**
 * The mails of the handoff, as nodemailer messages: the mail to support's helpdesk about a ticket
 * event, and the customer's acknowledgement. Composition only (no sending), so tests can read a
 * message before any SMTP server is involved. Every ticket value in the HTML body goes through
 * `escapeHtml`: a description is customer text, and a helpdesk renders the HTML.
 */
import type { Attachment } from 'nodemailer/lib/mailer';
import type { DiagnosticEntry, Locale } from '../../utils/contract/schemas';
import { format, plural } from '../../utils/i18n/format';
import { HANDOFF_MAIL_MESSAGES } from '../../utils/i18n/handoff-mail';
import { describePromise } from '../../utils/response-time/promise-text';
import { formatWhen } from '../../utils/response-time/when-text';
import type { StoredScreenshot, TicketRow } from '../db';
import type { EmailSettings } from './settings';
import { inboxLink } from './links';
import { firstWords, type EventDetail, type HandoffEventType } from './payload';

export interface MailMessage {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: Attachment[];
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function mailDomain(from: string): string {
  return from.slice(from.lastIndexOf('@') + 1).replace(/[^A-Za-z0-9.-]/g, '') || 'osortoo-support.invalid';
}

/** The Message-ID of a ticket's first mail; later mails point at it. */
export function rootMessageId(ticketId: string, from: string): string {
  return `<ticket.${ticketId}@${mailDomain(from)}>`;
}

/** `[OSO-7K3Q2] api_error · instagram · first words of the description` */
export function baseSubject(row: TicketRow): string {
  const { ticket } = row;
  return `[${row.reference}] ${ticket.category} · ${ticket.context.platform ?? 'general'} · ${firstWords(ticket.description)}`;
}

/** The diagnostics that matter to support: failures, not the page's warnings or successful calls. */
function errorLines(entries: DiagnosticEntry[]): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    const times = e.count > 1 ? ` (×${e.count})` : '';
    if (e.kind === 'network' && (e.status === 0 || e.status >= 400)) {
      lines.push(`${e.method} ${e.status || 'failed'} ${e.url}${times}${e.body ? ` — ${e.body}` : ''}`);
    } else if (e.kind === 'uncaught' || e.kind === 'rejection' || (e.kind === 'console' && e.level === 'error')) {
      lines.push(`${e.kind}: ${e.message}${times}`);
    } else if (e.kind === 'resource') {
      lines.push(`${e.tag} failed: ${e.url}${times}`);
    } else if (e.kind === 'csp') {
      lines.push(`CSP ${e.directive}: ${e.blockedUrl}${times}`);
    }
  }
  return lines.slice(0, 15);
}

/** The environment in one line. */
function environmentLine(row: TicketRow): string {
  const env = row.ticket.environment;
  return [
    `${env.browser.name} ${env.browser.version}`,
    `${env.os.name} ${env.os.version}`,
    env.device.type,
    `${env.viewport.width}×${env.viewport.height}@${env.devicePixelRatio}x`,
    env.languages[0] ?? '',
    env.timezone,
    `extension ${env.extensionVersion}`,
    env.online ? 'online' : 'offline',
  ]
    .filter((part) => part.length > 0)
    .join(' · ');
}

export interface SupportMailInput {
  type: HandoffEventType;
  eventId: string;
  row: TicketRow;
  detail: EventDetail;
  screenshots: StoredScreenshot[];
  settings: EmailSettings;
  publicUrl: string;
  /** Support's timezone, for the due times support reads. */
  timeZone: string;
  now: Date;
}

/** The mail to support's helpdesk about one event of a ticket. */
export function supportMail(input: SupportMailInput): MailMessage {
  const { row, settings, detail, type, now } = input;
  const { ticket } = row;
  const locale: Locale = settings.locale;
  const t = HANDOFF_MAIL_MESSAGES[locale];
  const when = (iso: string) => formatWhen(new Date(iso), { locale, timeZone: input.timeZone, now });
  const link = inboxLink(input.publicUrl, row.id);

  let intro: string;
  if (detail.kind === 'status')
    intro = format(t.handoffIntro.statusChanged, { reference: row.reference, from: detail.from, to: detail.to });
  else if (detail.kind === 'deadline')
    intro = format(type === 'ticket.deadline_overdue' ? t.handoffIntro.deadlineOverdue : t.handoffIntro.deadlineAtRisk, {
      reference: row.reference,
      when: when(detail.latestReplyAt),
      minutes: detail.minutesLeft,
    });
  else intro = format(t.handoffIntro.created, { reference: row.reference, email: ticket.email });

  const promise = row.promise
    ? format(t.handoffPromise, { case: row.promise.case, when: when(row.promise.latestReplyAt) })
    : t.handoffNoPromise;
  const draw = format(t.handoffDraw, {
    url: ticket.context.url ?? '—',
    drawId: ticket.context.drawId ?? '—',
    account: ticket.context.pageOrUsername ?? ticket.context.accountEmail ?? '—',
  });
  const shown = ticket.diagnostics.entries.filter((e) => e.kind === 'shown').map((e) => `${e.via}: ${e.message}`);
  const errors = errorLines(ticket.diagnostics.entries);
  const known = ticket.knownProblem
    ? format(t.handoffKnownProblem, { id: ticket.knownProblem.id, matched: ticket.knownProblem.matched })
    : undefined;
  const attached = plural(locale, t.handoffAttachments, input.screenshots.length);

  // One list of blocks feeds both bodies, so the text and HTML versions cannot say different things.
  const blocks: { heading?: string; lines: string[]; pre?: boolean }[] = [
    { lines: [intro, promise, ...(known ? [known] : [])] },
    { heading: t.handoffSections.description, lines: [ticket.description], pre: true },
    { heading: t.handoffSections.draw, lines: [draw] },
    { heading: t.handoffSections.shown, lines: shown.length > 0 ? shown : [t.handoffNone] },
    { heading: t.handoffSections.errors, lines: errors.length > 0 ? errors : [t.handoffNone] },
    { heading: t.handoffSections.environment, lines: [environmentLine(row)] },
    { lines: [format(t.handoffOpen, { url: link }), attached, t.handoffReplyHint] },
  ];
  const text = blocks.map((b) => [...(b.heading ? [`${b.heading}:`] : []), ...b.lines].join('\n')).join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...blocks.map((b) => {
      const head = b.heading ? `<h3>${escapeHtml(b.heading)}</h3>` : '';
      if (b.pre) return `${head}<pre style="white-space:pre-wrap">${escapeHtml(b.lines.join('\n'))}</pre>`;
      return `${head}${b.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}`;
    }),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(row.reference)}</a></p>`,
    '</body></html>',
  ].join('\n');

  const root = rootMessageId(row.id, settings.from);
  const first = type === 'ticket.created';
  const followUp =
    type === 'ticket.status_changed' && detail.kind === 'status'
      ? format(t.handoffFollowUp.statusChanged, { to: detail.to })
      : type === 'ticket.deadline_at_risk'
        ? t.handoffFollowUp.deadlineAtRisk
        : t.handoffFollowUp.deadlineOverdue;
  return {
    from: settings.from,
    to: settings.to,
    replyTo: ticket.email,
    subject: first ? baseSubject(row) : `Re: ${baseSubject(row)} · ${followUp}`,
    text,
    html,
    messageId: first ? root : `<${input.eventId}.${row.id}@${mailDomain(settings.from)}>`,
    ...(first ? {} : { inReplyTo: root, references: [root] }),
    // The first mail carries everything; later ones only say what changed (the thread has the rest).
    attachments: first
      ? [
          ...input.screenshots.map((shot) => ({
            filename: `${row.reference}-screenshot-${shot.index}.${shot.contentType.split('/')[1]}`,
            content: Buffer.from(shot.bytes),
            contentType: shot.contentType,
          })),
          {
            filename: `${row.reference}.json`,
            content: JSON.stringify({ ...row, accessTokenHash: undefined }, null, 2),
            contentType: 'application/json',
          },
        ]
      : [],
  };
}

/** The customer's acknowledgement, in the ticket's language, with the due time in their timezone. */
export function customerAck(input: { row: TicketRow; settings: EmailSettings; now: Date }): MailMessage {
  const { row, settings, now } = input;
  const locale = row.ticket.locale;
  const t = HANDOFF_MAIL_MESSAGES[locale];
  const reference = row.reference;
  const lines = [t.ackGreeting, format(t.ackReceived, { reference, summary: firstWords(row.ticket.description, 140) })];
  if (row.promise) {
    const text = describePromise(row.promise, { locale, timeZone: row.ticket.environment.timezone, now, moment: 'after' });
    lines.push(text.headline, ...(text.detail ? [text.detail] : []));
  }
  lines.push(format(t.ackReply, { reference }), t.ackSignature);
  return {
    from: settings.from,
    to: row.ticket.email,
    // The customer's reply goes to the helpdesk, where the ticket's thread already is.
    replyTo: settings.to,
    subject: `[${reference}] ${format(t.ackSubject, { reference })}`,
    text: lines.join('\n\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`,
    messageId: `<ack.${row.id}@${mailDomain(settings.from)}>`,
    inReplyTo: undefined,
  };
}
