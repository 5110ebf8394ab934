import { describe, expect, it } from 'vitest';
import { pictureSize } from './full-page-images';

describe('pictureSize', () => {
  it('draws an avatar at the size it is shown, not at its source size', () => {
    expect(pictureSize(36, 36, 72, 72)).toEqual({ width: 36, height: 36 });
    expect(pictureSize(36, 36, 400, 400)).toEqual({ width: 36, height: 36 });
  });

  it('keeps the picture’s proportions and covers the box, for object-fit to place it', () => {
    // A landscape photo in a square box: as tall as the box, wider than it.
    expect(pictureSize(40, 40, 300, 200)).toEqual({ width: 60, height: 40 });
    // An icon shown larger than its source is drawn at the shown size.
    expect(pictureSize(32, 32, 16, 16)).toEqual({ width: 32, height: 32 });
  });

  it('leaves large, empty and extreme pictures to snapdom', () => {
    expect(pictureSize(600, 400, 1200, 800)).toBeUndefined();
    expect(pictureSize(0, 36, 72, 72)).toBeUndefined();
    expect(pictureSize(36, 36, 0, 0)).toBeUndefined();
    expect(pictureSize(128, 128, 4000, 10)).toBeUndefined();
  });
});
