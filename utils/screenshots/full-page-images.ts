/**
 * Small images (avatars, icons, logos) in a full-page capture, drawn once per picture instead of
 * once per copy, ahead of the clone. Runs in the customer's tab, for
 * entrypoints/fullpage-capture/index.ts (a snapdom plugin returns the prepared copies).
 *
 * Why: snapdom gives each <img> of its clone its own data: URL, which the page then loads for
 * a detached clone it never shows, and which the popup loads again, one image each, when it
 * draws the SVG. A draw page shows one profile picture per comment: on the bench's 27,136 px
 * page (tests/fixtures/in-flow-draw-page.ts, a photo of its own for each commenter), snapdom's
 * way took the capture to 1.8-2.0 s, against 1.0-1.2 s this way (`npm run bench`). Here each
 * picture is drawn once, at the size it is shown (the capture is at 1 CSS px per pixel), as a
 * PNG; the copies carry no src and point at it from one CSS rule (`content: url()`, which
 * Chromium draws like the image itself, object-fit included). The clone is detached, so the page
 * never applies that rule: only the popup loads each picture, once.
 *
 * The pictures are drawn before the clone, in slices of a few milliseconds (`prepare`): each
 * costs about a millisecond (the source decoded, drawn, encoded), and a hundred of them drawn
 * while snapdom asked for each copy made a task of over 100 ms in the customer's page.
 *
 * Only what can be drawn identically takes this path: loaded, readable images (same origin or
 * CORS: a tainted canvas cannot be read), shown at most SMALL_PX wide and high, with an
 * object-fit that depends on the picture's proportions only. Anything else (and any image the
 * page added after `prepare`) is left to snapdom, which clones it its usual way.
 */
import { XHTML } from './full-page-text-leaves';
import { Slices } from './next-turn';

/** Avatars and icons: above this size a PNG of the displayed picture may outweigh its source. */
const SMALL_PX = 128;
const FITS = new Set(['fill', 'contain', 'cover']);
/** Everything that makes the browser load a picture; the rest of the attributes are kept. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'sizes', 'loading', 'decoding', 'style']);
export const PICTURE_ATTRIBUTE = 'data-osortoo-picture';

export interface SmallImages {
  /** Draws the pictures of the images above `cut` (page CSS px), yielding every few milliseconds. */
  prepare(root: Element, cut: number, cancelled: () => boolean): Promise<void>;
  /** snapdom's `resolveNode`: the clone of `node` when it is a prepared small image, else undefined. */
  resolve(node: Element): Element | undefined;
  /** The rules that draw the pictures, for the SVG's style sheet. */
  css(): string;
}

const px = (value: string) => Number.parseFloat(value) || 0;

/**
 * The size to draw a picture of `natural` size shown in a content box of `box` CSS px: its own
 * proportions, scaled to cover the box, so that object-fit crops, fits or stretches it exactly
 * as it does the original. Undefined when the box is empty or not small.
 */
export function pictureSize(
  boxWidth: number,
  boxHeight: number,
  naturalWidth: number,
  naturalHeight: number,
): { width: number; height: number } | undefined {
  if (!(boxWidth > 0 && boxHeight > 0 && naturalWidth > 0 && naturalHeight > 0)) return undefined;
  if (boxWidth > SMALL_PX || boxHeight > SMALL_PX) return undefined;
  const scale = Math.max(boxWidth / naturalWidth, boxHeight / naturalHeight);
  const width = Math.max(1, Math.round(naturalWidth * scale));
  const height = Math.max(1, Math.round(naturalHeight * scale));
  // A very long picture cropped by object-fit: cover would be drawn far larger than it shows.
  return width * height > 4 * SMALL_PX * SMALL_PX ? undefined : { width, height };
}

export function smallImages(): SmallImages {
  /** PNG data: URL (or null when the picture cannot be read) by source and drawn size. */
  const pictures = new Map<string, { id: number; url: string } | null>();
  /** The picture of each prepared image. */
  const prepared = new Map<Element, number>();
  let canvas: HTMLCanvasElement | undefined;

  const draw = (image: HTMLImageElement, width: number, height: number): string | null => {
    try {
      // One canvas for every picture: resizing it clears it.
      canvas ??= document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, width, height);
      // Throws on a picture from another origin without CORS: snapdom's own path decides then.
      return canvas.toDataURL('image/png');
    } catch {
      return null;
    }
  };

  /** The picture `image` is drawn as, drawing it if it is the first copy; undefined if it cannot be. */
  const pictureOf = (image: HTMLImageElement): number | undefined => {
    const source = image.currentSrc;
    if (!source || !image.complete || !image.naturalWidth || !image.naturalHeight) return undefined;
    const style = getComputedStyle(image);
    if (!FITS.has(style.objectFit) || style.imageRendering !== 'auto') return undefined;
    const size = pictureSize(
      image.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
      image.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
      image.naturalWidth,
      image.naturalHeight,
    );
    if (!size) return undefined;
    const { width, height } = size;
    const key = `${width}x${height} ${source}`;
    let picture = pictures.get(key);
    if (picture === undefined) {
      const url = draw(image, width, height);
      picture = url ? { id: pictures.size, url } : null;
      pictures.set(key, picture);
    }
    return picture?.id;
  };

  return {
    async prepare(root, cut, cancelled) {
      const slices = new Slices(cancelled);
      for (const image of root.querySelectorAll('img')) {
        if (slices.due) await slices.next();
        if (image.namespaceURI !== XHTML) continue;
        // Below the cut it is not drawn: no picture to prepare.
        if (image.getBoundingClientRect().top + window.scrollY >= cut) continue;
        const id = pictureOf(image);
        if (id !== undefined) prepared.set(image, id);
      }
    },
    resolve(node) {
      const id = prepared.get(node);
      if (id === undefined) return undefined;
      const clone = document.createElement('img');
      for (const attribute of node.attributes)
        if (!LOADING_ATTRIBUTES.has(attribute.name)) clone.setAttribute(attribute.name, attribute.value);
      clone.setAttribute(PICTURE_ATTRIBUTE, String(id));
      return clone;
    },
    css() {
      let rules = '';
      for (const picture of pictures.values())
        if (picture) rules += `img[${PICTURE_ATTRIBUTE}="${picture.id}"]{content:url("${picture.url}")!important}`;
      return rules;
    },
  };
}
