import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDraftsConnection, saveDraftFields } from './drafts';
import type { Captured } from '../diagnosis/diagnose';

// The diagnosis needs the worker and a real tab (tests/e2e covers it); here it only says which tab.
vi.mock('../diagnosis/diagnose', () => ({ diagnoseTab: vi.fn(async (tabId: number | undefined) => ({ tabId }) as Captured) }));
let openedOn: number | undefined = 7;
vi.mock('../diagnosis/diagnose-early', () => ({ earlyTabId: async () => openedOn }));
const { diagnoseTab } = await import('../diagnosis/diagnose');

const URL_A = 'https://osortoo.com/giveaways/8f3k2/results';

/** A fresh module (its "early" state), database and browser for each test. */
async function freshModule() {
  vi.resetModules();
  return import('./form-start');
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetDraftsConnection();
  fakeBrowser.reset();
  vi.mocked(diagnoseTab).mockClear();
  openedOn = 7;
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
    async (id) =>
      ({ id, url: `${URL_A}#comments`, index: 0, active: true, highlighted: true, pinned: false, incognito: false, windowId: 1 }) as never,
  );
});

describe("formStart: the form's first data, gathered as the popup opens", () => {
  it('hands the early gathering to the form about the same tab, once; a new ticket gathers again', async () => {
    const { startForm, formStart } = await freshModule();
    startForm();
    const first = await formStart(7);
    expect(first.captured.tabId).toBe(7);
    expect(diagnoseTab).toHaveBeenCalledTimes(1);
    await formStart(7);
    expect(diagnoseTab).toHaveBeenCalledTimes(2);
  });

  it('gathers anew for another tab, and starts nothing once the form has asked', async () => {
    const { startForm, formStart } = await freshModule();
    startForm();
    expect((await formStart(9)).captured.tabId).toBe(9);
    expect(vi.mocked(diagnoseTab).mock.calls.map(([id]) => id)).toEqual([7, 9]);
    startForm();
    expect(diagnoseTab).toHaveBeenCalledTimes(2);
  });

  it('finds the draft left for the tab in this browser session, and the place to save the next one', async () => {
    const { startForm, formStart, placeOf } = await freshModule();
    const place = await placeOf(7);
    expect(place).toMatchObject({ tabId: 7, url: URL_A });
    expect(place.session).toMatch(/^[0-9a-f-]{36}$/);
    await saveDraftFields('d1', place, {
      category: 'bug',
      description: 'Les commentaires ne chargent pas',
      email: '',
      drawLink: '',
      pageOrUsername: '',
      leftOut: [],
    });
    startForm();
    const { draft, place: where } = await formStart(7);
    expect(draft?.fields.description).toBe('Les commentaires ne chargent pas');
    expect(where).toEqual(place);
  });

  it('opens a general ticket, without a draft, when the popup has no tab', async () => {
    openedOn = undefined;
    const { startForm, formStart } = await freshModule();
    startForm();
    expect(await formStart(undefined)).toMatchObject({
      captured: { tabId: undefined },
      place: { tabId: undefined, url: '' },
      draft: undefined,
    });
  });
});
