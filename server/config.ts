import { isKnownTimezone } from './support-status';
import { parseClosedDays, parseSupportHours } from './schedule-settings';
import { DEFAULT_ALLOWED_ORIGIN, type StartApiOptions } from './start-options';
import { parseTrustProxy } from './http/client-address';
import { DEFAULT_IDLE_TIMEOUT_MS } from './http/idle-timeout';
import { DEFAULT_RETENTION_DAYS } from './retention';
import { DEFAULT_INFLIGHT_BYTES } from './http/inflight';
import { DEFAULT_QUOTA } from './storage/quota';

const MIB = 1024 * 1024;

/** What `npm run api` starts with, and what it should warn about. */
export interface EnvConfig {
  options: StartApiOptions & { port: number; host: string };
  warnings: string[];
}

/**
 * Reads the API's settings from the environment (PORT, HOST, DATA_DIR, SUPPORT_TOKEN,
 * ALLOWED_ORIGINS, RATE_LIMIT_PER_MIN, SUPPORT_TIMEZONE, SUPPORT_HOURS, SUPPORT_CLOSED_DAYS,
 * STORAGE_BUDGET_MB, ADDRESS_DAILY_MB, INFLIGHT_MB, TRUST_PROXY, IDLE_TIMEOUT_S, RETENTION_DAYS).
 * Pure, so it can be tested.
 * @throws Error with a readable message on a value that cannot be used.
 */
export function configFromEnv(env: Record<string, string | undefined>): EnvConfig {
  const warnings: string[] = [];
  const port = integer(env.PORT ?? '8787', 'PORT', 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = env.DATA_DIR?.trim() || '.data/';
  const supportToken = env.SUPPORT_TOKEN?.trim() || undefined;
  if (!supportToken) {
    warnings.push('SUPPORT_TOKEN is not set: the support routes (list, screenshots, PATCH, PUT /v1/status) are DISABLED and answer 401.');
  } else if (supportToken.length < 16) {
    warnings.push('SUPPORT_TOKEN is shorter than 16 characters: use a long random value.');
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? DEFAULT_ALLOWED_ORIGIN)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  const perMinute = integer(env.RATE_LIMIT_PER_MIN ?? '30', 'RATE_LIMIT_PER_MIN', 0, 1_000_000);
  const timezone = env.SUPPORT_TIMEZONE?.trim() || undefined;
  if (timezone && !isKnownTimezone(timezone)) throw new Error(`SUPPORT_TIMEZONE: unknown timezone "${timezone}"`);
  const week = env.SUPPORT_HOURS?.trim() ? parseSupportHours(env.SUPPORT_HOURS) : undefined;
  const extraClosedDays = env.SUPPORT_CLOSED_DAYS?.trim() ? parseClosedDays(env.SUPPORT_CLOSED_DAYS) : undefined;
  const totalMb = integer(env.STORAGE_BUDGET_MB ?? String(DEFAULT_QUOTA.totalBytes / MIB), 'STORAGE_BUDGET_MB', 1, 1e9);
  const addressMb = integer(env.ADDRESS_DAILY_MB ?? String(DEFAULT_QUOTA.addressDailyBytes / MIB), 'ADDRESS_DAILY_MB', 0, 1e9);
  const inflightMb = integer(env.INFLIGHT_MB ?? String(DEFAULT_INFLIGHT_BYTES / MIB), 'INFLIGHT_MB', 1, 1e6);
  const idleSeconds = integer(env.IDLE_TIMEOUT_S ?? String(DEFAULT_IDLE_TIMEOUT_MS / 1000), 'IDLE_TIMEOUT_S', 1, 3600);
  const retentionDays = integer(env.RETENTION_DAYS ?? String(DEFAULT_RETENTION_DAYS), 'RETENTION_DAYS', 1, 36500);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  return {
    options: {
      port,
      host,
      dataDir,
      supportToken,
      allowedOrigins,
      // 0 turns the limit off (load tests).
      rateLimit: perMinute === 0 ? false : { max: perMinute, windowMs: 60_000 },
      timezone,
      week,
      extraClosedDays,
      quota: { totalBytes: totalMb * MIB, addressDailyBytes: addressMb * MIB },
      inflightBytes: inflightMb * MIB,
      idleTimeoutMs: idleSeconds * 1000,
      retentionDays,
      trustProxy,
    },
    warnings,
  };
}

function integer(raw: string, name: string, min: number, max: number): number {
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
