import { describe, expect, it } from 'vitest';
import { encodingPlan, initialScale, nextScale } from './encode-edits';

describe('encoding', () => {
  it('keeps the capture’s type, a lossy one with a blackout only once its black checks out, PNG after it', () => {
    expect(encodingPlan('image/jpeg', true)).toEqual([{ type: 'image/jpeg', quality: 0.92, checkBlack: true }, { type: 'image/png' }]);
    expect(encodingPlan('image/webp', true)).toEqual([{ type: 'image/webp', quality: 0.92, checkBlack: true }, { type: 'image/png' }]);
    expect(encodingPlan('image/png', true)).toEqual([{ type: 'image/png' }]);
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
