import { defineContentScript } from 'wxt/utils/define-content-script';
import osortooPageHook from 'virtual:osortoo-page-hook';
import { OSORTOO_PAGE_MATCHES } from '../../utils/contract/page-matches';
import { INJECTED_MARKER } from '../../utils/page/hook/protocol';

/**
 * Runs in the page's own world before any page script, so that errors logged while the page
 * boots are recorded too. Frames are covered: each keeps its own buffer, which the top window's content script reads.
 *
 * The hook runs as page code (an inline script) because a wrapper defined by an extension
 * script makes every console.error call several times slower. Where the page's CSP refuses
 * inline scripts, the same function runs here instead: slower, but nothing is missed.
 */
export default defineContentScript({
  matches: OSORTOO_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    try {
      const script = document.createElement('script');
      script.textContent = `${INJECTED_MARKER}(${osortooPageHook})()`;
      document.documentElement.append(script);
      script.remove();
    } catch {
      // No document element yet (an unusual document): the fallback below installs it.
    }
    // Installs only if the inline script did not run (the hook is idempotent per window).
    osortooPageHook();
  },
});
