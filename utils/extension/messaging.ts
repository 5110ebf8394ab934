/**
 * The one typed messaging protocol of the extension. Data flows one way:
 * page (hook) → content script → worker/popup → API. Everything that comes from the
 * content script is page-controlled data and is validated by its receiver.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageAnswers } from '../diagnosis/page-answers';
import type { ImageType as EncodedType } from '../contract/schemas';

/** What the content script of a tab knows about its page. */
export interface PageSnapshot {
  url: string;
  title: string;
  /** Raw draw context from the page; validated with DrawContextSchema by the receiver. */
  context: unknown;
  /** Raw diagnostics `{ entries, dropped }`; validated with DiagnosticsSchema by the receiver. */
  diagnostics: unknown;
  /** What only the page knows of the environment. */
  page: PageFacts;
}

/** The page's own measurements, for the ticket's environment (the form's window is not the page's). */
export interface PageFacts {
  viewport: { width: number; height: number };
  screen: { width: number; height: number };
  devicePixelRatio: number;
  online: boolean;
}

/** A visible-area screenshot taken by the worker. */
export type CaptureResult =
  | { ok: true; dataUrl: string }
  | { ok: false; reason: 'not-visible' | 'no-permission' | 'failed'; detail?: string };

/** What a tab that did not answer, or is not an Osortoo page, contributes. */
export const NO_PAGE: PageAnswers = { onOsortooPage: false, context: { onOsortooPage: false, url: undefined }, diagnostics: { entries: [], dropped: 0, leftOut: 0 } };

/** What the worker collected from a tab for the form: the page's answers validated, the screenshot under its size cap. */
export interface CollectedTab extends PageAnswers {
  /** When the worker started collecting (epoch ms): at the toolbar click, or when the form asked. */
  startedAt: number;
  screenshot: { ok: true; dataUrl: string; type: EncodedType; width: number; height: number } | { ok: false; reason: string };
}

interface ProtocolMap {
  /** popup → content script of the diagnosed tab. */
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
