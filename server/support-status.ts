import { createHash } from 'node:crypto';
import type { SupportStatus } from '../utils/contract';
import { defaultSchedule } from '../utils/support-schedule';
import type { StoredStatus } from './db';

/** How far ahead the served schedule lists closed days (about two months). */
const SCHEDULE_DAYS = 60;

/**
 * The status answered on GET /v1/status: the mode support set, plus the built-in schedule
 * from today on (optionally in another timezone, e.g. SUPPORT_TIMEZONE for a test team).
 */
export function buildSupportStatus(stored: StoredStatus, now: Date, timezone?: string): SupportStatus {
  const schedule = defaultSchedule(now, SCHEDULE_DAYS);
  return { ...stored, schedule: timezone ? { ...schedule, timezone } : schedule };
}

/** A strong ETag over the exact JSON served; it changes when the mode or the closed days do. */
export function statusEtag(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header matches the ETag (a list, `*`, or weak forms all count). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Whether `name` is an IANA timezone this runtime knows. */
export function isKnownTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
