/**
 * Where the form gets support's catalogue of known problems: the cached copy or the one the
 * extension bundles (utils/known-problems/seed.ts) at once, then the API's
 * (`GET /v1/known-problems`, revalidated with its ETag) when it answers, refreshed while the
 * form is open like the support status. Also "That solved it": `POST /v1/deflections`.
 */
import { SEED_CATALOGUE } from '../known-problems/seed';
import { CatalogueSchema, type Catalogue } from '../known-problems/schema';
import { cacheCatalogue, readCachedCatalogue } from './known-problems-cache';
import { watchLoaded } from './watch-loaded';

export interface LoadedCatalogue {
  catalogue: Catalogue;
  source: 'live' | 'cached' | 'bundled';
}

export interface CatalogueClientDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

const TIMEOUT_MS = 3_000;
const base = (apiUrl: string) => apiUrl.replace(/\/+$/, '');

/** The catalogue to use right now without the network: the cached one, else the bundled one. */
export async function peekCatalogue(): Promise<LoadedCatalogue> {
  const cached = await readCachedCatalogue();
  return cached ? { catalogue: cached.catalogue, source: 'cached' } : { catalogue: SEED_CATALOGUE, source: 'bundled' };
}

/** The API's catalogue (then cached), else {@link peekCatalogue}. Never throws. */
export async function loadCatalogue(apiUrl: string, deps: CatalogueClientDeps = {}): Promise<LoadedCatalogue> {
  const fetchImpl = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cached = await readCachedCatalogue();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    const response = await fetchImpl(`${base(apiUrl)}/v1/known-problems`, { signal: controller.signal, headers, cache: 'no-cache' });
    if (response.status === 304 && cached) return { catalogue: cached.catalogue, source: 'live' };
    if (!response.ok) throw new Error(`GET /v1/known-problems answered ${response.status}`);
    const parsed = CatalogueSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error('GET /v1/known-problems answered an invalid catalogue');
    await cacheCatalogue(parsed.data, response.headers.get('etag') ?? undefined, (deps.now ?? (() => new Date()))());
    return { catalogue: parsed.data, source: 'live' };
  } catch {
    return cached ? { catalogue: cached.catalogue, source: 'cached' } : { catalogue: SEED_CATALOGUE, source: 'bundled' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The catalogue for an open form: {@link peekCatalogue} at once, then {@link loadCatalogue} every
 * `intervalMs`, calling `onChange` only when the catalogue or its source changes (utils/delivery/watch-loaded.ts).
 */
export function watchCatalogue(
  apiUrl: string,
  onChange: (loaded: LoadedCatalogue) => void,
  { intervalMs, ...deps }: CatalogueClientDeps & { intervalMs: number },
): () => void {
  return watchLoaded(onChange, {
    peek: peekCatalogue,
    load: () => loadCatalogue(apiUrl, deps),
    intervalMs,
    keyOf: (loaded) => JSON.stringify([loaded.source, loaded.catalogue]),
  });
}

/**
 * "That solved it": one anonymous count for `problemId` (no ticket, no address, no content).
 * Resolves true when the API counted it; never throws (the customer's problem is solved either way).
 */
export async function sendDeflection(apiUrl: string, problemId: string, deps: Pick<CatalogueClientDeps, 'fetch'> = {}): Promise<boolean> {
  const fetchImpl = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  try {
    const response = await fetchImpl(`${base(apiUrl)}/v1/deflections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ problemId }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
