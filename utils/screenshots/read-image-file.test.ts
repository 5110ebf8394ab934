import { describe, expect, it } from 'vitest';
import { LIMITS } from '../contract/limits';
import { checkFileHead, MAX_INPUT_BYTES } from './read-image-file';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0);

describe('checkFileHead', () => {
  it('checks the type first, then the hard input cap, then emptiness', () => {
    expect(checkFileHead(bytes('text'), 10)).toEqual({ ok: false, reason: 'type' });
    expect(checkFileHead(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '), 10)).toEqual({ ok: false, reason: 'type' });
    expect(checkFileHead(PNG, MAX_INPUT_BYTES + 1)).toEqual({ ok: false, reason: 'size' });
    expect(checkFileHead(PNG, MAX_INPUT_BYTES)).toEqual({ ok: true, type: 'image/png' });
    expect(checkFileHead(JPEG, LIMITS.screenshotBytes + 1)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkFileHead(PNG, 0)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
