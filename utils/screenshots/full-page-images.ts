/**
 * Small images (avatars, icons, logos) in a full-page capture, drawn once per picture instead of
 * once per copy. Runs in the customer's tab, as a snapdom plugin of
 * entrypoints/fullpage-capture/index.ts.
 *
 * Why: snapdom gives each <img> of its clone its own data: URL, which the page then loads for
 * a detached clone it never shows, and which the popup loads again, one image document each,
 * when it draws the SVG. A draw page shows one avatar per comment: on the bench's 27,136 px
 * page, the 108 avatars above the cut (8 different pictures) cost about 250-330 ms of CPU out
 * of the capture's ~1.3 s (traced: the page's clone and image stages, the popup's decode and
 * draw; measured against the same capture without them). Here each picture is drawn once, at
 * the size it is shown (the capture is at 1 CSS px per pixel), as a PNG; the copies carry no
 * src and point at it from one CSS rule (`content: url()`, which Chromium draws like the image
 * itself, object-fit included). The clone is detached, so the page never applies that rule:
 * only the popup loads each picture, once.
 *
 * Only what can be drawn identically takes this path: loaded, readable images (same origin or
 * CORS: a tainted canvas cannot be read), shown at most SMALL_PX wide and high, with an
 * object-fit that depends on the picture's proportions only. Anything else returns undefined
 * and snapdom clones it its usual way.
 */

/** Avatars and icons: above this size a PNG of the displayed picture may outweigh its source. */
const SMALL_PX = 128;
const FITS = new Set(['fill', 'contain', 'cover']);
/** Everything that makes the browser load a picture; the rest of the attributes are kept. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'sizes', 'loading', 'decoding', 'style']);
export const PICTURE_ATTRIBUTE = 'data-osortoo-picture';

export interface SmallImages {
  /** snapdom's `resolveNode`: the clone of `node` when it is a small image, else undefined. */
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

  const draw = (image: HTMLImageElement, width: number, height: number): string | null => {
    try {
      const canvas = document.createElement('canvas');
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

  return {
    resolve(node) {
      if (node.localName !== 'img' || node.namespaceURI !== 'http://www.w3.org/1999/xhtml') return undefined;
      const image = node as HTMLImageElement;
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
      if (!picture) return undefined;
      const clone = document.createElement('img');
      for (const attribute of image.attributes)
        if (!LOADING_ATTRIBUTES.has(attribute.name)) clone.setAttribute(attribute.name, attribute.value);
      clone.setAttribute(PICTURE_ATTRIBUTE, String(picture.id));
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
