import { describe, expect, it } from 'vitest';
import { detectImageType } from './image-type';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0);
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ');

describe('detectImageType', () => {
  it('knows PNG, JPEG and WebP by their first bytes only', () => {
    expect(detectImageType(PNG)).toBe('image/png');
    expect(detectImageType(JPEG)).toBe('image/jpeg');
    expect(detectImageType(WEBP)).toBe('image/webp');
    // Exactly the signature is enough; what follows is the decoders' business.
    expect(detectImageType(PNG.subarray(0, 8))).toBe('image/png');
    expect(detectImageType(JPEG.subarray(0, 3))).toBe('image/jpeg');
    expect(detectImageType(WEBP.subarray(0, 12))).toBe('image/webp');
  });

  it('refuses text, SVG, GIF and other RIFF files whatever they are called', () => {
    expect(detectImageType(bytes('hello, this is not an image'))).toBeNull();
    expect(detectImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(bytes('GIF89a', 1, 0, 1, 0))).toBeNull();
    expect(detectImageType(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(detectImageType(bytes('RIFF\0\0\0\0AVI LIST'))).toBeNull();
  });

  it('refuses signatures cut short, and nothing at all', () => {
    expect(detectImageType(PNG.subarray(0, 7))).toBeNull();
    expect(detectImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectImageType(WEBP.subarray(0, 11))).toBeNull();
    expect(detectImageType(bytes('RIFF'))).toBeNull();
    expect(detectImageType(new Uint8Array(0))).toBeNull();
  });

  it('reads a view into a larger buffer from the view’s own start', () => {
    const inside = new Uint8Array([0, 0, ...PNG]).subarray(2);
    expect(detectImageType(inside)).toBe('image/png');
    expect(detectImageType(new Uint8Array([...PNG, 0]).subarray(1))).toBeNull();
  });
});
