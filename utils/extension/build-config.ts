/**
 * Build-time configuration. `SUPPORT_API_URL` is read when the extension is built
 * (see wxt.config.ts); outside release builds it defaults to the local reference API.
 */
import { browser } from 'wxt/browser';
import { BUILT_API_URL, IS_RELEASE } from './build-env';
import { DEV_API_URL_KEY } from './dev-api-url-key';
import { RELEASE_API_PLACEHOLDER } from './release-api-placeholder';

/** Placeholder until the production API's address is known; override with SUPPORT_API_URL. */
const RELEASE_API_URL = RELEASE_API_PLACEHOLDER;
const LOCAL_API_URL = 'http://127.0.0.1:8787';

/** Base URL of the support API as built, without a trailing slash. */
export function builtApiUrl(): string {
  const fallback = IS_RELEASE ? RELEASE_API_URL : LOCAL_API_URL;
  return (BUILT_API_URL || fallback).replace(/\/+$/, '');
}

/**
 * Base URL of the support API. Development and e2e builds accept an override from storage,
 * so that tests can run several APIs on free ports against one build; the release build
 * compiles that branch away and always uses the built URL.
 */
export async function supportApiUrl(): Promise<string> {
  if (!IS_RELEASE) {
    const stored = (await browser.storage.local.get(DEV_API_URL_KEY))[DEV_API_URL_KEY];
    if (typeof stored === 'string' && /^https?:\/\/[^/]+/.test(stored)) return stored.replace(/\/+$/, '');
  }
  return builtApiUrl();
}
