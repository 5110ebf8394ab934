/**
 * What the popup (utils/screenshots/full-page.ts) and the script it injects into the customer's
 * page (entrypoints/fullpage-capture/index.ts) say to each other. The page side registers one
 * object in the extension's isolated world; each `scripting.executeScript` call reaches it:
 * `run` (awaited), `stage` (polled for the progress bar) and `cancel`.
 */

/** Where the page side is; the popup adds its own stages (drawing, compressing). */
export type PageStage = 'planning' | 'cloning' | 'serialising' | 'done';

export type PageAnswer =
  | {
      ok: true;
      /** The page's top `height` CSS pixels as an SVG image (data: URL), drawn by the popup. */
      svg: string;
      /** Where the captured box sits in the SVG (its viewBox may add a margin for shadows). */
      x: number;
      y: number;
      width: number;
      height: number;
      /** The whole page's height: more than `height` when the capture was cut. */
      pageHeight: number;
    }
  | { ok: false; reason: 'failed' | 'cancelled'; detail: string };

export interface FullPageDoor {
  run(): Promise<PageAnswer>;
  stage(): PageStage | undefined;
  cancel(): void;
}

declare global {
  var __osortooFullPage: FullPageDoor | undefined;
}
