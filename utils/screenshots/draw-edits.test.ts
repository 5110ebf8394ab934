import { describe, expect, it } from 'vitest';
import { drawEdits, type DrawingContext } from './draw-edits';
import type { ScreenshotEdit } from './edit-geometry';

describe('drawEdits', () => {
  function recorder() {
    const calls: string[] = [];
    const state = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      globalAlpha: 0.3,
      globalCompositeOperation: 'multiply',
      transform: 'identity',
    };
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
      strokeRect: (x: number, y: number, w: number, h: number) =>
        calls.push(`strokeRect ${state.strokeStyle} ${state.transform} ${x},${y},${w},${h}`),
      fillRect: (x: number, y: number, w: number, h: number) =>
        calls.push(
          `fillRect ${state.fillStyle} alpha=${state.globalAlpha} ${state.globalCompositeOperation} ${state.transform} ${x},${y},${w},${h}`,
        ),
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
