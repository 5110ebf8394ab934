/**
 * What the form shows first: the tab's diagnosis and the draft the customer may have left for
 * it. Both are asked for as soon as the popup's first script runs (entrypoints/popup/main.tsx),
 * while React loads, and handed to the form when it mounts (components/form/use-ticket-draft.ts):
 * looking up the draft (the tab, the session, an IndexedDB read) took ~60 ms once the form had
 * mounted.
 */
import { browser } from 'wxt/browser';
import { diagnoseTab, type Captured } from '../diagnosis/diagnose';
import { earlyTabId } from '../diagnosis/diagnose-early';
import { draftUrl, findDraft, type Draft, type DraftPlace, type DraftScreenshot } from './drafts';

/** storage.session key of this browser session's id: drafts trust tab ids only within it. */
const SESSION_KEY = 'draftSession';

/** This browser session's id (storage.session is emptied when the browser quits). */
async function sessionId(): Promise<string | undefined> {
  try {
    const stored = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
    if (typeof stored === 'string') return stored;
    const fresh = crypto.randomUUID();
    await browser.storage.session.set({ [SESSION_KEY]: fresh });
    return fresh;
  } catch {
    return undefined;
  }
}

/** Where the form is open, for drafts: the tab, its page URL and the browser session. */
export async function placeOf(tabId: number | undefined): Promise<DraftPlace> {
  const [tab, session] = await Promise.all([tabId === undefined ? undefined : browser.tabs.get(tabId).catch(() => undefined), sessionId()]);
  return { tabId, url: draftUrl(tab?.url), session };
}

export interface FormStart<S extends DraftScreenshot = DraftScreenshot> {
  captured: Captured;
  place: DraftPlace;
  draft?: Draft<S>;
}

async function gather<S extends DraftScreenshot>(tabId: number | undefined): Promise<FormStart<S>> {
  const place = placeOf(tabId);
  const draft = place.then((where) => findDraft<S>(where)).catch(() => undefined);
  const [captured, where, found] = await Promise.all([diagnoseTab(tabId), place, draft]);
  return { captured, place: where, draft: found };
}

let early: Promise<FormStart> | undefined;
let formAsked = false;

/** Starts gathering for the tab the popup opened on; does nothing once the form has asked. */
export function startForm(): void {
  if (!formAsked) early = earlyTabId().then((tabId) => gather(tabId));
}

/** What the form about `tabId` starts with: the early gathering when it is about that tab, once; else a new one. */
export async function formStart<S extends DraftScreenshot>(tabId: number | undefined): Promise<FormStart<S>> {
  formAsked = true;
  const pending = early;
  early = undefined;
  const started = await pending;
  return started && started.captured.tabId === tabId ? (started as FormStart<S>) : gather<S>(tabId);
}
