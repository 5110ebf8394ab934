/**
 * Drafts of the ticket form, saved as the customer types, so that a toolbar popup that closes
 * (it does on every click outside it), or a browser that restarts, loses nothing.
 *
 * IndexedDB rather than storage: screenshots are blobs (and their originals, to redo edits).
 * A database of its own, so its versions never collide with the outbox's (utils/delivery/outbox.ts).
 *
 * Where a draft is found again: a draft remembers the tab it was written on, the page's URL
 * and the browser session. Tab ids are reused after a restart, so a tab id alone is trusted only
 * within the same session; across sessions the page URL finds it. In order:
 *  1. same tab, same URL, same session — the popup reopened;
 *  2. same tab, same session — the tab moved on (e.g. another results page of the same draw);
 *  3. same URL, from another session — the browser was restarted (tab ids changed).
 * Text fields and screenshots are written separately: typing rewrites a few hundred bytes, not
 * the screenshots. The form restores and saves its draft in components/form/use-ticket-draft.ts.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Category, ScreenshotMeta } from '../contract/schemas';
import { scrubUrl } from '../contract/scrub';

/** A screenshot as the form holds it (structurally FormScreenshot, utils/screenshots/screenshot-list.ts). */
export interface DraftScreenshot {
  id: string;
  blob: Blob;
  meta: Omit<ScreenshotMeta, 'index'>;
  original?: Blob;
  /** The panel's edit operations (plain data), so undo/redo survive a reopen. */
  edits?: readonly unknown[];
}

/** What the customer typed or chose. */
export interface DraftFields {
  category: Category;
  description: string;
  email: string;
  drawLink: string;
  pageOrUsername: string;
  /** Fingerprints (entryFingerprint) of the diagnostic entries the customer left out. */
  leftOut: string[];
  /** The known problem the captured data matched (components/known-problems/), sent with the ticket. */
  knownProblem?: { id: string; matched: string };
}

/** Where the form is open. */
export interface DraftPlace {
  tabId: number | undefined;
  /** The tab's page URL (draftUrl: without its fragment, scrubbed); '' when unknown. */
  url: string;
  /** Identifies the browser session (storage.session); undefined when unavailable. */
  session?: string;
}

export interface Draft<S extends DraftScreenshot = DraftScreenshot> {
  id: string;
  place: DraftPlace;
  fields: DraftFields;
  /** undefined until the form saved its screenshots: the form then uses a fresh capture. */
  screenshots?: S[];
  updatedAt: number;
}

interface DraftRecord {
  id: string;
  tabId: number | undefined;
  url: string;
  session?: string;
  fields: DraftFields;
  screenshotsSaved: boolean;
  updatedAt: number;
}

interface ShotRecord {
  /** `${draftId}/${position}` */
  key: string;
  draftId: string;
  position: number;
  shot: DraftScreenshot;
}

interface DraftDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { url: string } };
  shots: { key: string; value: ShotRecord; indexes: { draftId: string } };
}

const DB_NAME = 'osortoo-support-drafts';
/** Drafts not touched for this long are forgotten (the problem is long solved or gone). */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

let dbPromise: Promise<IDBPDatabase<DraftDb>> | undefined;

function db(): Promise<IDBPDatabase<DraftDb>> {
  dbPromise ??= openDB<DraftDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('drafts', { keyPath: 'id' }).createIndex('url', 'url');
      database.createObjectStore('shots', { keyPath: 'key' }).createIndex('draftId', 'draftId');
    },
  });
  return dbPromise;
}

/**
 * The URL drafts are keyed by: the fragment is dropped (it changes without changing the page),
 * and the rest is scrubbed, since a draft stays on disk for up to 30 days and the tab's address
 * can carry a token (`?access_token=…`). Scrubbing gives the same key for the same address, so
 * a draft is still found again.
 */
