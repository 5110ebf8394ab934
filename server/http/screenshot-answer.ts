/**
 * The one way the API serves a stored screenshot, wherever it is read from (support's bearer
 * route, the inbox, a signed link in a webhook). The bytes are the customer's: a PNG that is also
 * HTML, or a JPEG that is also SVG, must never run. nosniff keeps the browser on the image type;
 * the sandbox (no scripts, unique origin) and default-src 'none' hold even if it did not.
 */
import type { Context } from 'hono';
import type { StoredScreenshot } from '../db';

export const IMAGE_CSP = "sandbox; default-src 'none'";

/** `screenshot-<index>.<png|jpeg|webp>` */
export function screenshotFileName(shot: StoredScreenshot): string {
  return `screenshot-${shot.index}.${shot.contentType.split('/')[1]}`;
}

export function screenshotAnswer(c: Context, shot: StoredScreenshot, options: { fileName?: string; download?: boolean } = {}): Response {
  return c.body(new Uint8Array(shot.bytes), 200, {
    'Content-Type': shot.contentType,
    'Content-Security-Policy': IMAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `${options.download ? 'attachment' : 'inline'}; filename="${options.fileName ?? screenshotFileName(shot)}"`,
    'Cache-Control': 'private, no-store',
  });
}
