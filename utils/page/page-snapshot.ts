/**
 * Answers the worker's requests for a snapshot of this page (for the form), in the top window
 * only: the draw's context read from the page, everything recorded
 * (utils/page/collect-diagnostics.ts) and the page's own measurements. Its texts are bounded,
 * not scrubbed: the worker scrubs them before anything reads them, then validates the whole
 * snapshot against the contract (utils/diagnosis/page-answers.ts). The page cannot call into
 * this world, but it can feed it data.
 */
import { onMessage, type PageSnapshot } from '../extension/messaging';
import { drawContextFromPage } from './draw-context';
import { collectDiagnostics } from './collect-diagnostics';

/** Builds the snapshot the worker asks for. */
export function takeSnapshot(): PageSnapshot {
  return {
    context: drawContextFromPage({ url: location.href, doc: document }),
    diagnostics: collectDiagnostics(),
    page: {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      screen: { width: screen.width, height: screen.height },
      devicePixelRatio: window.devicePixelRatio || 1,
      online: navigator.onLine,
    },
  };
}

/** Answers the worker's requests for a snapshot of this page (top window only). */
export function answerSnapshots(): void {
  onMessage('getPageSnapshot', () => takeSnapshot());
}
