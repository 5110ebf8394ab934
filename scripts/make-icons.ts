/**
 * Draws the toolbar icons (public/icon/*.png): a violet disc with a white speech bubble.
 * Generated rather than drawn by hand so that every size is crisp; run `tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './png';

/** The icon at one size: coverage of the disc and of the bubble, supersampled 4×4 per pixel. */
function icon(size: number): Buffer {
  const s = 4;
  return encodePng(size, size, (x, y) => {
    let disc = 0;
    let bubble = 0;
    for (let sy = 0; sy < s; sy += 1) {
      for (let sx = 0; sx < s; sx += 1) {
        const u = (x + (sx + 0.5) / s) / size - 0.5;
        const v = (y + (sy + 0.5) / s) / size - 0.5;
        if (u * u + v * v <= 0.25) disc += 1;
        const inBody = (u / 0.3) ** 2 + ((v + 0.04) / 0.22) ** 2 <= 1;
        const inTail = v > 0.1 && v < 0.3 && u > -0.2 && u < -0.02 && (u + 0.2) * 1.1 > v - 0.1;
        const inDot = [-0.13, 0, 0.13].some((cx) => (u - cx) ** 2 + (v + 0.04) ** 2 <= 0.045 ** 2);
        if ((inBody || inTail) && !inDot) bubble += 1;
      }
    }
    const a = disc / (s * s);
    const w = Math.min(bubble / (s * s), a);
    return [
      Math.round(91 * (1 - w) + 255 * w),
      Math.round(43 * (1 - w) + 255 * w),
      Math.round(214 * (1 - w) + 255 * w),
      Math.round(255 * a),
    ] as const;
  });
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('wrote public/icon/{16,32,48,128}.png');
