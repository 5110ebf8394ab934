/**
 * Every rule that recognises an Osortoo page lives here, so that it is easy to correct
 * when the app's real URL patterns are known (they are not public).
 */

/** Pages the content scripts run on in the release build. */
export const OSORTOO_PAGE_MATCHES = ['https://osortoo.com/*', 'https://*.osortoo.com/*'];

/** Added by the development and e2e builds only, for the local demo draw page. */
export const DEV_PAGE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