export function draftUrl(url: string | undefined): string {
  return scrubUrl((url ?? '').replace(/#.*$/, ''));
}

/** A stable identity for a diagnostic entry, so a left-out choice survives a reopen. */
export function entryFingerprint(entry: { kind: string; message: string; t: number }): string {
  return `${entry.kind}|${Math.round(entry.t)}|${entry.message.slice(0, 200)}`;
}

/** Finds the draft for a place (see the module comment for the order); prunes stale drafts. */
export async function findDraft<S extends DraftScreenshot = DraftScreenshot>(
  place: DraftPlace,
  now = Date.now(),
): Promise<Draft<S> | undefined> {
  const database = await db();
  const all = await database.getAll('drafts');
  const fresh: DraftRecord[] = [];
  for (const record of all) {
    if (now - record.updatedAt > DRAFT_MAX_AGE_MS) await deleteDraft(record.id);
    else fresh.push(record);
  }
  fresh.sort((a, b) => b.updatedAt - a.updatedAt);
  const sameSession = (r: DraftRecord) => place.session === undefined || r.session === place.session;
  const url = draftUrl(place.url);
  const found =
    fresh.find((r) => place.tabId !== undefined && r.tabId === place.tabId && r.url === url && sameSession(r)) ??
    fresh.find((r) => place.tabId !== undefined && r.tabId === place.tabId && place.session !== undefined && r.session === place.session) ??
    fresh.find((r) => url !== '' && r.url === url && (place.session === undefined || r.session !== place.session));
  if (!found) return undefined;
  let screenshots: S[] | undefined;
  if (found.screenshotsSaved) {
    const shots = await database.getAllFromIndex('shots', 'draftId', found.id);
    screenshots = shots.sort((a, b) => a.position - b.position).map((s) => s.shot as S);
  }
  return {
    id: found.id,
    place: { tabId: found.tabId, url: found.url, session: found.session },
    fields: found.fields,
    screenshots,
    updatedAt: found.updatedAt,
  };
}

/** Saves the draft's fields (creating the draft), and moves it to the current place. */
export async function saveDraftFields(id: string, place: DraftPlace, fields: DraftFields, now = Date.now()): Promise<void> {
  const database = await db();
  const tx = database.transaction('drafts', 'readwrite');
  const existing = await tx.store.get(id);
  await tx.store.put({
    id,
    tabId: place.tabId,
    url: draftUrl(place.url),
    session: place.session,
    fields: { ...fields, leftOut: [...fields.leftOut] },
    screenshotsSaved: existing?.screenshotsSaved ?? false,
    updatedAt: now,
  });
  await tx.done;
}

/**
 * Replaces the draft's screenshots (in order). Called only when the list or an image changes,
 * so typing never rewrites blobs. The draft's fields must have been saved first.
 */
export async function saveDraftScreenshots(id: string, screenshots: readonly DraftScreenshot[], now = Date.now()): Promise<void> {
  const database = await db();
  const tx = database.transaction(['drafts', 'shots'], 'readwrite');
  const shots = tx.objectStore('shots');
  for (const key of await shots.index('draftId').getAllKeys(id)) await shots.delete(key);
  for (const [position, shot] of screenshots.entries()) {
    // Only the plain data the panel needs: a copy, so a React state object is never cloned with extras.
    const stored: DraftScreenshot = { id: shot.id, blob: shot.blob, meta: { ...shot.meta } };
    if (shot.original) stored.original = shot.original;
    if (shot.edits) stored.edits = structuredClone(shot.edits);
    await shots.put({ key: `${id}/${position}`, draftId: id, position, shot: stored });
  }
  const drafts = tx.objectStore('drafts');
  const record = await drafts.get(id);
  if (record) await drafts.put({ ...record, screenshotsSaved: true, updatedAt: now });
  await tx.done;
}

/** Forgets a draft and its screenshots (its ticket is in the outbox, or the customer discarded it). */
export async function deleteDraft(id: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['drafts', 'shots'], 'readwrite');
  const shots = tx.objectStore('shots');
  for (const key of await shots.index('draftId').getAllKeys(id)) await shots.delete(key);
  await tx.objectStore('drafts').delete(id);
  await tx.done;
}

/** For tests: forget the cached connection (e.g. after fake-indexeddb is reset). */
export function resetDraftsConnection(): void {
  dbPromise = undefined;
}
