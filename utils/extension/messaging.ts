/**
 * The one typed messaging protocol of the extension. Data flows one way:
 * page (hook) → content script → worker/popup → API. Everything that comes from the
 * content script is page-controlled data and is validated by its receiver (the worker, with
 * utils/diagnosis/page-answers.ts). This module owns every shape its messages carry and
 * imports nothing of ours but the contract, so that any room may speak the protocol.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Diagnostics, DrawContext, ImageType } from '../contract/schemas';

/**
 * What the content script of a tab knows about its page: raw, not scrubbed. The worker scrubs
 * every text in it before anything else reads it (utils/diagnosis/scrub-page-answers.ts), so the
 * scrubber's cost is never paid in the customer's tab.
 */
export interface PageSnapshot {
  /** Raw draw context from the page; scrubbed, then validated with DrawContextSchema by the receiver. */
  context: unknown;
  /** Raw diagnostics `{ entries, dropped }`; scrubbed, then validated with DiagnosticsSchema by the receiver. */
  diagnostics: unknown;
  /** What only the page knows of the environment. */
  page: PageMeasurements;
}

/**
 * The longest a text in a page's snapshot may be: twice the contract's limit of its field. The
 * content script cuts there without scrubbing (utils/page/raw-cut.ts), generously, since scrubbing
 * shortens a text by the secrets it replaces with markers; the worker scrubs, then cuts to the
 * limit itself, and takes a longer text for one our content script did not send. It bounds what a
 * hostile page can push through messaging (a 300 KB URL arrives as 4 KB).
 */
export const rawTextBound = (limit: number): number => 2 * limit;

/** The page's own measurements, for the ticket's environment (the form's window is not the page's). */
export interface PageMeasurements {
  viewport: { width: number; height: number };
  screen: { width: number; height: number };
  devicePixelRatio: number;
  online: boolean;
}

/** A visible-area screenshot taken by the worker. */
export type CaptureResult =
  | { ok: true; dataUrl: string }
  | { ok: false; reason: 'not-visible' | 'no-permission' | 'failed'; detail?: string };

/** The validated part of a page's snapshot (validatePageAnswers in utils/diagnosis/page-answers.ts). */
export interface PageAnswers {
  /** False when the tab is not an Osortoo page (no content script answered, or the rules say no). */
  onOsortooPage: boolean;
  context: DrawContext;
  diagnostics: Diagnostics;
  /** The page's viewport, screen, pixel ratio and online state; absent when it did not answer. */
  page?: PageMeasurements;
}

/**
 * What a tab that did not answer, or is not an Osortoo page, contributes. Here rather than with
 * the validation: the popup's first script (utils/diagnosis/diagnose-early.ts) needs it without
 * loading the contract's schemas.
 */
export const NO_PAGE: PageAnswers = {
  onOsortooPage: false,
  context: { onOsortooPage: false, url: undefined },
  diagnostics: { entries: [], dropped: 0, leftOut: 0 },
};

/** What the worker collected from a tab for the form: the page's answers validated, the screenshot under its size cap. */
export interface CollectedTab extends PageAnswers {
  /** When the worker started collecting (epoch ms): at the toolbar click, or when the form asked. */
  startedAt: number;
  screenshot: { ok: true; dataUrl: string; type: ImageType; width: number; height: number } | { ok: false; reason: string };
}

interface ProtocolMap {
  /** worker → content script of the diagnosed tab (top frame), for the form. */
  getPageSnapshot(): PageSnapshot;
  /**
   * popup → worker: the tab's screenshot and page snapshot, collected since the toolbar click
   * when the form was opened by it (the tab must be the active one of its window).
   */
  collectTab(data: { tabId: number }): CollectedTab;
  /** popup → worker: a ticket was added to the outbox, or the form opened: deliver what is queued. */
  flushOutbox(): void;
  /** popup → worker: the customer asked to try this ticket now (lifts the queue's backoff pause). */
  retryTicket(data: { key: string }): void;
  /** content script → worker: the number of errors its page logged (for the badge). */
  reportErrorCount(data: { count: number }): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
