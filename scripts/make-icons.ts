/**
 * Draws the toolbar icons (public/icon/*.png): a violet disc with a white speech bubble.
 * Generated rather than drawn by hand so that every size is crisp; run `tsx scripts/make-icons.ts`.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const s = 4; // supersampling per axis
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      let disc = 0;
      let bubble = 0;
      for (let sy = 0; sy < s; sy += 1) {
        for (let sx = 0; sx < s; sx += 1) {
          const u = (x + (sx + 0.5) / s) / size - 0.5;
          const v = (y + (sy + 0.5) / s) / size - 0.5;
          if (u * u + v * v <= 0.25) disc += 1;
          const inBody = ((u) / 0.3) ** 2 + ((v + 0.04) / 0.22) ** 2 <= 1;
          const inTail = v > 0.1 && v < 0.3 && u > -0.2 && u < -0.02 && (u + 0.2) * 1.1 > (v - 0.1);
          const inDot = [-0.13, 0, 0.13].some((cx) => (u - cx) ** 2 + (v + 0.04) ** 2 <= 0.045 ** 2);
          if ((inBody || inTail) && !inDot) bubble += 1;
        }
      }
      const a = disc / (s * s);
      const w = Math.min(bubble / (s * s), a);
      const o = 1 + x * 4;
      row[o] = Math.round(91 * (1 - w) + 255 * w);
      row[o + 1] = Math.round(43 * (1 - w) + 255 * w);
      row[o + 2] = Math.round(214 * (1 - w) + 255 * w);
      row[o + 3] = Math.round(255 * a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('wrote public/icon/{16,32,48,128}.png');
