/**
 * The webhook body: `{type, timestamp, data}` as in the Standard Webhooks specification, where
 * data is a summary of the ticket with links (the inbox page, and screenshots by signed expiring
 * URL rather than inline: the spec advises small payloads and links for images).
 */
import type { TicketRow } from '../db';
import { inboxLink, SCREENSHOT_LINK_TTL_MS, signedScreenshotLink } from './links';

export const HANDOFF_EVENT_TYPES = [
  'ticket.created',
  'ticket.status_changed',
  'ticket.deadline_at_risk',
  'ticket.deadline_overdue',
] as const;
export type HandoffEventType = (typeof HANDOFF_EVENT_TYPES)[number];

/** What the event adds to the summary: the status change, or the deadline's state. */
export type EventDetail =
  | { kind: 'created' }
  | { kind: 'status'; from: string; to: string; by?: string }
  | { kind: 'deadline'; latestReplyAt: string; minutesLeft: number };

/** The first words of a description, for subjects and summaries. */
export function firstWords(text: string, maxChars = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function webhookPayload(
  type: HandoffEventType,
  row: TicketRow,
  detail: EventDetail,
  links: { publicUrl: string; key: Buffer },
  now: Date,
): string {
  const { ticket } = row;
  const expiresAt = new Date(now.getTime() + SCREENSHOT_LINK_TTL_MS);
  const data = {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: ticket.category,
    platform: ticket.context.platform ?? null,
    locale: ticket.locale,
    email: ticket.email,
    summary: firstWords(ticket.description, 140),
    receivedAt: row.receivedAt,
    promise: row.promise
      ? { case: row.promise.case, latestReplyAt: row.promise.latestReplyAt, clockStartsAt: row.promise.clockStartsAt }
      : null,
    knownProblem: ticket.knownProblem?.id ?? null,
    ...(detail.kind === 'status' ? { change: { from: detail.from, to: detail.to, ...(detail.by ? { by: detail.by } : {}) } } : {}),
    ...(detail.kind === 'deadline' ? { deadline: { latestReplyAt: detail.latestReplyAt, minutesLeft: detail.minutesLeft } } : {}),
    links: {
      inbox: inboxLink(links.publicUrl, row.id),
      screenshots: ticket.screenshots.map((shot) => ({
        index: shot.index,
        type: shot.type,
        url: signedScreenshotLink(links.publicUrl, links.key, row.id, shot.index, expiresAt),
        expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
      })),
    },
  };
  return JSON.stringify({ type, timestamp: now.toISOString(), data });
}
