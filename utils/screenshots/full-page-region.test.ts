import { describe, expect, it } from 'vitest';
import { capturedHeight, FULLPAGE_MAX_PX } from './full-page-region';

describe('capturedHeight', () => {
  it('keeps a page shorter than ten screens whole', () => {
    expect(capturedHeight(7_999, 800)).toBe(7_999);
  });

  it('cuts a taller page at ten screens', () => {
    expect(capturedHeight(27_136, 800)).toBe(8_000);
    expect(capturedHeight(140_359, 800)).toBe(8_000);
  });

  it('never goes past its pixel ceiling, whatever the window', () => {
    expect(capturedHeight(140_359, 2_160)).toBe(FULLPAGE_MAX_PX);
    expect(FULLPAGE_MAX_PX).toBeLessThan(65_535); // JPEG's own limit
  });
});
