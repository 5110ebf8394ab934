import { describe, expect, it } from 'vitest';
import {
  blackoutPixels,
  lossyBlackoutPixels,
  defaultEdit,
  displayToImage,
  editFromDrag,
  imageToDisplay,
  keyStep,
  moveEdit,
  resizeEdit,
  type ScreenshotEdit,
} from './edit-geometry';

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
    expect(editFromDrag('blackout', { x: 300, y: 200 }, { x: 100, y: 50 })).toEqual({
      kind: 'blackout',
      x: 100,
      y: 50,
      width: 200,
      height: 150,
    });
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
    expect(blackoutPixels({ kind: 'blackout', x: 10, y: 20, width: 30, height: 40 }, 1, image)).toEqual({
      x: 10,
      y: 20,
      width: 30,
      height: 40,
    });
    // At half scale 11..41 covers 5.5..20.5: pixels 5 to 20 inclusive.
    expect(blackoutPixels({ kind: 'blackout', x: 11, y: 11, width: 30, height: 30 }, 0.5, { width: 640, height: 400 })).toEqual({
      x: 5,
      y: 5,
      width: 16,
      height: 16,
    });
    expect(blackoutPixels({ kind: 'blackout', x: 1200, y: 700, width: 200, height: 200 }, 1, image)).toEqual({
      x: 1200,
      y: 700,
      width: 80,
      height: 100,
    });
  });
});

describe('text labels', () => {
  it('are boxes that carry words: a drag makes one (the editor adds the words), the keyboard starts a strip in the middle', () => {
    expect(editFromDrag('label', { x: 10, y: 10 }, { x: 110, y: 40 })).toEqual({
      kind: 'label',
      x: 10,
      y: 10,
      width: 100,
      height: 30,
      text: '',
    });
    expect(defaultEdit('label', { width: 800, height: 600 })).toEqual({ kind: 'label', x: 300, y: 225, width: 200, height: 50, text: '' });
    const moved = moveEdit({ kind: 'label', x: 10, y: 10, width: 100, height: 30, text: 'ici' }, 1000, 0, { width: 800, height: 600 });
    expect(moved).toEqual({ kind: 'label', x: 700, y: 10, width: 100, height: 30, text: 'ici' });
  });
});

describe('lossyBlackoutPixels', () => {
  it('grows a blackout by 4 px, then out to whole 16 px blocks, within the image', () => {
    const edit = { kind: 'blackout' as const, x: 21, y: 40, width: 30, height: 10 };
    expect(lossyBlackoutPixels(edit, 1, { width: 800, height: 600 })).toEqual({ x: 16, y: 32, width: 48, height: 32 });
    expect(lossyBlackoutPixels({ ...edit, x: 0, y: 590 }, 1, { width: 800, height: 600 })).toEqual({ x: 0, y: 576, width: 48, height: 24 });
  });
});
