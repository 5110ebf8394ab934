/**
 * Where the form gets support's status (mode, message, schedule): live from the API when it
 * answers within a few seconds, otherwise the last good one kept in extension storage, otherwise
 * the built-in schedule. The form never waits on the network: {@link peekSupportStatus} answers
 * from storage at once, and the live status replaces it when it arrives.
 */
import { storage } from 'wxt/utils/storage';
import { STATUS_REFRESH_MS } from '../extension/build-env';
import { SupportStatusSchema, type SupportStatus } from '../contract/schemas';
import type { StatusSource } from '../response-time/promise';
import { builtinStatus } from '../response-time/schedule';
import { isValidTimeZone } from '../response-time/zoned-time';

export interface LoadedSupportStatus {
  status: SupportStatus;
  source: StatusSource;
}

export interface StatusClientDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Give up on the API after this long; tests shorten it. */
  timeoutMs?: number;
}

/** Short, because the customer is looking at the form meanwhile; the cache covers a slow API. */
export const STATUS_TIMEOUT_MS = 3_000;
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

function parseStatus(value: unknown): SupportStatus | undefined {
  const parsed = SupportStatusSchema.safeParse(value);
  // An unknown timezone would make every computation throw; treat it like any other garbage.
  if (!parsed.success || !isValidTimeZone(parsed.data.schedule.timezone)) return undefined;
  return parsed.data;
}

async function readCache(now: Date): Promise<SupportStatus | undefined> {
  try {
    const cached = await supportStatusItem.getValue();
    if (!cached || typeof cached !== 'object') return undefined;
    const fetchedAt = Date.parse(cached.fetchedAt);
    if (!Number.isFinite(fetchedAt) || now.getTime() - fetchedAt > CACHE_MAX_AGE_MS) return undefined;
    return parseStatus(cached.status);
  } catch {
    // Storage unavailable or corrupt: the built-in status is still a correct answer.
    return undefined;
  }
}

/**
 * The status to show right now without touching the network: the cached one (source 'cached')
 * or the built-in one (source 'builtin').
 */
export async function peekSupportStatus(deps: Pick<StatusClientDeps, 'now'> = {}): Promise<LoadedSupportStatus> {
  const now = (deps.now ?? (() => new Date()))();
  const cached = await readCache(now);
  return cached ? { status: cached, source: 'cached' } : { status: builtinStatus(now), source: 'builtin' };
}

/** GET `${apiBaseUrl}/v1/status`, validated; throws on timeout, HTTP error or invalid body. */
export async function fetchSupportStatus(apiBaseUrl: string, deps: StatusClientDeps = {}): Promise<SupportStatus> {
  const fetchImpl = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? STATUS_TIMEOUT_MS);
  try {
    // The signal also covers reading the body, so a server that stalls mid-answer times out too.
    const response = await fetchImpl(`${apiBaseUrl.replace(/\/+$/, '')}/v1/status`, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`GET /v1/status answered ${response.status}`);
    const status = parseStatus(await response.json());
    if (!status) throw new Error('GET /v1/status answered an invalid status');
    return status;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Support's status, live when the API answers within {@link STATUS_TIMEOUT_MS} with a valid
 * status (then kept in storage), else the cached one, else the built-in one. Never throws.
 */
export async function loadSupportStatus(apiBaseUrl: string, deps: StatusClientDeps = {}): Promise<LoadedSupportStatus> {
  const now = deps.now ?? (() => new Date());
  try {
    const status = await fetchSupportStatus(apiBaseUrl, deps);
    try {
      await supportStatusItem.setValue({ status, fetchedAt: now().toISOString() });
    } catch {
      // Not being able to cache it does not make the live status less live.
    }
    return { status, source: 'live' };
  } catch {
    return peekSupportStatus({ now });
  }
}

export interface WatchOptions extends StatusClientDeps {
  /** How often to ask the API again; a minute by default. */
  intervalMs?: number;
}


/**
 * Calls `onChange` with the peeked status at once, then with the loaded one, then again every
 * `intervalMs` whenever it changes. Returns a function that stops it (pending answers are then
 * ignored). Requests never overlap.
 */
export function watchSupportStatus(
  apiBaseUrl: string,
  onChange: (loaded: LoadedSupportStatus) => void,
  { intervalMs = STATUS_REFRESH_MS, ...deps }: WatchOptions = {},
): () => void {
  let stopped = false;
  let loadedOnce = false;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (loaded: LoadedSupportStatus) => {
    // The built-in status is re-stamped on every call; compare without the stamp.
    const key = JSON.stringify([loaded.source, { ...loaded.status, updatedAt: loaded.source === 'builtin' ? '' : loaded.status.updatedAt }]);
    if (stopped || key === last) return;
    last = key;
    onChange(loaded);
  };

  void peekSupportStatus(deps).then((peeked) => {
    if (!loadedOnce) emit(peeked);
  });

  const tick = async () => {
    const loaded = await loadSupportStatus(apiBaseUrl, deps);
    loadedOnce = true;
    emit(loaded);
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  void tick();

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
