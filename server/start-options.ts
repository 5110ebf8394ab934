/**
 * What the API starts with: the options of `startApi` (server/start.ts) and their defaults.
 * A file of its own so that the environment reader (server/config.ts) and the starter can both
 * import it without importing each other.
 */
import type { TrustProxy } from './http/client-address';
import type { RateLimitOptions } from './rate-limit';
import type { QuotaOptions } from './storage/quota';
import type { ScheduleSettings } from './schedule-settings';

/** The stable id of the dev/e2e builds (fixed by the manifest key). */
export const DEFAULT_ALLOWED_ORIGIN = 'chrome-extension://olkiigammefckhmfmlfmbpaejfekofon';

/** The default limit of ticket POSTs per client address. */
export const DEFAULT_RATE_LIMIT = { max: 30, windowMs: 60_000 } as const;

/** Options of `startApi`. */
export interface StartApiOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1: the reference server is for one machine. */
  host?: string;
  /** Holds support.sqlite (created if missing). */
  dataDir: string;
  /** Unset: the support routes are disabled (401) and the customer routes keep working. */
  supportToken?: string;
  /** Default: the dev/e2e extension id (as `npm run api`). Requests without Origin are always allowed. */
  allowedOrigins?: string[];
  /** Default 30 ticket POSTs per minute per address; `false` disables it. */
  rateLimit?: RateLimitOptions;
  now?: () => Date;
  /** Timezone written into the served schedule (SUPPORT_TIMEZONE). */
  timezone?: string;
  /** Weekly hours (SUPPORT_HOURS) and extra closed days (SUPPORT_CLOSED_DAYS). */
  week?: ScheduleSettings['week'];
  extraClosedDays?: string[];
  /** Total and per-address daily storage budgets (STORAGE_BUDGET_MB, ADDRESS_DAILY_MB). */
  quota?: QuotaOptions;
  /** Most request bytes received at once (INFLIGHT_MB); beyond, 503 + Retry-After. */
  inflightBytes?: number;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /** A request whose connection makes no progress for this long is cut (IDLE_TIMEOUT_S); default 30 s. */
  idleTimeoutMs?: number;
  /** Closed and spam tickets are deleted this many days after closing (RETENTION_DAYS); default 90. */
  retentionDays?: number;
  /** Where server faults are logged; default console.error. */
  log?: (message: string, error?: unknown) => void;
  /** Whether a handoff (mail or webhooks) runs beside this API: the inbox says so on a ticket's page. */
  handoffConfigured?: boolean;
}
