/**
 * "My tickets": the customer's tickets as the outbox knows them, and the live status of those
 * support received (`GET /v1/tickets/:id` with each ticket's own access token). No extension
 * API here: the popup passes the records and the fetch.
 */
import { TicketPublicSchema, type Category, type TicketCreated, type TicketPublic } from '../contract/schemas';
import type { OutboxRecord } from './outbox';

/** Why a live status could not be read; each has a customer message in utils/i18n/my-tickets.ts. */
export type StatusFailure = 'network' | 'unauthorized' | 'not_found' | 'invalid';
export type StatusOutcome = { ok: true; ticket: TicketPublic } | { ok: false; reason: StatusFailure };

/** Reads one ticket's status. Never throws; gives up after `timeoutMs`. */
export async function fetchTicketStatus(
  apiUrl: string,
  created: Pick<TicketCreated, 'id' | 'accessToken'>,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<StatusOutcome> {
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
  try {
    const response = await doFetch(`${apiUrl}/v1/tickets/${encodeURIComponent(created.id)}`, {
      headers: { Authorization: `Bearer ${created.accessToken}` },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) return { ok: false, reason: 'unauthorized' };
    if (response.status === 404) return { ok: false, reason: 'not_found' };
    if (!response.ok) return { ok: false, reason: 'network' };
    const parsed = TicketPublicSchema.safeParse(await response.json().catch(() => undefined));
    return parsed.success ? { ok: true, ticket: parsed.data } : { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** One line of "My tickets". */
export interface MyTicketRow {
  key: string;
  /** 'pending': queued or being sent; 'attention': refused, the customer must act; 'sent': received by support. */
  state: 'pending' | 'attention' | 'sent';
  category: Category;
  description: string;
  /** Where support answers. */
  email: string;
  /** When the customer sent it (epoch ms). */
  createdAt: number;
  /** Support's answer on delivery (reference, id, access token), for sent tickets. */
  result?: TicketCreated;
}

/** The outbox as "My tickets" lists it: newest first, every state the customer should see. */
export function myTicketRows(records: readonly OutboxRecord[]): MyTicketRow[] {
  return records
    .map(
      (record): MyTicketRow => ({
        key: record.key,
        state: record.state === 'sent' ? 'sent' : record.state === 'attention' ? 'attention' : 'pending',
        category: record.ticket.category,
        description: record.ticket.description,
        email: record.ticket.email,
        createdAt: record.createdAt,
        result: record.state === 'sent' ? record.result : undefined,
      }),
    )
    .filter((row) => row.state !== 'sent' || row.result !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt);
}
