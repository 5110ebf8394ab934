/**
 * Where the form gets support's status (mode, message, schedule): live from the API when it
 * answers within a few seconds, otherwise the last good one kept in extension storage, otherwise
 * the built-in schedule. The form never waits on the network: {@link peekSupportStatus} answers
 * from storage at once, and the live status replaces it when it arrives.
 */
import { STATUS_REFRESH_MS } from '../extension/build-env';
import type { SupportStatus } from '../contract/schemas';
import type { StatusSource } from '../response-time/promise';
import { builtinStatus } from '../response-time/schedule';
import { cacheStatus, readCachedStatus } from './status-cache';
import { parseSupportStatus } from './usable-status';
import { watchLoaded } from './watch-loaded';

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
 * The status to show right now without touching the network: the cached one (source 'cached')
 * or the built-in one (source 'builtin').
 */
export async function peekSupportStatus(deps: Pick<StatusClientDeps, 'now'> = {}): Promise<LoadedSupportStatus> {
  const now = (deps.now ?? (() => new Date()))();
  const cached = await readCachedStatus(now);
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
    const status = parseSupportStatus(await response.json());
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
    await cacheStatus(status, now());
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
  return watchLoaded(onChange, {
    peek: () => peekSupportStatus(deps),
    load: () => loadSupportStatus(apiBaseUrl, deps),
    intervalMs,
    // The built-in status is re-stamped on every call; compare without the stamp.
    keyOf: (loaded) =>
      JSON.stringify([loaded.source, { ...loaded.status, updatedAt: loaded.source === 'builtin' ? '' : loaded.status.updatedAt }]),
  });
}
