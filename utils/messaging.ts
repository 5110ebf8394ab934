/**
 * The one typed messaging protocol of the extension. Data flows one way:
 * page (hook) → content script → worker/popup → API. Everything that comes from the
 * content script is page-controlled data and is validated by its receiver.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

/** What the content script of a tab knows about its page. */
export interface PageSnapshot {
  url: string;
  title: string;
  /** Raw draw context from the page; validated with DrawContextSchema by the receiver. */
  context: unknown;
  /** Raw diagnostics `{ entries, dropped }`; validated with DiagnosticsSchema by the receiver. */
  diagnostics: unknown;
  /** What only the page knows of the environment. */
  page: {
    viewport: { width: number; height: number };
    screen: { width: number; height: number };
    devicePixelRatio: number;
    online: boolean;
  };
}

/** A visible-area screenshot taken by the worker. */
export type CaptureResult =
  | { ok: true; dataUrl: string }
  | { ok: false; reason: 'not-visible' | 'no-permission' | 'failed'; detail?: string };

interface ProtocolMap {
  /** popup → content script of the diagnosed tab. */
  getPageSnapshot(): PageSnapshot;
  /** popup → worker: capture the visible area of the tab's window (the tab must be active). */
  captureVisible(data: { tabId: number }): CaptureResult;
  /** popup → worker: a ticket was added to the outbox, or the form opened: deliver what is queued. */
  flushOutbox(): void;
  /** popup → worker: the customer asked to try this ticket now (lifts the queue's backoff pause). */
  retryTicket(data: { key: string }): void;
  /** content script → worker: the number of errors its page logged (for the badge). */
  reportErrorCount(data: { count: number }): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
