/**
 * Removes what an attached photo says besides its pixels: EXIF (camera, date, GPS position),
 * XMP, comments and text chunks. The customer sees the picture in the form, not its metadata,
 * so it must not leave with the ticket. Lossless: the image data is copied byte for byte.
 * Colour information (JFIF, ICC profiles, Adobe markers, PNG gamma/colour chunks) is kept.
 */
import type { ImageType } from '../contract/schemas';

/** The same image without its metadata; input it cannot walk is returned unchanged. */
export function stripImageMetadata(bytes: Uint8Array<ArrayBuffer>, type: ImageType): Uint8Array<ArrayBuffer> {
  try {
    if (type === 'image/jpeg') return stripJpeg(bytes);
    if (type === 'image/png') return stripPng(bytes);
    return stripWebp(bytes);
  } catch {
    return bytes;
  }
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** APP0 (JFIF), APP2 (ICC profile) and APP14 (Adobe colour transform) matter for display. */
const JPEG_KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

function stripJpeg(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error('Corrupt JPEG');
    const marker = bytes[offset + 1]!;
    // Start of scan: the entropy-coded data follows, up to the end; copied as it is.
    if (marker === 0xda) {
      parts.push(bytes.subarray(offset));
      return concat(parts);
    }
    const end = offset + 2 + view.getUint16(offset + 2);
    const isMetadata = (marker >= 0xe1 && marker <= 0xef && !JPEG_KEEP_APP.has(marker)) || marker === 0xfe;
    if (!isMetadata) parts.push(bytes.subarray(offset, end));
    offset = end;
  }
  throw new Error('JPEG without image data');
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) throw new Error('Truncated PNG');
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return concat(parts);
}

function stripWebp(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const type = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    const end = offset + 8 + size + (size % 2);
    if (end > bytes.length) throw new Error('Truncated WebP');
    if (type === 'VP8X') {
      const chunk = bytes.slice(offset, end);
      chunk[8] = chunk[8]! & ~(0x08 | 0x04); // the EXIF and XMP flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      parts.push(bytes.subarray(offset, end));
    }
    offset = end;
  }
  const body = concat(parts);
  const header = bytes.slice(0, 12);
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}
