/** An image as an encoder hands it back: the bytes, their type and the pixel size they hold. */
import type { ImageType } from '../contract/schemas';

/** The result of fitting a capture under its cap (capture-encode.ts) or of burning edits in (encode-edits.ts). */
export interface Encoded {
  blob: Blob;
  type: ImageType;
  width: number;
  height: number;
}
