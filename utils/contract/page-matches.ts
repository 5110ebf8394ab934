/**
 * The match patterns of the content scripts, alone in their module: the MAIN-world hook's
 * script (≤ 3 KB gzipped, entrypoints/page-hook.content/index.ts) imports them without pulling in
 * the URL rules and the scrubber, whose module-level patterns no bundler can drop.
 */

/** Pages the content scripts run on in the release build. */
export const OSORTOO_PAGE_MATCHES = ['https://osortoo.com/*', 'https://*.osortoo.com/*'];

/** Added by the development and e2e builds only, for the local demo draw page. */
export const DEV_PAGE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
