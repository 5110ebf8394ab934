/**
 * What every route module of the API receives: the options `createApp` was given, with the
 * logger and the event bus resolved once.
 */
import type { Category, ResponsePromise, SupportStatus } from '../utils/contract/schemas';
import type { SupportDb } from './db';
import type { TicketEventBus } from './events';
import type { TrustProxy } from './http/client-address';
import type { RateLimitOptions } from './rate-limit';
import type { QuotaOptions } from './storage/quota';
import type { TicketWriter } from './storage/ticket-writer';
import type { ScheduleSettings } from './schedule-settings';

/** Computes the response promise of a new ticket (utils/response-time/promise.ts). */
export type PromiseComputer = (input: {
  now: Date;
  status: SupportStatus;
  category: Category;
  statusSource: 'live' | 'cached' | 'builtin';
}) => ResponsePromise;

export type Log = (message: string, error?: unknown) => void;

/** Everything the app needs; `startApi` builds it from its options. */
export interface AppOptions {
  db: SupportDb;
  /** Unset: the support routes are disabled and answer 401. */
  supportToken?: string;
  /** Origins allowed to call the API from a browser (requests without Origin are always allowed). */
  allowedOrigins: string[];
  rateLimit: RateLimitOptions;
  /** Total and per-address daily storage budgets; default DEFAULT_QUOTA (server/storage/quota.ts). */
  quota?: QuotaOptions;
  /** Most request bytes the intake holds at once (INFLIGHT_MB); default DEFAULT_INFLIGHT_BYTES. */
  inflightBytes?: number;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  now: () => Date;
  /** The schedule's settings: timezone, weekly hours, extra closed days. */
  schedule?: ScheduleSettings;
  computePromise?: PromiseComputer;
  /** Where real server faults are logged. */
  log?: Log;
  /** Tests inject colliding references to prove the retry and the lengthening (inline writer only). */
  newReference?: (length: number) => string;
  /** Where tickets are written; default on the event loop (startApi gives its writer thread). */
  ticketWriter?: TicketWriter;
  /** Subscribers to ticket events (handoff, inbox); createApp makes one when absent. */
  events?: TicketEventBus;
  /** Whether a handoff runs beside the API (server/handoff/handoff.ts is started after the API). */
  handoffConfigured?: boolean;
}

export interface AppContext {
  options: AppOptions;
  db: SupportDb;
  now: () => Date;
  log: Log;
  events: TicketEventBus;
}
