/**
 * Burns a screenshot's marks into new bytes within LIMITS.screenshotBytes, in the capture's own
 * type, so an edited capture stays about the size it was (a JPEG capture re-encoded as PNG grew
 * from 89 KB to 517 KB). Blackouts stay pure black in JPEG and WebP too: they are drawn grown to
 * the codec's blocks (by at most 19 px), and the encoded bytes are decoded and checked; PNG is the fallback when
 * they are not. Another type, then smaller scales, when nothing else fits. The plan and the
 * scales are pure; the rendering needs OffscreenCanvas.
 */
import { detectImageType } from '../contract/image-type';
import { LIMITS } from '../contract/limits';
import type { ImageType } from '../contract/schemas';
import { drawEdits } from './draw-edits';
import { blackoutPixels, type RectEdit, type ScreenshotEdit, type Size } from './edit-geometry';
import type { Encoded } from './encoded';
import type { FormScreenshot } from './screenshot-list';

/** Largest canvas we draw into (pixels); taller full-page captures are scaled down to it. */
export const MAX_CANVAS_PIXELS = 32 * 1024 * 1024;

/** One encoding to try; `checkBlack`: decode it and keep it only if every blackout is pure black. */
export interface EncodingStep {
  type: ImageType;
  quality?: number;
  checkBlack?: boolean;
}

/**
 * The types to try, best first: the original's, so the size stays what it was. With a blackout,
 * a lossy type is kept only if its black checks out pure (support must see pure black), with
 * PNG after it. Without one, a PNG that is too big may become a JPEG (photos compress badly as PNG).
 */
export function encodingPlan(original: ImageType, hasBlackout: boolean): EncodingStep[] {
  if (hasBlackout) {
    if (original === 'image/png') return [{ type: 'image/png' }];
    return [{ type: original, quality: 0.92, checkBlack: true }, { type: 'image/png' }];
  }
  if (original === 'image/png') return [{ type: 'image/png' }, { type: 'image/jpeg', quality: 0.9 }];
  return [
    { type: original, quality: 0.92 },
    { type: 'image/jpeg', quality: 0.85 },
  ];
}

/** The first scale to try: 1 unless the image has more pixels than a canvas should hold. */
export function initialScale(image: Size, maxPixels = MAX_CANVAS_PIXELS): number {
  const pixels = image.width * image.height;
  return pixels > maxPixels ? Math.sqrt(maxPixels / pixels) : 1;
}

/** The next, smaller scale after an encoding of `bytes` missed `limit` (a bit under the square-root estimate). */
export function nextScale(scale: number, bytes: number, limit: number): number {
  return scale * Math.min(0.85, Math.sqrt(limit / bytes) * 0.9);
}

/** The type the bytes really are (their first 16 bytes tell), whatever the blob claims. */
async function typeOfBytes(blob: Blob): Promise<ImageType | null> {
  return detectImageType(new Uint8Array(await blob.slice(0, 16).arrayBuffer()));
}

/**
 * Draws the image and its edits on a canvas and encodes it within `limit` bytes, trying the
 * plan's types, then smaller scales. Browser only (OffscreenCanvas). Throws 'too-large' if
 * even a small version does not fit.
 */
export async function renderAndEncode(
  source: ImageBitmap,
  edits: readonly ScreenshotEdit[],
  originalType: ImageType,
  limit: number = LIMITS.screenshotBytes,
): Promise<Encoded> {
  const image = { width: source.width, height: source.height };
  const plan = encodingPlan(
    originalType,
    edits.some((edit) => edit.kind === 'blackout'),
  );
  let scale = initialScale(image);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    let smallest = Infinity;
    for (const step of plan) {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no-canvas');
      // JPEG has no transparency: a transparent PNG would otherwise turn black.
      if (step.type === 'image/jpeg') {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
      }
      ctx.drawImage(source, 0, 0, width, height);
      drawEdits(ctx, edits, image, width / image.width, { lossy: step.type !== 'image/png' });
      const blob = await canvas.convertToBlob(
        step.quality === undefined ? { type: step.type } : { type: step.type, quality: step.quality },
      );
      // A browser that cannot encode the type (WebP in some) silently gives PNG.
      const type = (await typeOfBytes(blob)) ?? 'image/png';
      if (step.checkBlack && !(await blackoutsArePureBlack(blob, edits, width / image.width))) continue;
      if (blob.size <= limit) return { blob: blob.type === type ? blob : new Blob([blob], { type }), type, width, height };
      smallest = Math.min(smallest, blob.size);
    }
    scale = nextScale(scale, smallest, limit);
  }
  throw new Error('too-large');
}

/** Decodes `blob` and checks that every pixel the customer blacked out is opaque pure black. */
async function blackoutsArePureBlack(blob: Blob, edits: readonly ScreenshotEdit[], scale: number): Promise<boolean> {
  const bitmap = await createImageBitmap(blob);
  try {
    const output = { width: bitmap.width, height: bitmap.height };
    const canvas = new OffscreenCanvas(output.width, output.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.drawImage(bitmap, 0, 0);
    for (const edit of edits) {
      if (edit.kind !== 'blackout') continue;
      const px = blackoutPixels(edit as RectEdit, scale, output);
      if (px.width === 0 || px.height === 0) continue;
      const data = ctx.getImageData(px.x, px.y, px.width, px.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== 0 || data[i + 1] !== 0 || data[i + 2] !== 0 || data[i + 3] !== 255) return false;
      }
    }
    return true;
  } finally {
    bitmap.close();
  }
}

/**
 * Burns `edits` into the screenshot's original and returns the screenshot to keep: the new
 * bytes, `edited`, and the original and edits for editing again. No edits gives the original back.
 */
export async function applyEditsToScreenshot(shot: FormScreenshot, edits: readonly ScreenshotEdit[]): Promise<FormScreenshot> {
  const original = shot.original ?? shot.blob;
  const originalType = (await typeOfBytes(original)) ?? shot.meta.type;
  const bitmap = await createImageBitmap(original);
  try {
    if (edits.length === 0) {
      if (original.size <= LIMITS.screenshotBytes && initialScale(bitmap) === 1) {
        return {
          ...shot,
          blob: original,
          original,
          edits: [],
          meta: { ...shot.meta, type: originalType, width: bitmap.width, height: bitmap.height, bytes: original.size, edited: false },
        };
      }
    }
    const encoded = await renderAndEncode(bitmap, edits, originalType);
    return {
      ...shot,
      blob: encoded.blob,
      original,
      edits: [...edits],
      meta: {
        ...shot.meta,
        type: encoded.type,
        width: encoded.width,
        height: encoded.height,
        bytes: encoded.blob.size,
        edited: edits.length > 0,
      },
    };
  } finally {
    bitmap.close();
  }
}
