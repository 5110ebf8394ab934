/**
 * Support's list of tickets, read from `ticket_summaries` (migration step 3), never from the
 * tickets' JSON: keyset pagination (a cursor holds the last row's sort key, so page 500 costs what
 * page 1 costs and a ticket arriving meanwhile shifts nothing), filters, and the mailbox counts.
 * Used by `GET /v1/tickets` and by the inbox's queue.
 */
import type Database from 'better-sqlite3';
import type { Category, Platform, SupportMode, TicketStatus, TicketSummary } from '../utils/contract/schemas';

export type Mailbox = 'open' | 'closed' | 'spam';
/** `newest`: received, newest first. `due`: awaiting a first reply first, by deadline, then the replied ones. */
export type ListOrder = 'newest' | 'due';

export interface ListQuery {
  limit: number;
  cursor?: string;
  order?: ListOrder;
  mailbox?: Mailbox;
  status?: TicketStatus;
  category?: Category;
  platform?: Platform;
  /** A known problem's id, or `any` for every ticket that matched one. */
  knownProblem?: string;
  /** Part of the reference, e-mail, draw id, URL or description (case-insensitive for ASCII). */
  text?: string;
}

/** One ticket as the week's figures count it. */
export type WeekRow = Pick<TicketSummary, 'mode' | 'status' | 'receivedAt' | 'dueAt' | 'firstReplyAt'>;

export interface ListPage {
  tickets: TicketSummary[];
  nextCursor?: string;
}

/** A cursor that does not decode, or was made for another order. */
export class BadCursor extends Error {}

interface Row {
  ticket_id: string;
  reference: string;
  status: TicketStatus;
  category: Category;
  platform: Platform | null;
  locale: 'fr' | 'en';
  email: string;
  draw_id: string | null;
  url: string | null;
  known_problem: string | null;
  description: string;
  received_at: string;
  updated_at: string;
  clock_starts_at: string;
  due_at: string;
  mode: SupportMode;
  first_reply_at: string | null;
  replied: number;
  screenshots: number;
  entries: number;
}

/** The sort key of each order; every column in one direction so a row value compares it. */
const ORDERS: Record<ListOrder, { columns: string[]; direction: 'ASC' | 'DESC' }> = {
  newest: { columns: ['received_at', 'ticket_id'], direction: 'DESC' },
  // Equal deadlines (every ticket that arrived outside hours starts at the next opening): the
  // first to arrive first.
  due: { columns: ['replied', 'due_at', 'received_at', 'ticket_id'], direction: 'ASC' },
};

/** Everything a list row needs but the description beyond its first line. */
const COLUMNS = `ticket_id, reference, status, category, platform, locale, email, draw_id, url, known_problem,
  substr(description, 1, 400) AS description, received_at, updated_at, clock_starts_at, due_at, mode, first_reply_at,
  replied, screenshots, entries`;

export class TicketSummaries {
  constructor(private readonly db: Database.Database) {}

  list(query: ListQuery): ListPage {
    const order = ORDERS[query.order ?? 'newest'];
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.mailbox) {
      where.push('mailbox = ?');
      params.push(query.mailbox);
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.category) {
      where.push('category = ?');
      params.push(query.category);
    }
    if (query.platform) {
      where.push('platform = ?');
      params.push(query.platform);
    }
    if (query.knownProblem === 'any') where.push('known_problem IS NOT NULL');
    else if (query.knownProblem) {
      where.push('known_problem = ?');
      params.push(query.knownProblem);
    }
    const text = query.text?.trim();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const fields = ['reference', 'email', 'draw_id', 'url', 'description'];
      where.push(`(${fields.map((f) => `${f} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      params.push(like, like, like, like, like);
    }
    if (query.cursor !== undefined) {
      const key = decodeCursor(query.cursor, order.columns.length);
      where.push(`(${order.columns.join(', ')}) ${order.direction === 'ASC' ? '>' : '<'} (${key.map(() => '?').join(', ')})`);
      params.push(...key);
    }
    const sql = `SELECT ${COLUMNS} FROM ticket_summaries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order.columns.map((c) => `${c} ${order.direction}`).join(', ')} LIMIT ?`;
    // One row more than asked tells whether there is a next page without a count.
    const rows = this.db.prepare(sql).all(...params, query.limit + 1) as Row[];
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      tickets: page.map(summaryOf),
      ...(more && last ? { nextCursor: encodeCursor(order.columns.map((c) => last[c as keyof Row] as string | number)) } : {}),
    };
  }

  /** One ticket's summary, or undefined. */
  get(id: string): TicketSummary | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM ticket_summaries WHERE ticket_id = ?`).get(id) as Row | undefined;
    return row ? summaryOf(row) : undefined;
  }

  /** Tickets per mailbox (the inbox's tabs). */
  mailboxCounts(): Record<Mailbox, number> {
    const counts: Record<Mailbox, number> = { open: 0, closed: 0, spam: 0 };
    const rows = this.db.prepare('SELECT mailbox, count(*) AS n FROM ticket_summaries GROUP BY mailbox').all() as {
      mailbox: Mailbox;
      n: number;
    }[];
    for (const row of rows) counts[row.mailbox] = row.n;
    return counts;
  }

  /** Open tickets still awaiting their first reply whose deadline has passed. */
  overdueCount(now: Date): number {
    return (
      this.db
        .prepare(`SELECT count(*) AS n FROM ticket_summaries WHERE mailbox = 'open' AND replied = 0 AND due_at < ?`)
        .get(now.toISOString()) as { n: number }
    ).n;
  }

  /** What the week's figures need of every ticket received since `since` (five short columns, no text). */
  receivedSince(since: Date): WeekRow[] {
    const rows = this.db
      .prepare('SELECT mode, status, received_at, due_at, first_reply_at FROM ticket_summaries WHERE received_at >= ?')
      .all(since.toISOString()) as {
      mode: SupportMode;
      status: TicketStatus;
      received_at: string;
      due_at: string;
      first_reply_at: string | null;
    }[];
    return rows.map((row) => ({
      mode: row.mode,
      status: row.status,
      receivedAt: row.received_at,
      dueAt: row.due_at,
      ...(row.first_reply_at ? { firstReplyAt: row.first_reply_at } : {}),
    }));
  }

  /** The known problems seen, for the filter's choices. */
  knownProblems(): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT known_problem AS id FROM ticket_summaries WHERE known_problem IS NOT NULL ORDER BY id LIMIT 200')
      .all() as { id: string }[];
    return rows.map((row) => row.id);
  }
}

function summaryOf(row: Row): TicketSummary {
  const firstLine = (row.description.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
  return {
    id: row.ticket_id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    ...(row.platform ? { platform: row.platform } : {}),
    locale: row.locale,
    email: row.email,
    ...(row.draw_id ? { drawId: row.draw_id } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.known_problem ? { knownProblem: row.known_problem } : {}),
    firstLine: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    dueAt: row.due_at,
    clockStartsAt: row.clock_starts_at,
    mode: row.mode,
    ...(row.first_reply_at ? { firstReplyAt: row.first_reply_at } : {}),
    screenshots: row.screenshots,
    entries: row.entries,
  };
}

/** The cursor is opaque to clients: base64url of the last row's sort key. */
function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): (string | number)[] {
  let key: unknown;
  try {
    key = cursor.length <= 400 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new BadCursor('The cursor is not one this list gave');
  }
  return key as (string | number)[];
}
