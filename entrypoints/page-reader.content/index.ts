import { defineContentScript } from 'wxt/utils/define-content-script';
import { OSORTOO_PAGE_MATCHES } from '../../utils/contract/osortoo-urls';
import { recordDomEvents } from '../../utils/page/dom-events';
import { answerSnapshots } from '../../utils/page/page-snapshot';
import { watchErrorCount } from '../../utils/page/error-count';

/**
 * The extension's eyes on an Osortoo page (isolated world). In every frame it records the
 * resource failures and CSP violations the DOM reports; in the top frame it also answers the
 * form with what was recorded (the page hook's buffers and its own, from same-origin frames
 * too), bounded, plus the draw's context read from the page, and keeps the badge's error count.
 * Nothing is scrubbed here: the worker scrubs every text before anything reads it
 * (utils/diagnosis/scrub-page-answers.ts), so the scrubber costs this tab neither time nor bytes.
 * The page cannot call into this world; all it can do is feed it data (it can forge the hook's
 * events and answers), which is bounded here and scrubbed and validated by the worker.
 */
export default defineContentScript({
  matches: OSORTOO_PAGE_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    recordDomEvents();
    if (window !== window.top) return;
    answerSnapshots();
    watchErrorCount();
  },
});
