import { defineConfig, type UserManifest } from 'wxt';
import { DEV_PAGE_MATCHES } from './utils/contract/osortoo-urls';
import { pageHookPlugin } from './scripts/vite-page-hook';
import { GECKO_ID } from './utils/extension/gecko-id';

/**
 * Three builds share this file:
 * - production (`npm run build`): the release; Osortoo pages only, no broad host permission.
 * - development (`npm start`): also runs on the local demo page.
 * - e2e (`npm run build:e2e`): also runs on localhost, and holds `<all_urls>` so that
 *   `tabs.captureVisibleTab` works in headless tests, where nobody can click the toolbar
 *   to grant `activeTab`. It lands in its own folder so it can never be shipped by mistake.
 */
/**
 * Public key of the development and e2e builds, so their extension id is stable
 * (olkiigammefckhmfmlfmbpaejfekofon) and the reference API can allow exactly that origin.
 * The release build has none: the store assigns its id.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3xTBc8YxhSunmm5UgxaSMpxHUY2eUTIIU8Pef+CdYywzO+v5hYdaB0ijGWo8Rd7pMMN088sKp8a+T5vAGGnuEFCBqFhmEgLUCpaIDKmcqtK/dkvwjqaHBBHaWMG67EXdKcXtPe56UrB/2TsozyvIet9GRFzXngcuy+bo4YuLNC2P+G4zw91CsGQKUNjfsTFsZyRy2j8Ydv0Pbdn7dopdF011gXltopKxBplhfdjGvmwiI8cUYZ6GBTlvNbMKWbyrwsNi5TmaMye0s7V3ry/2OSq4rHMpa3foFUVzD+9JtFbWSgVhCSthIpH+pT2rqZsmO19MPhvMiWdoUtbzV6OipwIDAQAB';

/**
 * Firefox (`npm run build:firefox`, Manifest V3): the add-on's id on addons.mozilla.org, which
 * Firefox requires for MV3, and the oldest Firefox it runs on: 140 covers MAIN-world content
 * scripts (128), `captureVisibleTab` with `activeTab` (126) and `storage.session` (115).
 * Firefox has no `key`: every build carries this id, and the e2e tests pin the internal UUID.
 */
const GECKO_SETTINGS: NonNullable<UserManifest['browser_specific_settings']> = {
  gecko: {
    id: GECKO_ID,
    strict_min_version: '140.0',
    // What a ticket holds, in Firefox's categories (docs/store.md, "Firefox data collection"):
    // the customer's e-mail, the page's content (screenshot, its errors) and the draw link. The
    // environment (browser, device) is "technical and interaction data", which Firefox allows only
    // as optional: it is sent only once the customer grants it (utils/diagnosis/technical-data.ts).
    data_collection_permissions: {
      required: ['personallyIdentifyingInfo', 'websiteContent', 'browsingActivity'],
      optional: ['technicalAndInteraction'],
    },
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Lets several developers (or test runs) build side by side without overwriting each other.
  outDir: process.env.WXT_OUT_DIR || '.output',
  // Explicit imports everywhere: the server imports the same modules under plain Node.
  imports: false,
  // `npm run zip` (scripts/release-zip.ts): the sources zip addons.mozilla.org asks for holds what
  // the extension's build reads, and nothing of the support API, the tests or the benchmarks.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'utils/**',
      'public/**',
      'scripts/vite-page-hook.ts',
      'wxt.config.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'test-doors.d.ts',
    ],
  },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'storage', 'alarms', 'scripting'],
    host_permissions: mode === 'e2e' ? ['<all_urls>'] : [],
    action: { default_title: '__MSG_actionTitle__' },
    ...(mode === 'production' || browser === 'firefox' ? {} : { key: DEV_PUBLIC_KEY }),
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // The toolbar button has no popup of its own: a click reaches the worker, which starts
      // the screenshot before opening the form (entrypoints/background/toolbar.ts).
      if (manifest.action) delete manifest.action.default_popup;
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...DEV_PAGE_MATCHES])];
      }
    },
  },
  vite: ({ mode }) => ({
    plugins: [pageHookPlugin()],
    define: {
      // The e2e build's test-only doors (test-doors.d.ts): compiled away from every other build.
      __TEST_DOORS__: JSON.stringify(mode === 'e2e'),
      'import.meta.env.SUPPORT_API_URL': JSON.stringify(process.env.SUPPORT_API_URL ?? ''),
      'import.meta.env.DELIVERY_TIMEOUT_MS': JSON.stringify(process.env.DELIVERY_TIMEOUT_MS ?? ''),
      'import.meta.env.STATUS_REFRESH_MS': JSON.stringify(process.env.STATUS_REFRESH_MS ?? ''),
    },
  }),
});
