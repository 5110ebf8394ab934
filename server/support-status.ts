import { createHash } from 'node:crypto';
import type { SupportStatus } from '../utils/contract/schemas';
import { defaultSchedule } from '../utils/response-time/schedule';
import type { StoredStatus } from './db';
import { applyScheduleSettings, type ScheduleSettings } from './schedule-settings';

/** How far ahead the served schedule lists closed days (about two months). */
const SCHEDULE_DAYS = 60;

/**
 * The status answered on GET /v1/status: the mode support set, plus the schedule from today
 * on: the built-in one with the API's settings (SUPPORT_TIMEZONE, SUPPORT_HOURS,
 * SUPPORT_CLOSED_DAYS) applied.
 */
export function buildSupportStatus(stored: StoredStatus, now: Date, settings?: ScheduleSettings): SupportStatus {
  // A day of slack: whatever the support timezone, yesterday is past there too.
  const fromDay = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  return { ...stored, schedule: applyScheduleSettings(defaultSchedule(now, SCHEDULE_DAYS), settings, fromDay) };
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
