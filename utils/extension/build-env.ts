/**
 * Every value the extension takes from its build, read in this one module (wxt.config.ts
 * defines them; `npm test` builds with a fast status refresh and a short upload timeout so that
 * the e2e suites see changes within a test). Literals after the build, so that branches on them
 * are compiled away: the release bundle holds no development-only code.
 */

/** The build: 'production' (release), 'development' (`npm start`) or 'e2e' (`npm test`). */
export const BUILD_MODE: string = import.meta.env.MODE;

/** True in the release build only. */
export const IS_RELEASE = import.meta.env.MODE === 'production';

/** SUPPORT_API_URL as given to the build, or '' for the mode's default. */
export const BUILT_API_URL: string = (import.meta.env.SUPPORT_API_URL as string | undefined) ?? '';

/** How often an open form and "My tickets" ask the API for support's status again (STATUS_REFRESH_MS). */
export const STATUS_REFRESH_MS = Number(import.meta.env.STATUS_REFRESH_MS) || 60_000;

/** An upload that has not answered by then is aborted and retried (DELIVERY_TIMEOUT_MS). */
export const DELIVERY_TIMEOUT_MS = Number(import.meta.env.DELIVERY_TIMEOUT_MS) || 30_000;
