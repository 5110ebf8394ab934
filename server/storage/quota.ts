/**
 * Storage budgets of the intake: a total for the database, and a daily byte budget per client
 * address, so that one address cannot fill the disk (issue: 746 MiB from one address in 8 s).
 * Over either: 507 with Retry-After and the JSON error shape; the extension keeps the ticket and
 * retries later. Per-address counts are in memory, like the rate limit: a restart forgets them,
 * which only errs on the side of the customer.
 */
import { ApiFailure } from '../errors';

export interface QuotaOptions {
  /** Most bytes the database may hold (tickets, screenshots, indexes); STORAGE_BUDGET_MB. */
  totalBytes: number;
  /** Most bytes one address may have stored per UTC day; ADDRESS_DAILY_MB. 0: no per-address limit. */
  addressDailyBytes: number;
}

export const DEFAULT_QUOTA: QuotaOptions = { totalBytes: 10 * 1024 ** 3, addressDailyBytes: 200 * 1024 ** 2 };

/** What a full store asks the client to wait: retention or support must free room first. */
export const STORAGE_FULL_RETRY_SECONDS = 1800;

const DAY_MS = 86_400_000;

/** A reservation taken before the body is read: settle it with what was stored (0 if nothing). */
export interface QuotaHold {
  settle(storedBytes: number): void;
}

export class StorageQuota {
  /** Per address: the UTC day (epoch day number), bytes stored that day, bytes reserved by requests in flight. */
  private readonly days = new Map<string, { day: number; stored: number; pending: number }>();

  constructor(
    private readonly options: QuotaOptions,
    /** Bytes the database holds now (pages in use × page size). */
    private readonly usedBytes: () => number,
    private readonly now: () => number,
  ) {}

  /**
   * Reserves `bytes` (the request's Content-Length, or the largest request when chunked) for
   * `address`, or refuses with 507. Reserving, not just checking, keeps concurrent requests of
   * one address from all passing the check at once.
   * @throws ApiFailure 507 storage_full or quota_exceeded, with Retry-After.
   */
  reserve(address: string, bytes: number): QuotaHold {
    if (this.usedBytes() + bytes > this.options.totalBytes) {
      throw new ApiFailure(507, 'storage_full', 'The support server is out of storage; retry later', undefined, {
        'Retry-After': String(STORAGE_FULL_RETRY_SECONDS),
      });
    }
    if (this.options.addressDailyBytes <= 0) return { settle: () => {} };
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    this.prune(day);
    let entry = this.days.get(address);
    if (!entry || entry.day !== day) {
      entry = { day, stored: 0, pending: 0 };
      this.days.set(address, entry);
    }
    // One request bigger than the whole budget would never pass: let an address with nothing
    // stored today send it, so a budget set below the maximum ticket size cannot block a customer.
    const alone = entry.stored === 0 && entry.pending === 0;
    if (!alone && entry.stored + entry.pending + bytes > this.options.addressDailyBytes) {
      const seconds = Math.max(1, Math.ceil(((day + 1) * DAY_MS - now) / 1000));
      throw new ApiFailure(507, 'quota_exceeded', `This address stored its daily budget; retry in ${seconds} s`, undefined, {
        'Retry-After': String(seconds),
      });
    }
    entry.pending += bytes;
    const held = entry;
    let settled = false;
    return {
      settle: (storedBytes) => {
        if (settled) return;
        settled = true;
        held.pending -= bytes;
        if (held.day === Math.floor(this.now() / DAY_MS)) held.stored += storedBytes;
      },
    };
  }

  /** Forgets past days now and then, so a stream of distinct addresses cannot grow the map forever. */
  private prune(today: number): void {
    if (this.days.size < 1000) return;
    for (const [key, entry] of this.days) {
      if (entry.day !== today && entry.pending === 0) this.days.delete(key);
    }
  }
}
