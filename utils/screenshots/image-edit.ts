/**
 * Screenshot handling for the ticket form, kept apart from React and from extension APIs:
 * - the form's screenshot list (add, remove, replace, within LIMITS.screenshots);
 * - edit geometry (shapes are stored in image pixels, the editor shows them scaled);
 * - drawing edits onto a 2D context, blackouts last and snapped outwards to whole pixels so
 *   that no pixel of what was under them survives (not even an anti-aliased edge);
 * - encoding within LIMITS.screenshotBytes (PNG whenever a blackout is present, so that it
 *   stays pure black; scaled down when nothing else fits);
 * - reading a picked, dropped or pasted file: type by magic bytes, size, decoded dimensions.
 */
import type { ImageType, ScreenshotMeta } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { stripImageMetadata } from './strip-metadata';

/** One mark on a screenshot, in pixels of the original image. */
export type ScreenshotEdit =
  | { kind: 'highlight'; x: number; y: number; width: number; height: number }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'blackout'; x: number; y: number; width: number; height: number };
export type EditKind = ScreenshotEdit['kind'];
export type RectEdit = Extract<ScreenshotEdit, { kind: 'highlight' | 'blackout' }>;

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

/**
 * Largest file we try to decode and shrink: beyond it a file is refused rather than
 * re-encoded, so a stray 200 MB photo cannot exhaust the popup's memory.
 */
export const MAX_INPUT_BYTES = 5 * LIMITS.screenshotBytes;
/** Largest canvas we draw into (pixels); taller full-page captures are scaled down to it. */
export const MAX_CANVAS_PIXELS = 32 * 1024 * 1024;
export const ACCEPTED_TYPES: readonly ImageType[] = ['image/png', 'image/jpeg', 'image/webp'];

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

/** Appends what fits under LIMITS.screenshots; `refused` counts those that did not fit. */
export function addScreenshots(list: readonly FormScreenshot[], incoming: readonly FormScreenshot[], max: number = LIMITS.screenshots): { next: FormScreenshot[]; refused: number } {
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

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

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
  return { kind, x, y, width, height };
}

/** A shape of `kind` centred on the image, a quarter of its size (the keyboard's starting point). */
export function defaultEdit(kind: EditKind, image: Size): ScreenshotEdit {
  const width = Math.max(4, Math.round(image.width / 4));
  const height = Math.max(4, Math.round(image.height / 4));
  const x = Math.round((image.width - width) / 2);
  const y = Math.round((image.height - height) / 2);
  if (kind === 'arrow') return { kind, x1: x, y1: y + height, x2: x + width, y2: y };
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
  return { ...edit, width: clamp(edit.width + dw, minSize, image.width - edit.x), height: clamp(edit.height + dh, minSize, image.height - edit.y) };
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

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/** The marks' colour: a red that contrasts with both light and dark pages. */
export const MARK_COLOR = '#e0004d';

/** The subset of CanvasRenderingContext2D used here (so tests can record the calls). */
export type DrawingContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'setTransform' | 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'stroke' | 'fill' | 'strokeRect' | 'fillRect' | 'setLineDash'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  globalAlpha: number;
  globalCompositeOperation: GlobalCompositeOperation;
};

/** Line width of the marks, in image pixels: visible on a large screenshot, not crude on a small one. */
export function markWidth(image: Size): number {
  return Math.max(3, Math.round(Math.min(image.width, image.height) / 150));
}

/**
 * Draws `edits` over what is already on `ctx` (the image drawn at `scale` × its size).
 * Highlights and arrows come first, blackouts last, so nothing is ever drawn over a blackout.
 */
export function drawEdits(ctx: DrawingContext, edits: readonly ScreenshotEdit[], image: Size, scale: number, options: { pending?: boolean } = {}): void {
  const output = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  const line = markWidth(image);
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (options.pending) ctx.setLineDash([line * 2, line * 1.5]);
  for (const edit of edits) {
    if (edit.kind === 'highlight') {
      ctx.strokeStyle = MARK_COLOR;
      ctx.lineWidth = line;
      ctx.strokeRect(edit.x, edit.y, edit.width, edit.height);
    } else if (edit.kind === 'arrow') {
      drawArrow(ctx, edit, line);
    }
  }
  ctx.setLineDash([]);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000000';
  for (const edit of edits) {
    if (edit.kind !== 'blackout') continue;
    const px = blackoutPixels(edit, scale, output);
    ctx.fillRect(px.x, px.y, px.width, px.height);
    if (options.pending) {
      // A pending blackout is shown with a light outline so it can be seen on a dark page.
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.strokeRect(px.x + 1, px.y + 1, Math.max(0, px.width - 2), Math.max(0, px.height - 2));
      ctx.setLineDash([]);
    }
  }
  ctx.restore();
}

