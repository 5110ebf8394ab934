/** The queue's address: mailbox, filters, search and cursor, read from and written to the query. */
import { CategorySchema, PlatformSchema, TicketStatusSchema } from '../../utils/contract/schemas';
import type { ListQuery, Mailbox } from '../ticket-summaries';

export interface QueueFilters {
  mailbox: Mailbox;
  status?: ListQuery['status'];
  category?: ListQuery['category'];
  platform?: ListQuery['platform'];
  knownProblem?: string;
  text?: string;
  cursor?: string;
}

/** Unknown values are dropped rather than refused: a hand-edited address still shows a queue. */
export function readQueueFilters(query: Record<string, string>): QueueFilters {
  const mailbox = query.mailbox === 'closed' || query.mailbox === 'spam' ? query.mailbox : 'open';
  const pick = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: string | undefined) => {
    const parsed = value ? schema.safeParse(value) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
  const knownProblem = query.knownProblem && /^[a-z0-9][a-z0-9-]{0,63}$/.test(query.knownProblem) ? query.knownProblem : undefined;
  const text = query.text?.trim().slice(0, 200) || undefined;
  const cursor = query.cursor && query.cursor.length <= 400 ? query.cursor : undefined;
  return {
    mailbox,
    status: pick(TicketStatusSchema, query.status),
    category: pick(CategorySchema, query.category),
    platform: pick(PlatformSchema, query.platform),
    knownProblem,
    text,
    cursor,
  };
}

export function queueHref(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === 'mailbox' && value === 'open')) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/inbox?${query}` : '/inbox';
}
