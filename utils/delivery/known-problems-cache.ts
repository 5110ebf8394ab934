/**
 * The last catalogue of known problems the API served, kept in extension storage with its ETag,
 * so the form matches against support's latest copy at once, offline too, and asks the API
 * only "has it changed?" (utils/delivery/known-problems-client.ts). The same pattern as the
 * support status (utils/delivery/status-cache.ts).
 */
import { storage } from 'wxt/utils/storage';
import { CatalogueSchema, type Catalogue } from '../known-problems/schema';

interface CachedCatalogue {
  catalogue: Catalogue;
  etag?: string;
  /** Our clock when it was fetched. */
  fetchedAt: string;
}

/** The last good catalogue. Version 1; bump with a migration if the stored shape changes. */
export const knownProblemsItem = storage.defineItem<CachedCatalogue | null>('local:knownProblems', {
  fallback: null,
  version: 1,
});

/** The cached catalogue (validated again: storage is not trusted blindly) and its ETag. Never throws. */
export async function readCachedCatalogue(): Promise<{ catalogue: Catalogue; etag?: string } | undefined> {
  try {
    const cached = await knownProblemsItem.getValue();
    if (!cached || typeof cached !== 'object') return undefined;
    const parsed = CatalogueSchema.safeParse(cached.catalogue);
    return parsed.success ? { catalogue: parsed.data, etag: typeof cached.etag === 'string' ? cached.etag : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a catalogue the API served. Never throws. */
export async function cacheCatalogue(catalogue: Catalogue, etag: string | undefined, now: Date): Promise<void> {
  try {
    await knownProblemsItem.setValue({ catalogue, etag, fetchedAt: now.toISOString() });
  } catch {
    // The bundled copy still answers.
  }
}
