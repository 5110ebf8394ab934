/**
 * Keeps screenshots small enough to send and still legible. `captureVisibleTab` gives a JPEG;
 * on ordinary pages it is far under the cap (the demo draw page at 1280×800: ~100 KB at
 * quality 80). Busy pages (photos, gradients) can go over: they are re-encoded down a quality
 * ladder, WebP first (sharper text than JPEG at the same size), then scaled down as a last
 * resort. Runs in the popup (OffscreenCanvas, createImageBitmap); no extension APIs.
 */
import type { ImageType } from '../contract/schemas';
import type { Encoded } from './encoded';
import { imageSize } from './image-size';

/** Visible-area target: ≤ 300 KB at 1280×800 keeps text legible and uploads fast. */
export const VISIBLE_MAX_BYTES = 300 * 1024;

/** Quality steps tried in order; text stays readable down to WebP 0.6. */
const LADDER: [ImageType, number][] = [
  ['image/webp', 0.85],
  ['image/webp', 0.75],
  ['image/webp', 0.6],
  ['image/jpeg', 0.6],
];

function typeOf(blob: Blob): ImageType {
  return blob.type === 'image/png' || blob.type === 'image/webp' ? blob.type : 'image/jpeg';
}

/**
 * Returns the image as it is when it fits `maxBytes`, else re-encoded down the ladder, then
 * at 0.75× scale steps (never under 640 px wide). Width and height are the returned image's.
 */
export async function fitUnderCap(blob: Blob, maxBytes: number = VISIBLE_MAX_BYTES): Promise<Encoded> {
  if (blob.size <= maxBytes) {
    // The usual case: no need to decode the image just to learn its size.
    try {
      const { width, height } = imageSize(new Uint8Array(await blob.slice(0, 64 * 1024).arrayBuffer()));
      return { blob, type: typeOf(blob), width, height };
    } catch {
      // An unusual header: decoding below tells.
    }
  }
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = bitmap;
    if (blob.size <= maxBytes) return { blob, type: typeOf(blob), width, height };
    let best: Encoded = { blob, type: typeOf(blob), width, height };
    for (let scale = 1; scale >= 0.4 && width * scale >= 640; scale *= 0.75) {
      const w = Math.round(width * scale);
      const h = Math.round(height * scale);
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0, w, h);
      for (const [type, quality] of LADDER) {
        const out = await canvas.convertToBlob({ type, quality });
        // Chromium without a WebP encoder would hand back PNG: take only what was asked for.
        if (out.type !== type) continue;
        if (out.size < best.blob.size) best = { blob: out, type, width: w, height: h };
        if (out.size <= maxBytes) return best;
      }
    }
    return best;
  } finally {
    bitmap.close();
  }
}
