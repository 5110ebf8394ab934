import { defineContentScript } from 'wxt/utils/define-content-script';
import { OSORTOO_PAGE_MATCHES } from '../utils/osortoo-pages';
import { answerSnapshots, watchErrorCount } from '../utils/page-reader';

/**
 * The extension's eyes on an Osortoo page (isolated world): answers the form with what the
 * page hook recorded, scrubbed, plus the draw's context read from the page.
 */
export default defineContentScript({
  matches: OSORTOO_PAGE_MATCHES,
  runAt: 'document_start',
  main() {
    answerSnapshots();
    watchErrorCount();
  },
});
