/**
 * The form's screenshot list: adding within LIMITS.screenshots, removing, replacing an edited
 * one in place, and what the ticket carries. Pure: React holds the list, this says how it changes.
 */
import { LIMITS } from '../contract/limits';
import type { ScreenshotMeta } from '../contract/schemas';
import type { ScreenshotEdit } from './edit-geometry';

/** A screenshot as the form holds it until the ticket is sent. */
export interface FormScreenshot {
  /** Stable key (crypto.randomUUID()). */
  id: string;
  /** The bytes that will be sent (edits burned in). */
  blob: Blob;
  meta: Omit<ScreenshotMeta, 'index'>;
  /** The original capture, kept so edits can be redone/undone before sending. */
  original?: Blob;
  /** The edit operations applied to `original` (boxes, arrows, blackouts), so a draft can restore them. */
  edits?: ScreenshotEdit[];
}

/** Appends what fits under LIMITS.screenshots; `refused` counts those that did not fit. */
export function addScreenshots(
  list: readonly FormScreenshot[],
  incoming: readonly FormScreenshot[],
  max: number = LIMITS.screenshots,
): { next: FormScreenshot[]; refused: number } {
  const room = Math.max(0, max - list.length);
  return { next: [...list, ...incoming.slice(0, room)], refused: Math.max(0, incoming.length - room) };
}

/** The list without the screenshot `id` (unchanged if absent). */
export function removeScreenshot(list: readonly FormScreenshot[], id: string): FormScreenshot[] {
  return list.filter((shot) => shot.id !== id);
}

/** The list with `shot` in place of the one with the same id, keeping its position. */
export function replaceScreenshot(list: readonly FormScreenshot[], shot: FormScreenshot): FormScreenshot[] {
  return list.map((current) => (current.id === shot.id ? shot : current));
}

/**
 * What the ticket carries: metadata with its index, and the blobs in the same order
 * (multipart part `screenshot-<index>`).
 */
export function toTicketScreenshots(list: readonly FormScreenshot[]): { metas: ScreenshotMeta[]; blobs: Blob[] } {
  return { metas: list.map((shot, index) => ({ ...shot.meta, index })), blobs: list.map((shot) => shot.blob) };
}
