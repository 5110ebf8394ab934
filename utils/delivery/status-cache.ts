/**
 * The last good live status of support, kept in extension storage so that the form has a
 * recent answer at once, and one when the API is down (utils/delivery/support-status.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { SupportStatus } from '../contract/schemas';
import { parseSupportStatus } from './usable-status';

/**
 * A cached status older than this is not trusted any more: its closed days (the API lists about
 * two months ahead) and its mode say too little about today, so the built-in schedule is used.
 */
export const CACHE_MAX_AGE_MS = 14 * 24 * 3_600_000;

interface CachedSupportStatus {
  status: SupportStatus;
  /** Our clock when it was fetched (not the server's updatedAt, which is when support edited it). */
  fetchedAt: string;
}

/** The last good live status. Version 1; bump with a migration if the stored shape changes. */
export const supportStatusItem = storage.defineItem<CachedSupportStatus | null>('local:supportStatus', {
  fallback: null,
  version: 1,
});

/** The cached status if it is usable and recent enough at `now`. Never throws. */
export async function readCachedStatus(now: Date): Promise<SupportStatus | undefined> {
  try {
    const cached = await supportStatusItem.getValue();
    if (!cached || typeof cached !== 'object') return undefined;
    const fetchedAt = Date.parse(cached.fetchedAt);
    if (!Number.isFinite(fetchedAt) || now.getTime() - fetchedAt > CACHE_MAX_AGE_MS) return undefined;
    return parseSupportStatus(cached.status);
  } catch {
    // Storage unavailable or corrupt: the built-in status is still a correct answer.
    return undefined;
  }
}

/** Keeps a live status, fetched at `now`. Never throws. */
export async function cacheStatus(status: SupportStatus, now: Date): Promise<void> {
  try {
    await supportStatusItem.setValue({ status, fetchedAt: now.toISOString() });
  } catch {
    // Not being able to cache it does not make the live status less live.
  }
}
