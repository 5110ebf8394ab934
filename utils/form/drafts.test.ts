import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DRAFT_MAX_AGE_MS,
  deleteDraft,
  draftUrl,
  entryFingerprint,
  findDraft,
  resetDraftsConnection,
  saveDraftFields,
  saveDraftScreenshots,
  type DraftFields,
  type DraftScreenshot,
} from './drafts';

const URL_A = 'https://osortoo.com/giveaways/8f3k2/results';
const URL_B = 'https://osortoo.com/giveaways/zz9/results';

const fields = (description: string): DraftFields => ({
  category: 'bug',
  description,
  email: 'marie@example.com',
  drawLink: '',
  pageOrUsername: '',
  leftOut: [],
});

function shot(id: string, bytes: number[], edits?: unknown[]): DraftScreenshot {
  const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
  return {
    id,
    blob,
    meta: { source: 'visible', type: 'image/png', width: 10, height: 10, bytes: bytes.length, edited: Boolean(edits) },
    original: blob,
    edits,
  };
}

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

beforeEach(() => {
  // A fresh, empty database for every test.
  globalThis.indexedDB = new IDBFactory();
  resetDraftsConnection();
});

describe('drafts', () => {
  it('restores the fields and the screenshots (bytes, edits, order) of the same tab', async () => {
    const place = { tabId: 7, url: URL_A, session: 's1' };
    await saveDraftFields('d1', place, { ...fields('Les commentaires ne chargent pas'), leftOut: ['console|1|x'] });
    await saveDraftScreenshots('d1', [shot('a', [1, 2, 3], [{ kind: 'blackout', x: 1, y: 1, width: 2, height: 2 }]), shot('b', [9])]);
    const draft = await findDraft(place);
    expect(draft?.id).toBe('d1');
    expect(draft?.fields.description).toBe('Les commentaires ne chargent pas');
    expect(draft?.fields.leftOut).toEqual(['console|1|x']);
    expect(draft?.screenshots?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(await bytesOf(draft!.screenshots![0]!.blob)).toEqual([1, 2, 3]);
    expect(draft!.screenshots![0]!.edits).toEqual([{ kind: 'blackout', x: 1, y: 1, width: 2, height: 2 }]);
  });

  it('tells a draft whose screenshots were never saved from one whose screenshots were all removed', async () => {
    const place = { tabId: 1, url: URL_A, session: 's1' };
    await saveDraftFields('d1', place, fields('text only'));
    expect((await findDraft(place))?.screenshots).toBeUndefined();
    await saveDraftScreenshots('d1', []);
    expect((await findDraft(place))?.screenshots).toEqual([]);
  });

  it('typing after the screenshots were saved keeps them', async () => {
    const place = { tabId: 1, url: URL_A, session: 's1' };
    await saveDraftFields('d1', place, fields('a'));
    await saveDraftScreenshots('d1', [shot('a', [5])]);
    await saveDraftFields('d1', place, fields('ab'));
    const draft = await findDraft(place);
    expect(draft?.fields.description).toBe('ab');
    expect(draft?.screenshots).toHaveLength(1);
  });

  it('finds the draft after a browser restart by the page URL, though the tab id changed', async () => {
    await saveDraftFields('d1', { tabId: 7, url: `${URL_A}#winners`, session: 'before' }, fields('avant le redémarrage'));
    const draft = await findDraft({ tabId: 3, url: URL_A, session: 'after' });
    expect(draft?.fields.description).toBe('avant le redémarrage');
  });

  it("keeps no token of the tab's address on disk, and still finds the draft by that address", async () => {
    const withToken = `${URL_A}?tab=winners&access_token=EAAGm0PX4ZCpsBAdraftSecret0987654321`;
    await saveDraftFields('d1', { tabId: 7, url: withToken, session: 'before' }, fields('avec un jeton'));
    const draft = await findDraft({ tabId: 3, url: withToken, session: 'after' });
    expect(draft?.fields.description).toBe('avec un jeton');
    // The stored record's URL, as findDraft reads it back from IndexedDB.
    expect(draft?.place.url).toBe(`${URL_A}?tab=winners&access_token=[removed: access_token]`);
  });

  it('does not give a reused tab id the draft of another page from an earlier session', async () => {
    await saveDraftFields('d1', { tabId: 7, url: URL_A, session: 'before' }, fields('draw A'));
    expect(await findDraft({ tabId: 7, url: URL_B, session: 'after' })).toBeUndefined();
  });

  it('follows the tab within a session when its page changed', async () => {
    await saveDraftFields('d1', { tabId: 7, url: URL_A, session: 's1' }, fields('same tab'));
    expect((await findDraft({ tabId: 7, url: URL_B, session: 's1' }))?.id).toBe('d1');
    // Another tab of the same session on the same page does not take it over.
    expect(await findDraft({ tabId: 8, url: URL_A, session: 's1' })).toBeUndefined();
  });

  it('prefers the most recent draft when several match the URL', async () => {
    await saveDraftFields('old', { tabId: 1, url: URL_A, session: 'x' }, fields('old'), 1_000);
    await saveDraftFields('new', { tabId: 2, url: URL_A, session: 'y' }, fields('new'), 2_000);
    expect((await findDraft({ tabId: 9, url: URL_A, session: 'z' }, 3_000))?.id).toBe('new');
  });

  it('is gone once deleted, screenshots included, and other drafts stay', async () => {
    await saveDraftFields('d1', { tabId: 1, url: URL_A, session: 's' }, fields('one'));
    await saveDraftScreenshots('d1', [shot('a', [1])]);
    await saveDraftFields('d2', { tabId: 2, url: URL_B, session: 's' }, fields('two'));
    await deleteDraft('d1');
    expect(await findDraft({ tabId: 1, url: URL_A, session: 's' })).toBeUndefined();
    expect((await findDraft({ tabId: 2, url: URL_B, session: 's' }))?.fields.description).toBe('two');
    // A new draft with the same id does not inherit the deleted one's screenshots.
    await saveDraftFields('d1', { tabId: 1, url: URL_A, session: 's' }, fields('again'));
    expect((await findDraft({ tabId: 1, url: URL_A, session: 's' }))?.screenshots).toBeUndefined();
  });

  it('forgets drafts older than the maximum age', async () => {
    await saveDraftFields('d1', { tabId: 1, url: URL_A, session: 's' }, fields('old'), 0);
    expect(await findDraft({ tabId: 1, url: URL_A, session: 's' }, DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(await findDraft({ tabId: 1, url: URL_A, session: 's' }, 0)).toBeUndefined();
  });
});

describe('keys', () => {
  it('drops the fragment of the URL and fingerprints entries by kind, time and message', () => {
    expect(draftUrl(`${URL_A}#x`)).toBe(URL_A);
    expect(draftUrl(undefined)).toBe('');
    expect(entryFingerprint({ kind: 'console', t: 12.4, message: 'boom' })).toBe('console|12|boom');
    expect(entryFingerprint({ kind: 'console', t: 12.4, message: 'boom' })).not.toBe(
      entryFingerprint({ kind: 'console', t: 13, message: 'boom' }),
    );
  });
});
