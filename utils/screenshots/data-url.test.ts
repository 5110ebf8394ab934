import { describe, expect, it } from 'vitest';
import { blobFromDataUrl, dataUrlFromBlob } from './data-url';

describe('data URLs', () => {
  it('round-trips every byte value, large images included', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    const url = await dataUrlFromBlob(new Blob([bytes], { type: 'image/jpeg' }));
    expect(url.startsWith('data:image/jpeg;base64,')).toBe(true);
    const blob = blobFromDataUrl(url);
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('reads what captureVisibleTab writes', async () => {
    const blob = blobFromDataUrl('data:image/png;base64,iVBORw0KGgo=');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('refuses what is not a base64 data URL', () => {
    expect(() => blobFromDataUrl('https://example.com/a.png')).toThrow('not a base64 data URL');
    expect(() => blobFromDataUrl('data:text/plain,hello')).toThrow('not a base64 data URL');
    expect(() => blobFromDataUrl('data:image/png;base64,***')).toThrow();
  });
});
