/**
 * Elements holding only text (names, labels, dates, a comment's line) in a full-page capture,
 * cloned whole in one call. Runs in the customer's tab, in the snapdom plugin of
 * entrypoints/fullpage-capture/index.ts.
 *
 * Why: snapdom clones every element on its own general path (form fields, shadow roots, slots,
 * var() in attributes, a promise per child node), then its text child on another; a draw
 * page's comment is mostly such leaves. snapdom still copies the leaf's computed style (its
 * `resolveNode` contract); only the general path and the child's round are skipped.
 *
 * Anything that path handles specially keeps it: form fields, gauges and replaced elements, an
 * inline style (which may hold var()), data-capture, a shadow root, anything outside HTML.
 */

const SPECIAL = new Set([
  'audio',
  'button',
  'canvas',
  'datalist',
  'embed',
  'iframe',
  'img',
  'input',
  'link',
  'math',
  'meter',
  'meta',
  'noscript',
  'object',
  'optgroup',
  'option',
  'picture',
  'progress',
  'script',
  'select',
  'slot',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** HTML elements' namespace: an SVG or MathML element of the same name is drawn another way. */
export const XHTML = 'http://www.w3.org/1999/xhtml';

/** A deep clone of `node` when it holds only text, else undefined (snapdom's own path). */
export function cloneTextLeaf(node: Element): Element | undefined {
  if (node.firstElementChild !== null || node.namespaceURI !== XHTML) return undefined;
  if (SPECIAL.has(node.localName) || node.shadowRoot || node.hasAttribute('style') || node.hasAttribute('data-capture')) return undefined;
  return node.cloneNode(true) as Element;
}
