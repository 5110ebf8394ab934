import { describe, expect, it } from 'vitest';
import { looksBlank } from './full-page-raster';

const pixels = (...rgba: number[][]) => Uint8ClampedArray.from(rgba.flat());

describe('looksBlank', () => {
  it('is true for a single colour, JPEG noise included', () => {
    expect(looksBlank(pixels([255, 255, 255, 255], [250, 252, 255, 255], [255, 255, 249, 255]))).toBe(true);
  });

  it('is false as soon as one sample differs', () => {
    expect(looksBlank(pixels([255, 255, 255, 255], [255, 255, 255, 255], [30, 27, 47, 255]))).toBe(false);
  });
});