function drawArrow(ctx: DrawingContext, edit: Extract<ScreenshotEdit, { kind: 'arrow' }>, line: number): void {
  const angle = Math.atan2(edit.y2 - edit.y1, edit.x2 - edit.x1);
  const head = line * 4;
  ctx.strokeStyle = MARK_COLOR;
  ctx.fillStyle = MARK_COLOR;
  ctx.lineWidth = line;
  ctx.beginPath();
  ctx.moveTo(edit.x1, edit.y1);
  // Stop the shaft under the head so its round cap does not poke through the point.
  ctx.lineTo(edit.x2 - Math.cos(angle) * head * 0.8, edit.y2 - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(edit.x2, edit.y2);
  ctx.lineTo(edit.x2 - head * Math.cos(angle - Math.PI / 7), edit.y2 - head * Math.sin(angle - Math.PI / 7));
  ctx.lineTo(edit.x2 - head * Math.cos(angle + Math.PI / 7), edit.y2 - head * Math.sin(angle + Math.PI / 7));
  ctx.closePath();
  ctx.fill();
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/**
 * The types to try, best first. A blackout forces PNG: JPEG and lossy WebP smear the black
 * into neighbouring values, and support must see pure black. Without one, a PNG that is too
 * big may become a JPEG (screenshots of photos compress badly as PNG).
 */
export function encodingPlan(original: ImageType, hasBlackout: boolean): { type: ImageType; quality?: number }[] {
  if (hasBlackout) return [{ type: 'image/png' }];
  if (original === 'image/png') return [{ type: 'image/png' }, { type: 'image/jpeg', quality: 0.9 }];
  return [{ type: original, quality: 0.92 }, { type: 'image/jpeg', quality: 0.85 }];
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

export interface Encoded {
  blob: Blob;
  type: ImageType;
  width: number;
  height: number;
}

/**
 * Draws the image and its edits on a canvas and encodes it within `limit` bytes, trying the
 * plan's types, then smaller scales. Browser only (OffscreenCanvas). Throws 'too-large' if
 * even a small version does not fit.
 */
export async function renderAndEncode(source: ImageBitmap, edits: readonly ScreenshotEdit[], originalType: ImageType, limit: number = LIMITS.screenshotBytes): Promise<Encoded> {
  const image = { width: source.width, height: source.height };
  const plan = encodingPlan(originalType, edits.some((edit) => edit.kind === 'blackout'));
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
      drawEdits(ctx, edits, image, width / image.width);
      const blob = await canvas.convertToBlob(step.quality === undefined ? { type: step.type } : { type: step.type, quality: step.quality });
      // A browser that cannot encode the type (WebP in some) silently gives PNG.
      const type = sniffImageType(new Uint8Array(await blob.slice(0, 16).arrayBuffer())) ?? 'image/png';
      if (blob.size <= limit) return { blob: blob.type === type ? blob : new Blob([blob], { type }), type, width, height };
      smallest = Math.min(smallest, blob.size);
    }
    scale = nextScale(scale, smallest, limit);
  }
  throw new Error('too-large');
}

// ---------------------------------------------------------------------------------------------
// Reading files
// ---------------------------------------------------------------------------------------------

/** The image type by its first bytes (PNG, JPEG, WebP), whatever the file name or MIME type claim. */
export function sniffImageType(head: Uint8Array): ImageType | undefined {
  const is = (offset: number, bytes: number[]) => bytes.every((byte, i) => head[offset + i] === byte);
  if (is(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (is(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // "RIFF" <size> "WEBP"
  if (is(0, [0x52, 0x49, 0x46, 0x46]) && is(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return undefined;
}

export type RefusalReason = 'type' | 'size' | 'unreadable' | 'count';

/** Why a file cannot be attached before decoding it (type by magic bytes, hard size cap), or its type. */
export function checkFileHead(head: Uint8Array, size: number, maxInput = MAX_INPUT_BYTES): { ok: true; type: ImageType } | { ok: false; reason: RefusalReason } {
  const type = sniffImageType(head);
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
    return { ok: true, reduced, shot: { id: newId(), blob, meta: { source: 'attachment', type, width, height, bytes: blob.size, edited: false } } };
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
  const originalType = sniffImageType(new Uint8Array(await original.slice(0, 16).arrayBuffer())) ?? shot.meta.type;
  const bitmap = await createImageBitmap(original);
  try {
    if (edits.length === 0) {
      if (original.size <= LIMITS.screenshotBytes && initialScale(bitmap) === 1) {
        return { ...shot, blob: original, original, edits: [], meta: { ...shot.meta, type: originalType, width: bitmap.width, height: bitmap.height, bytes: original.size, edited: false } };
      }
    }
    const encoded = await renderAndEncode(bitmap, edits, originalType);
    return {
      ...shot,
      blob: encoded.blob,
      original,
      edits: [...edits],
      meta: { ...shot.meta, type: encoded.type, width: encoded.width, height: encoded.height, bytes: encoded.blob.size, edited: edits.length > 0 },
    };
  } finally {
    bitmap.close();
  }
}
