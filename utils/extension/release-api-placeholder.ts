/**
 * The release build's support API address until Osortoo's production address is known. Alone
 * and import-free so that `npm run zip` (scripts/release-zip.ts, under Node) refuses a release
 * still pointing here, with the same value the extension is built with (build-config.ts).
 */
export const RELEASE_API_PLACEHOLDER = 'https://support-api.osortoo.com';
