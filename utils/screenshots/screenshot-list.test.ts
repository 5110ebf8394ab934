import { describe, expect, it } from 'vitest';
import { LIMITS } from '../contract/limits';
import { addScreenshots, removeScreenshot, replaceScreenshot, toTicketScreenshots, type FormScreenshot } from './screenshot-list';

const shot = (id: string, over: Partial<FormScreenshot['meta']> = {}): FormScreenshot => ({
  id,
  blob: new Blob([id]),
  meta: { source: 'attachment', type: 'image/png', width: 10, height: 10, bytes: 2, edited: false, ...over },
});

describe('the screenshot list', () => {
  it('adds up to LIMITS.screenshots and counts the refused', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => shot(id));
    const { next, refused } = addScreenshots(four, [shot('e'), shot('f'), shot('g')]);
    expect(LIMITS.screenshots).toBe(6);
    expect(next.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(refused).toBe(1);
    expect(addScreenshots(next, [shot('h')])).toEqual({ next, refused: 1 });
    expect(addScreenshots([], [shot('x')], 1).refused).toBe(0);
  });

  it('removes by id and replaces in place', () => {
    const list = [shot('a'), shot('b'), shot('c')];
    expect(removeScreenshot(list, 'b').map((s) => s.id)).toEqual(['a', 'c']);
    expect(removeScreenshot(list, 'zz')).toEqual(list);
    const edited = shot('b', { edited: true, type: 'image/jpeg' });
    const replaced = replaceScreenshot(list, edited);
    expect(replaced.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(replaced[1]).toBe(edited);
    expect(list[1]!.meta.edited).toBe(false);
  });

  it('gives the ticket indexed metadata and blobs in the same order', () => {
    const list = [shot('a', { source: 'visible' }), shot('b')];
    const { metas, blobs } = toTicketScreenshots(list);
    expect(metas.map((m) => [m.index, m.source])).toEqual([
      [0, 'visible'],
      [1, 'attachment'],
    ]);
    expect(blobs).toEqual([list[0]!.blob, list[1]!.blob]);
  });
});
