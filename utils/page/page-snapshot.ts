/**
 * Answers the worker's requests for a snapshot of this page (for the form), in the top window
 * only: its scrubbed URL and title, the draw's context read from the page, everything
 * recorded (utils/page/collect-diagnostics.ts) and the page's own measurements. The page cannot
 * call into this world, but it can feed it data: the worker validates the whole snapshot
 * against the contract (utils/diagnosis/page-answers.ts).
 */
import { onMessage, type PageSnapshot } from '../extension/messaging';
import { scrubUrl } from '../contract/scrub';
import { drawContextFromPage } from './draw-context';
import { collectDiagnostics } from './collect-diagnostics';
import { LIMITS } from '../contract/limits';

/** Builds the snapshot the worker asks for. */
export function takeSnapshot(): PageSnapshot {
  return {
    url: scrubUrl(location.href),
    title: document.title.slice(0, LIMITS.shortTextChars),
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
