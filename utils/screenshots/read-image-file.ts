/**
 * Reads a picked, dropped or pasted file into an attachment: type by magic bytes (the contract's
 * check), a hard size cap before decoding, decoded dimensions, metadata stripped, and a smaller
 * re-encoding only when the file is over LIMITS.screenshotBytes.
 */
import { detectImageType } from '../contract/image-type';
import { LIMITS } from '../contract/limits';
import type { ImageType } from '../contract/schemas';
import { initialScale, renderAndEncode } from './encode-edits';
import type { FormScreenshot } from './screenshot-list';
import { stripImageMetadata } from './strip-metadata';

/**
 * Largest file we try to decode and shrink: beyond it a file is refused rather than
 * re-encoded, so a stray 200 MB photo cannot exhaust the popup's memory.
 */
export const MAX_INPUT_BYTES = 5 * LIMITS.screenshotBytes;
/** What the file picker offers; the bytes still decide (checkFileHead). */
export const ACCEPTED_TYPES: readonly ImageType[] = ['image/png', 'image/jpeg', 'image/webp'];

export type RefusalReason = 'type' | 'size' | 'unreadable' | 'count';

/** Why a file cannot be attached before decoding it (type by magic bytes, hard size cap), or its type. */
export function checkFileHead(
  head: Uint8Array,
  size: number,
  maxInput = MAX_INPUT_BYTES,
): { ok: true; type: ImageType } | { ok: false; reason: RefusalReason } {
  const type = detectImageType(head);
  if (!type) return { ok: false, reason: 'type' };
  if (size > maxInput) return { ok: false, reason: 'size' };
  if (size === 0) return { ok: false, reason: 'unreadable' };
  return { ok: true, type };
}

export type ReadResult = { ok: true; shot: FormScreenshot; reduced: boolean } | { ok: false; reason: RefusalReason; name: string };

/**
 * Turns a picked, dropped or pasted file into an attachment: checks its bytes, decodes it for
 * its size, and re-encodes it (smaller, maybe as JPEG) when it is over LIMITS.screenshotBytes.
 * A file within the limit is kept byte for byte. Browser only (createImageBitmap).
 */
export async function readImageFile(file: Blob & { name?: string }, newId: () => string = () => crypto.randomUUID()): Promise<ReadResult> {
  const name = file.name || '';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const checked = checkFileHead(head, file.size);
  if (!checked.ok) return { ...checked, name };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'unreadable', name };
  }
  try {
    // Sent as attached, minus what the customer cannot see: EXIF (GPS position…), XMP, comments.
    let blob: Blob = new Blob([stripImageMetadata(new Uint8Array(await file.arrayBuffer()), checked.type)], { type: checked.type });
    let type = checked.type;
    let { width, height } = bitmap;
    const reduced = file.size > LIMITS.screenshotBytes || initialScale(bitmap) < 1;
    if (reduced) {
      try {
        ({ blob, type, width, height } = await renderAndEncode(bitmap, [], checked.type));
      } catch {
        return { ok: false, reason: 'size', name };
      }
    }
    return {
      ok: true,
      reduced,
      shot: { id: newId(), blob, meta: { source: 'attachment', type, width, height, bytes: blob.size, edited: false } },
    };
  } finally {
    bitmap.close();
  }
}
