/**
 * What a full-page capture can leave out, decided in the customer's page before anything is
 * cloned (run by entrypoints/fullpage-capture/index.ts in the extension's isolated world).
 *
 * DOM capture libraries pay for every node they clone, style and serialise, not for the area
 * they draw: on a 140,000 px draw page the 1,900 comments below the cut cost more than the 110
 * that are drawn. So the page is walked top-down once, pruning at the first element that lies
 * wholly below the cut (its subtree is never visited), and children of scroll boxes that sit
 * outside the box's visible area are marked too. The walk reads layout only (getBoundingClientRect,
 * scroll sizes; computed style only for the rare candidates that need it) and yields to the page
 * every few milliseconds, so it never makes a long task of its own.
 */

import { Slices } from './next-turn';

/** At least ten screens (issue 13), and never more than this many CSS pixels: beyond it the
 * image outgrows its 1.5 MB budget and the capture its time budget. */
export const FULLPAGE_CAP_VIEWPORTS = 10;
export const FULLPAGE_MAX_PX = 16_000;

/** The height captured from the top of the page, in CSS pixels. */
export function capturedHeight(pageHeight: number, viewportHeight: number): number {
  const cap = Math.min(FULLPAGE_MAX_PX, Math.max(1, FULLPAGE_CAP_VIEWPORTS * viewportHeight));
  return Math.max(1, Math.min(pageHeight, cap));
}

export interface RegionPlan {
  /** Wholly below the cut, or after a scroll box's visible area: dropped from the clone
   * (nothing drawn moves, since they come after it). */
  drop: Set<Element>;
  /** Scrolled past, above or beside a scroll box's visible area: kept as sized placeholders
   * so the box's scroll position and layout stay as the customer sees them. */
  placeholder: Set<Element>;
  visited: number;
}

/** Whether `box` clips its content (a scroll box or overflow: hidden) with more than it shows. */
function clipsOverflow(box: Element): boolean {
  if (box === document.documentElement || box === document.body) return false;
  if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) return false;
  const style = getComputedStyle(box);
  return style.overflowX !== 'visible' || style.overflowY !== 'visible';
}

/** Fixed and sticky elements are drawn where they sit in the clone, whatever the page's scroll. */
function isPinned(element: Element): boolean {
  const position = getComputedStyle(element).position;
  return position === 'fixed' || position === 'sticky';
}

/**
 * Walks the page from `root` and returns what to leave out of a capture of its top `cut` CSS
 * pixels. `cancelled` is checked at every slice, so an abandoned capture stops at once.
 */
export async function planRegion(root: Element, cut: number, cancelled: () => boolean): Promise<RegionPlan> {
  const plan: RegionPlan = { drop: new Set(), placeholder: new Set(), visited: 0 };
  const stack: Element[] = [root];
  const slices = new Slices(cancelled);
  // Layout does not change while we walk except through the page's own scripts, whose effect
  // between slices is at worst a node drawn or dropped at the edge: acceptable. So the window's
  // scroll and height are read once a slice: each read of layout costs a few microseconds even
  // when nothing changed, and the walk makes thousands.
  let scrollY = window.scrollY;
  let viewportHeight = window.innerHeight;
  while (stack.length > 0) {
    if (slices.due) {
      await slices.next();
      scrollY = window.scrollY;
      viewportHeight = window.innerHeight;
    }
    const parent = stack.pop()!;
    const boxArea = clipsOverflow(parent) ? parent.getBoundingClientRect() : undefined;
    for (const child of parent.children) {
      plan.visited++;
      // Nothing to decide below an element without element children (most of a page: text,
      // links, images): it is kept whole, and its own box is checked here, as a child.
      const leaf = child.firstElementChild === null;
      const r = child.getBoundingClientRect();
      // display: contents and empty boxes have no box of their own: decide on their children.
      if (r.width === 0 && r.height === 0) {
        if (!leaf) stack.push(child);
        continue;
      }
      if (boxArea && (r.top >= boxArea.bottom || r.left >= boxArea.right)) {
        plan.drop.add(child);
        continue;
      }
      if (boxArea && (r.bottom <= boxArea.top || r.right <= boxArea.left)) {
        plan.placeholder.add(child);
        continue;
      }
      const onScreen = r.bottom > 0 && r.top < viewportHeight;
      if (r.top + scrollY >= cut && !(onScreen && isPinned(child))) {
        plan.drop.add(child);
        continue;
      }
      if (!leaf) stack.push(child);
    }
  }
  return plan;
}
