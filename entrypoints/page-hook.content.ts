import { defineContentScript } from 'wxt/utils/define-content-script';
import { OSORTOO_PAGE_MATCHES } from '../utils/osortoo-pages';
import { installPageHook } from '../utils/page-hook';

/**
 * Runs in the page's own world before any page script, so that errors logged while the page
 * boots are recorded too. Frames are covered: same-origin frames feed the top window's buffer.
 */
export default defineContentScript({
  matches: OSORTOO_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    installPageHook();
  },
});
