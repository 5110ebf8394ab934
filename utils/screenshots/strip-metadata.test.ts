import { describe, expect, it } from 'vitest';
import { stripImageMetadata } from './strip-metadata';
import { imageSize } from './image-size';
import { encodePng } from '../../scripts/png';

const text = (s: string) => new TextEncoder().encode(s);
const has = (bytes: Uint8Array, s: string) => Buffer.from(bytes).includes(Buffer.from(s));

function segment(marker: number, payload: Uint8Array): Uint8Array {
  return Uint8Array.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
}

describe('stripImageMetadata', () => {
  it('drops EXIF (with its GPS position), XMP and comments from a JPEG, keeping JFIF, ICC and the image data', () => {
    const jfif = segment(0xe0, text('JFIF\0\u0001\u0001'));
    const exif = segment(0xe1, text('Exif\0\0GPSLatitude 48.8566 N'));
    const xmp = segment(0xe1, text('http://ns.adobe.com/xap/1.0/ <x:xmpmeta>'));
    const icc = segment(0xe2, text('ICC_PROFILE\0sRGB'));
    const comment = segment(0xfe, text('Shot at home'));
    const sof = segment(0xc0, Uint8Array.from([8, 0, 10, 0, 20, 1, 1, 0x11, 0]));
    const scan = Uint8Array.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9]);
    const jpeg = Uint8Array.from([0xff, 0xd8, ...jfif, ...exif, ...xmp, ...icc, ...comment, ...sof, ...scan]);
    const out = stripImageMetadata(jpeg, 'image/jpeg');
    expect(has(out, 'GPSLatitude')).toBe(false);
    expect(has(out, 'xmpmeta')).toBe(false);
    expect(has(out, 'Shot at home')).toBe(false);
    expect(has(out, 'JFIF')).toBe(true);
    expect(has(out, 'ICC_PROFILE')).toBe(true);
    expect(Buffer.from(out).subarray(-scan.length)).toEqual(Buffer.from(scan));
    expect(imageSize(out)).toEqual({ type: 'image/jpeg', width: 20, height: 10 });
  });

  it('drops text and EXIF chunks from a PNG and leaves a valid PNG', () => {
    const png = encodePng(4, 3, () => [10, 20, 30, 255]);
    const data = Buffer.from('Location\0Paris, FR 75');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const textChunk = Buffer.concat([length, Buffer.from('tEXt'), data, Buffer.alloc(4)]);
    const withText = Buffer.concat([png.subarray(0, 33), textChunk, png.subarray(33)]);
    const out = stripImageMetadata(withText, 'image/png');
    expect(has(withText, 'Paris')).toBe(true);
    expect(has(out, 'Paris')).toBe(false);
    expect(Buffer.from(out)).toEqual(png);
  });

  it('drops EXIF from a WebP, clears its flag and fixes the RIFF size', () => {
    const vp8x = Uint8Array.from([...text('VP8X'), 10, 0, 0, 0, 0x08, 0, 0, 0, 19, 0, 0, 9, 0, 0]);
    const exif = Uint8Array.from([...text('EXIF'), 8, 0, 0, 0, ...text('GPS 1234')]);
    const body = Uint8Array.from([...vp8x, ...exif]);
    const riff = Uint8Array.from([...text('RIFF'), (body.length + 4) & 0xff, 0, 0, 0, ...text('WEBP'), ...body]);
    const out = stripImageMetadata(riff, 'image/webp');
    expect(has(out, 'GPS')).toBe(false);
    expect(out[20]! & 0x08).toBe(0);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(imageSize(out)).toEqual({ type: 'image/webp', width: 20, height: 10 });
  });

  it('returns what it cannot walk unchanged', () => {
    const junk = Uint8Array.from([0xff, 0xd8, 0x00, 0x01, 0x02]);
    expect(stripImageMetadata(junk, 'image/jpeg')).toBe(junk);
  });
});
