/**
 * The one image-type check, by magic bytes, shared by the extension (the editor, the header
 * reader, attached files) and the API (which re-checks every screenshot part). The file name
 * and the declared content type are set by the client and prove nothing: only the bytes count.
 * Pure and Node-safe.
 */
import type { ImageType } from './schemas';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// SOI marker followed by the first segment's marker byte.
const JPEG = [0xff, 0xd8, 0xff];
// A RIFF container ("RIFF", 4 bytes of chunk size) whose form type is "WEBP".
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * PNG, JPEG or WebP from the first bytes (12 are enough).
 *
 * @returns the detected type, or null when the bytes are none of the three accepted formats,
 *   including a signature cut short.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (hasAt(bytes, 0, PNG)) return 'image/png';
  if (hasAt(bytes, 0, JPEG)) return 'image/jpeg';
  if (hasAt(bytes, 0, RIFF) && hasAt(bytes, 8, WEBP)) return 'image/webp';
  return null;
}

function hasAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((byte, i) => bytes[offset + i] === byte);
}
