import { describe, expect, it } from 'vitest';
import { LIMITS } from '../contract/limits';
import {
  addScreenshots,
  blackoutPixels,
  checkFileHead,
  defaultEdit,
  displayToImage,
  drawEdits,
  editFromDrag,
  encodingPlan,
  imageToDisplay,
  initialScale,
  keyStep,
  MAX_INPUT_BYTES,
  moveEdit,
  nextScale,
  removeScreenshot,
  replaceScreenshot,
  resizeEdit,
  sniffImageType,
  toTicketScreenshots,
  type DrawingContext,
  type FormScreenshot,
  type ScreenshotEdit,
} from './image-edit';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0);
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ');

const shot = (id: string, over: Partial<FormScreenshot['meta']> = {}): FormScreenshot => ({
  id,
  blob: new Blob([id]),
  meta: { source: 'attachment', type: 'image/png', width: 10, height: 10, bytes: 2, edited: false, ...over },
});

describe('sniffImageType / checkFileHead', () => {
  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(WEBP)).toBe('image/webp');
  });

  it('refuses text, other RIFF files, GIF and truncated signatures whatever they are called', () => {
    expect(sniffImageType(bytes('hello, this is not an image'))).toBeUndefined();
    expect(sniffImageType(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeUndefined();
    expect(sniffImageType(bytes('GIF89a', 1, 0, 1, 0))).toBeUndefined();
    expect(sniffImageType(PNG.subarray(0, 7))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });

  it('checks the type first, then the hard input cap, then emptiness', () => {
    expect(checkFileHead(bytes('text'), 10)).toEqual({ ok: false, reason: 'type' });
    expect(checkFileHead(PNG, MAX_INPUT_BYTES + 1)).toEqual({ ok: false, reason: 'size' });
    expect(checkFileHead(PNG, MAX_INPUT_BYTES)).toEqual({ ok: true, type: 'image/png' });
    expect(checkFileHead(JPEG, LIMITS.screenshotBytes + 1)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkFileHead(PNG, 0)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('the screenshot list', () => {
  it('adds up to LIMITS.screenshots and counts the refused', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => shot(id));
    const { next, refused } = addScreenshots(four, [shot('e'), shot('f'), shot('g')]);
    expect(LIMITS.screenshots).toBe(6);
    expect(next.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(refused).toBe(1);
    expect(addScreenshots(next, [shot('h')])).toEqual({ next, refused: 1 });
    expect(addScreenshots([], [shot('x')], 1).refused).toBe(0);
  });

  it('removes by id and replaces in place', () => {
    const list = [shot('a'), shot('b'), shot('c')];
    expect(removeScreenshot(list, 'b').map((s) => s.id)).toEqual(['a', 'c']);
    expect(removeScreenshot(list, 'zz')).toEqual(list);
    const edited = shot('b', { edited: true, type: 'image/jpeg' });
    const replaced = replaceScreenshot(list, edited);
    expect(replaced.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(replaced[1]).toBe(edited);
    expect(list[1]!.meta.edited).toBe(false);
  });

  it('gives the ticket indexed metadata and blobs in the same order', () => {
    const list = [shot('a', { source: 'visible' }), shot('b')];
    const { metas, blobs } = toTicketScreenshots(list);
    expect(metas.map((m) => [m.index, m.source])).toEqual([[0, 'visible'], [1, 'attachment']]);
    expect(blobs).toEqual([list[0]!.blob, list[1]!.blob]);
  });
});

describe('geometry', () => {
  const image = { width: 1280, height: 800 };

  it('maps displayed points to image pixels and back', () => {
    const shown = { width: 640, height: 400 };
    expect(displayToImage({ x: 100, y: 50 }, shown, image)).toEqual({ x: 200, y: 100 });
    expect(displayToImage({ x: 320.4, y: 200.2 }, shown, image)).toEqual({ x: 641, y: 400 });
    expect(displayToImage({ x: -20, y: 900 }, shown, image)).toEqual({ x: 0, y: 800 });
    expect(imageToDisplay({ x: 200, y: 100 }, shown, image)).toEqual({ x: 100, y: 50 });
  });

  it('turns a drag into a normalised box, a directed arrow, or nothing when too small', () => {
    expect(editFromDrag('blackout', { x: 300, y: 200 }, { x: 100, y: 50 })).toEqual({ kind: 'blackout', x: 100, y: 50, width: 200, height: 150 });
    expect(editFromDrag('highlight', { x: 10, y: 10 }, { x: 12, y: 80 })).toBeUndefined();
    expect(editFromDrag('arrow', { x: 300, y: 200 }, { x: 100, y: 50 })).toEqual({ kind: 'arrow', x1: 300, y1: 200, x2: 100, y2: 50 });
    expect(editFromDrag('arrow', { x: 1, y: 1 }, { x: 2, y: 2 })).toBeUndefined();
  });

  it('places the keyboard shape in the middle, a quarter of the image', () => {
    expect(defaultEdit('blackout', image)).toEqual({ kind: 'blackout', x: 480, y: 300, width: 320, height: 200 });
    expect(defaultEdit('arrow', image)).toEqual({ kind: 'arrow', x1: 480, y1: 500, x2: 800, y2: 300 });
    expect(keyStep(image)).toBe(13);
    expect(keyStep({ width: 20, height: 10 })).toBe(1);
  });

  it('moves shapes inside the image and resizes them within bounds', () => {
    const box: ScreenshotEdit = { kind: 'highlight', x: 10, y: 10, width: 100, height: 50 };
    expect(moveEdit(box, 20, -5, image)).toEqual({ ...box, x: 30, y: 5 });
    expect(moveEdit(box, -50, -50, image)).toEqual({ ...box, x: 0, y: 0 });
    expect(moveEdit(box, 5000, 5000, image)).toEqual({ ...box, x: 1180, y: 750 });
    expect(resizeEdit(box, 30, -100, image)).toEqual({ ...box, width: 130, height: 4 });
    expect(resizeEdit(box, 5000, 0, image)).toEqual({ ...box, width: 1270 });

    const arrow: ScreenshotEdit = { kind: 'arrow', x1: 10, y1: 700, x2: 300, y2: 20 };
    expect(moveEdit(arrow, -40, 500, image)).toEqual({ kind: 'arrow', x1: 0, y1: 800, x2: 290, y2: 120 });
    expect(resizeEdit(arrow, 20, -40, image)).toEqual({ ...arrow, x2: 320, y2: 0 });
  });

  it('snaps blackouts outwards to whole output pixels, inside the output', () => {
    expect(blackoutPixels({ kind: 'blackout', x: 10, y: 20, width: 30, height: 40 }, 1, image)).toEqual({ x: 10, y: 20, width: 30, height: 40 });
    // At half scale 11..41 covers 5.5..20.5: pixels 5 to 20 inclusive.
    expect(blackoutPixels({ kind: 'blackout', x: 11, y: 11, width: 30, height: 30 }, 0.5, { width: 640, height: 400 })).toEqual({ x: 5, y: 5, width: 16, height: 16 });
    expect(blackoutPixels({ kind: 'blackout', x: 1200, y: 700, width: 200, height: 200 }, 1, image)).toEqual({ x: 1200, y: 700, width: 80, height: 100 });
  });
});

describe('drawEdits', () => {
  function recorder() {
    const calls: string[] = [];
    const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 0.3, globalCompositeOperation: 'multiply', transform: 'identity' };
    const ctx = {
      save: () => calls.push('save'),
      restore: () => calls.push('restore'),
      setTransform: (a: number, _b: number, _c: number, d: number) => {
        state.transform = a === 1 && d === 1 ? 'identity' : `scale ${a}`;
      },
      beginPath: () => {},
      moveTo: () => {},
      lineTo: () => {},
      closePath: () => {},
      stroke: () => calls.push(`stroke ${state.strokeStyle}`),
      fill: () => calls.push(`fill ${state.fillStyle}`),
      strokeRect: (x: number, y: number, w: number, h: number) => calls.push(`strokeRect ${state.strokeStyle} ${state.transform} ${x},${y},${w},${h}`),
      fillRect: (x: number, y: number, w: number, h: number) =>
        calls.push(`fillRect ${state.fillStyle} alpha=${state.globalAlpha} ${state.globalCompositeOperation} ${state.transform} ${x},${y},${w},${h}`),
      setLineDash: () => {},
      lineJoin: 'miter',
      lineCap: 'butt',
    };
    for (const key of Object.keys(state) as (keyof typeof state)[]) {
      if (key === 'transform') continue;
      Object.defineProperty(ctx, key, { get: () => state[key], set: (value) => ((state as Record<string, unknown>)[key] = value) });
    }
    return { ctx: ctx as unknown as DrawingContext, calls };
  }

  it('draws blackouts last, opaque black, unscaled, on whole pixels', () => {
    const { ctx, calls } = recorder();
    const edits: ScreenshotEdit[] = [
      { kind: 'blackout', x: 11, y: 11, width: 30, height: 30 },
      { kind: 'highlight', x: 0, y: 0, width: 100, height: 100 },
      { kind: 'arrow', x1: 0, y1: 0, x2: 50, y2: 50 },
    ];
    drawEdits(ctx, edits, { width: 200, height: 200 }, 0.5);
    expect(calls[0]).toBe('save');
    expect(calls.at(-1)).toBe('restore');
    expect(calls.slice(1, -1)).toEqual([
      'strokeRect #e0004d scale 0.5 0,0,100,100',
      'stroke #e0004d',
      'fill #e0004d',
      'fillRect #000000 alpha=1 source-over identity 5,5,16,16',
    ]);
  });
});

describe('encoding', () => {
  it('keeps PNG only when there is a blackout, and falls back to JPEG otherwise', () => {
    expect(encodingPlan('image/jpeg', true)).toEqual([{ type: 'image/png' }]);
    expect(encodingPlan('image/webp', true)).toEqual([{ type: 'image/png' }]);
    expect(encodingPlan('image/png', false).map((step) => step.type)).toEqual(['image/png', 'image/jpeg']);
    expect(encodingPlan('image/jpeg', false)[0]).toEqual({ type: 'image/jpeg', quality: 0.92 });
  });

  it('starts at full size unless the canvas would be too big, and shrinks faster than the estimate', () => {
    expect(initialScale({ width: 1280, height: 800 })).toBe(1);
    const tall = initialScale({ width: 1280, height: 60_000 }, 32 * 1024 * 1024);
    expect(1280 * tall * 60_000 * tall).toBeCloseTo(32 * 1024 * 1024, -2);
    expect(nextScale(1, 8_000_000, 4_000_000)).toBeCloseTo(Math.sqrt(0.5) * 0.9);
    expect(nextScale(1, 4_100_000, 4_000_000)).toBe(0.85);
  });
});
