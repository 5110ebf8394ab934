/**
 * Reads the pixel size of a PNG, JPEG or WebP from its first bytes, without decoding it: the
 * form needs a capture's size at once, and decoding a 1280×800 JPEG costs tens of milliseconds.
 */
import { detectImageType } from '../contract/image-type';
import type { ImageType } from '../contract/schemas';

export interface ImageSize {
  type: ImageType;
  width: number;
  height: number;
}

/** The image's type and size from its header; throws on anything else or a corrupt header. */
export function imageSize(bytes: Uint8Array): ImageSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  // The type comes from the one magic-bytes check; each branch then reads its format's header.
  const type = detectImageType(bytes);
  if (type === 'image/png') return { type, width: view.getUint32(16), height: view.getUint32(20) };
  if (type === 'image/jpeg') {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) throw new Error('Corrupt JPEG');
      const marker = bytes[offset + 1]!;
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'image/jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + view.getUint16(offset + 2);
    }
    throw new Error('JPEG without a frame header');
  }
  if (type === 'image/webp') {
    const chunk = ascii(12, 16);
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    if (chunk === 'VP8X') return { type: 'image/webp', width: 1 + u24(24), height: 1 + u24(27) };
    if (chunk === 'VP8 ')
      return { type: 'image/webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true);
      return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  throw new Error('Not a PNG, JPEG or WebP image');
}
