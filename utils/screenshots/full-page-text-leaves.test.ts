import { describe, expect, it } from 'vitest';
import { cloneTextLeaf, XHTML } from './full-page-text-leaves';

/** Just what cloneTextLeaf reads of an element. */
function element(
  localName: string,
  { child = false, attributes = [] as string[], namespaceURI = XHTML, shadowRoot = null as object | null } = {},
) {
  const clone = { cloneOf: localName };
  return {
    clone,
    node: {
      localName,
      namespaceURI,
      shadowRoot,
      firstElementChild: child ? {} : null,
      hasAttribute: (name: string) => attributes.includes(name),
      cloneNode: (deep: boolean) => (deep ? clone : undefined),
    } as unknown as Element,
  };
}

describe('cloneTextLeaf', () => {
  it('clones an element holding only text whole, in one call', () => {
    for (const tag of ['a', 'span', 'time', 'p', 'h1', 'li']) {
      const { node, clone } = element(tag);
      expect(cloneTextLeaf(node)).toBe(clone);
    }
  });

  it('leaves elements with element children to snapdom', () => {
    expect(cloneTextLeaf(element('div', { child: true }).node)).toBeUndefined();
  });

  it('leaves what snapdom handles specially to snapdom', () => {
    for (const tag of ['textarea', 'option', 'button', 'input', 'img', 'canvas', 'video', 'iframe', 'progress', 'slot'])
      expect(cloneTextLeaf(element(tag).node), tag).toBeUndefined();
    expect(cloneTextLeaf(element('span', { attributes: ['style'] }).node)).toBeUndefined();
    expect(cloneTextLeaf(element('span', { attributes: ['data-capture'] }).node)).toBeUndefined();
    expect(cloneTextLeaf(element('my-card', { shadowRoot: {} }).node)).toBeUndefined();
    expect(cloneTextLeaf(element('text', { namespaceURI: 'http://www.w3.org/2000/svg' }).node)).toBeUndefined();
  });
});
