/**
 * Draws a screenshot's marks onto a 2D context, for the editor's preview and for the bytes that
 * are sent alike. Blackouts come last and are snapped outwards to whole pixels, so that no pixel
 * of what was under them survives (not even an anti-aliased edge).
 */
import { blackoutPixels, lossyBlackoutPixels, type ScreenshotEdit, type Size } from './edit-geometry';

/** The marks' colour: a red that contrasts with both light and dark pages. */
export const MARK_COLOR = '#e0004d';

/** The subset of CanvasRenderingContext2D used here (so tests can record the calls). */
export type DrawingContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'strokeRect'
  | 'fillRect'
  | 'setLineDash'
  | 'fillText'
  | 'measureText'
> & {
  font: string;
  textBaseline: CanvasTextBaseline;
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
export function drawEdits(
  ctx: DrawingContext,
  edits: readonly ScreenshotEdit[],
  image: Size,
  scale: number,
  /** `lossy`: the bytes will be JPEG or WebP; blackouts grow to the codec's blocks (lossyBlackoutPixels). */
  options: { pending?: boolean; lossy?: boolean } = {},
): void {
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
    } else if (edit.kind === 'label') {
      drawLabel(ctx, edit, line);
    }
  }
  ctx.setLineDash([]);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000000';
  for (const edit of edits) {
    if (edit.kind !== 'blackout') continue;
    const px = options.lossy ? lossyBlackoutPixels(edit, scale, output) : blackoutPixels(edit, scale, output);
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

/**
 * A label: the customer's words on a white box with a red edge, as large as the box allows
 * (the text shrinks to fit its width), legible on light and dark pages alike.
 */
function drawLabel(ctx: DrawingContext, edit: Extract<ScreenshotEdit, { kind: 'label' }>, line: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(edit.x, edit.y, edit.width, edit.height);
  ctx.strokeStyle = MARK_COLOR;
  ctx.lineWidth = Math.max(2, line / 2);
  ctx.strokeRect(edit.x, edit.y, edit.width, edit.height);
  const text = edit.text.trim();
  if (!text) return;
  const pad = Math.max(2, edit.height * 0.15);
  let size = Math.max(8, edit.height - 2 * pad);
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  const width = ctx.measureText(text).width;
  if (width > edit.width - 2 * pad) {
    size = Math.max(6, (size * (edit.width - 2 * pad)) / width);
    ctx.font = `600 ${size}px system-ui, sans-serif`;
  }
  ctx.fillStyle = MARK_COLOR;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, edit.x + pad, edit.y + edit.height / 2, Math.max(1, edit.width - 2 * pad));
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
