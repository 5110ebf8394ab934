/**
 * Screenshots cross the extension's messaging as base64 data URLs (it carries JSON only).
 * Decoding one in script is synchronous and takes about a millisecond; `fetch(dataUrl)` goes
 * through the network stack and, in a popup busy loading its interface, took tens of
 * milliseconds.
 */

/** The bytes of a base64 `data:` URL as a Blob of its media type. Throws on anything else. */
export function blobFromDataUrl(dataUrl: string): Blob {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w-]+=[\w.+-]+)*;base64,/.exec(dataUrl.slice(0, 200));
  if (!match) throw new Error('not a base64 data URL');
  const binary = atob(dataUrl.slice(match[0].length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] ?? '' });
}

/** A Blob as a base64 `data:` URL. */
export async function dataUrlFromBlob(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the stack on large images.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}
