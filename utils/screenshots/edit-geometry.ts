/**
 * The marks a customer puts on a screenshot and their geometry. Shapes are stored in pixels of
 * the original image; the editor shows the image scaled, so pointer positions are mapped to
 * image pixels, and keyboard moves and resizes stay inside the image. Pure: no DOM, no canvas.
 */

/** One mark on a screenshot, in pixels of the original image. */
export type ScreenshotEdit =
  | { kind: 'highlight'; x: number; y: number; width: number; height: number }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'blackout'; x: number; y: number; width: number; height: number }
  /** A short text written in the box (e.g. "the error is here"): words where an arrow is not enough. */
  | { kind: 'label'; x: number; y: number; width: number; height: number; text: string };
export type EditKind = ScreenshotEdit['kind'];
export type RectEdit = Extract<ScreenshotEdit, { kind: 'highlight' | 'blackout' }>;

export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

/**
 * Maps a point on the displayed image (CSS pixels from its top-left corner, `shown` being
 * its displayed size) to image pixels, clamped to the image.
 */
export function displayToImage(point: Point, shown: Size, image: Size): Point {
  const x = shown.width > 0 ? (point.x * image.width) / shown.width : 0;
  const y = shown.height > 0 ? (point.y * image.height) / shown.height : 0;
  return { x: clamp(Math.round(x), 0, image.width), y: clamp(Math.round(y), 0, image.height) };
}

/** The inverse of displayToImage (for placing things over the displayed image). */
export function imageToDisplay(point: Point, shown: Size, image: Size): Point {
  return { x: (point.x * shown.width) / image.width, y: (point.y * shown.height) / image.height };
}

/** The edit a drag from `a` to `b` (image pixels) makes with `kind`; undefined if too small to mean anything. */
export function editFromDrag(kind: EditKind, a: Point, b: Point, minSize = 3): ScreenshotEdit | undefined {
  if (kind === 'arrow') {
    if (Math.hypot(b.x - a.x, b.y - a.y) < minSize) return undefined;
    return { kind, x1: a.x, y1: a.y, x2: b.x, y2: b.y };
  }
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const width = Math.abs(b.x - a.x);
  const height = Math.abs(b.y - a.y);
  if (width < minSize || height < minSize) return undefined;
  // A label's words are the editor's to fill in.
  if (kind === 'label') return { kind, x, y, width, height, text: '' };
  return { kind, x, y, width, height };
}

/** A shape of `kind` centred on the image, a quarter of its size (the keyboard's starting point). */
export function defaultEdit(kind: EditKind, image: Size): ScreenshotEdit {
  const width = Math.max(4, Math.round(image.width / 4));
  const height = Math.max(4, Math.round(image.height / 4));
  const x = Math.round((image.width - width) / 2);
  const y = Math.round((image.height - height) / 2);
  if (kind === 'arrow') return { kind, x1: x, y1: y + height, x2: x + width, y2: y };
  if (kind === 'label') return { kind, x, y, width, height: Math.max(4, Math.round(height / 3)), text: '' };
  return { kind, x, y, width, height };
}

/** The step of one arrow-key press: 1% of the image's larger side, at least one pixel. */
export function keyStep(image: Size): number {
  return Math.max(1, Math.round(Math.max(image.width, image.height) / 100));
}

/** Moves a shape by (dx, dy) image pixels, keeping it inside the image. */
export function moveEdit(edit: ScreenshotEdit, dx: number, dy: number, image: Size): ScreenshotEdit {
  if (edit.kind === 'arrow') {
    const ddx = clamp(dx, -Math.min(edit.x1, edit.x2), image.width - Math.max(edit.x1, edit.x2));
    const ddy = clamp(dy, -Math.min(edit.y1, edit.y2), image.height - Math.max(edit.y1, edit.y2));
    return { ...edit, x1: edit.x1 + ddx, y1: edit.y1 + ddy, x2: edit.x2 + ddx, y2: edit.y2 + ddy };
  }
  return { ...edit, x: clamp(edit.x + dx, 0, image.width - edit.width), y: clamp(edit.y + dy, 0, image.height - edit.height) };
}

/**
 * Resizes a shape by (dw, dh) image pixels: a box grows from its top-left corner (at least
 * `minSize`, at most to the image's edge); an arrow moves its tip.
 */
export function resizeEdit(edit: ScreenshotEdit, dw: number, dh: number, image: Size, minSize = 4): ScreenshotEdit {
  if (edit.kind === 'arrow') return { ...edit, x2: clamp(edit.x2 + dw, 0, image.width), y2: clamp(edit.y2 + dh, 0, image.height) };
  return {
    ...edit,
    width: clamp(edit.width + dw, minSize, image.width - edit.x),
    height: clamp(edit.height + dh, minSize, image.height - edit.y),
  };
}

/**
 * The whole output pixels a blackout covers at `scale`: rounded outwards, so an edge pixel
 * that the rectangle only partly covers is blacked out entirely instead of blended.
 */
export function blackoutPixels(edit: RectEdit, scale: number, output: Size): { x: number; y: number; width: number; height: number } {
  const x0 = clamp(Math.floor(edit.x * scale), 0, output.width);
  const y0 = clamp(Math.floor(edit.y * scale), 0, output.height);
  const x1 = clamp(Math.ceil((edit.x + edit.width) * scale), 0, output.width);
  const y1 = clamp(Math.ceil((edit.y + edit.height) * scale), 0, output.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A blackout's pixels grown for lossy encoders: by `margin` pixels, then out to whole
 * `grid`-pixel blocks. JPEG and WebP code blocks of up to 16 px and smooth a few pixels across
 * block edges (chroma upsampling, WebP's loop filter), so a block that is only partly black comes
 * back grey. Grown this way, every block holding a pixel the customer blacked out is all black,
 * and those pixels are at least `margin` away from any smoothed edge: they decode pure black.
 */
export function lossyBlackoutPixels(
  edit: RectEdit,
  scale: number,
  output: Size,
  grid = 16,
  margin = 4,
): { x: number; y: number; width: number; height: number } {
  const px = blackoutPixels(edit, scale, output);
  const x0 = clamp(Math.floor((px.x - margin) / grid) * grid, 0, output.width);
  const y0 = clamp(Math.floor((px.y - margin) / grid) * grid, 0, output.height);
  const x1 = clamp(Math.ceil((px.x + px.width + margin) / grid) * grid, 0, output.width);
  const y1 = clamp(Math.ceil((px.y + px.height + margin) / grid) * grid, 0, output.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
