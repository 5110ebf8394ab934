/**
 * Turns the page's SVG (utils/screenshots/full-page-protocol.ts) into pixels, in the popup: the
 * browser draws the SVG's HTML itself, so modern colours, shadows and fonts come out as the
 * page shows them. It is drawn in bands of one screen with a turn of the event loop between
 * them, so the form keeps answering (and can cancel) during a long capture, and each band
 * moves the progress bar by a real step. Then it is checked for blankness and compressed.
 */
import type { ImageType } from '../contract/schemas';
import { fitUnderCap } from './capture-encode';
import type { Encoded } from './encoded';
import { nextTurn } from './next-turn';

/** Full-page images stay under this (issue 13): ~0.9 MB is typical at 1280 × 8,000. */
export const FULLPAGE_MAX_BYTES = 1.5 * 1024 * 1024;
const BAND_PX = 800;
/** JPEG keeps a 1280 × 8,000 page of text legible near 0.9 MB; WebP is the fallback ladder's. */
const FIRST_TYPE: ImageType = 'image/jpeg';
const FIRST_QUALITY = 0.85;

export interface RasterInput {
  svg: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when every sampled pixel is the same colour: a capture that drew nothing. */
export function looksBlank(pixels: Uint8ClampedArray): boolean {
  for (let i = 4; i < pixels.length; i += 4) {
    for (let c = 0; c < 4; c++) if (Math.abs(pixels[i + c]! - pixels[c]!) > 8) return false;
  }
  return true;
}

/**
 * Draws `input` band by band into a canvas of its size and encodes it under FULLPAGE_MAX_BYTES.
 * `onBand(done, total)` after each band; throws 'cancelled' when `cancelled()` turns true and
 * 'blank' when the result is a single colour.
 */
export async function rasterize(
  input: RasterInput,
  onBand: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<Encoded> {
  const image = new Image();
  image.decoding = 'async';
  image.src = input.svg;
  await image.decode();
  const { width, height } = input;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  // Pages that set no background are white in the browser, not transparent (or black in JPEG).
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  const total = Math.ceil(height / BAND_PX);
  for (let band = 0; band < total; band++) {
    if (cancelled()) throw new Error('cancelled');
    const top = band * BAND_PX;
    const h = Math.min(BAND_PX, height - top);
    context.drawImage(image, input.x, input.y + top, width, h, 0, top, width, h);
    onBand(band + 1, total);
    await nextTurn();
  }
  const sample = new OffscreenCanvas(64, Math.max(1, Math.round((64 * height) / width)));
  sample.getContext('2d')!.drawImage(canvas, 0, 0, sample.width, sample.height);
  if (looksBlank(sample.getContext('2d')!.getImageData(0, 0, sample.width, sample.height).data)) throw new Error('blank');
  if (cancelled()) throw new Error('cancelled');
  const blob = await canvas.convertToBlob({ type: FIRST_TYPE, quality: FIRST_QUALITY });
  return fitUnderCap(blob, FULLPAGE_MAX_BYTES);
}
