import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size';

/** A real (tiny) PNG header for a width × height image. */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, deflateSync(Buffer.alloc(0))]);
}

/** A JPEG header as captureVisibleTab writes it: SOI, APP0, DQT, then SOF0 with the size. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]), Buffer.alloc(64, 1)]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, dqt, sof]);
}

describe('imageSize', () => {
  it('reads PNG, JPEG and WebP sizes from their headers', () => {
    expect(imageSize(pngHeader(1280, 800))).toEqual({ type: 'image/png', width: 1280, height: 800 });
    expect(imageSize(jpegHeader(1280, 800))).toEqual({ type: 'image/jpeg', width: 1280, height: 800 });
    const vp8x = Buffer.alloc(30);
    vp8x.write('RIFF', 0, 'ascii');
    vp8x.write('WEBP', 8, 'ascii');
    vp8x.write('VP8X', 12, 'ascii');
    vp8x.writeUIntLE(1279, 24, 3);
    vp8x.writeUIntLE(799, 27, 3);
    expect(imageSize(vp8x)).toEqual({ type: 'image/webp', width: 1280, height: 800 });
  });

  it('refuses what is not an image, and a JPEG cut before its frame header', () => {
    expect(() => imageSize(Buffer.from('GIF89a-not-supported'))).toThrow(/Not a PNG/);
    expect(() => imageSize(Buffer.from('RIFF\0\0\0\0WAVEVP8X-not-a-webp-at-all'))).toThrow(/Not a PNG/);
    expect(() => imageSize(jpegHeader(10, 10).subarray(0, 30))).toThrow(/JPEG/);
  });
});
