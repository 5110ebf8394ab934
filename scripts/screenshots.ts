/**
 * The README's pictures: the support form on the demo draw page and the options page, in
 * English and in French (Chromium's UI language, so the extension's automatic language follows
 * it), written to docs/screenshots/. Run it after UI changes: `npx tsx scripts/screenshots.ts`.
 *
 * It builds the e2e extension into its own folder (.output-settings, so no one else's build is
 * touched) unless `--reuse` is given and that build exists, then drives it with the e2e harness
 * against the real reference API and the demo draw page, both on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = '.output-settings';
const extensionDir = join(root, outDir, 'chrome-mv3-e2e');
const shotsDir = join(root, 'docs', 'screenshots');

// Chromium and the API write profiles and caches: keep them out of $HOME, and remove them after.
const scratch = mkdtempSync(join(tmpdir(), 'osortoo-shots-'));
Object.assign(process.env, {
  TMPDIR: scratch,
  XDG_CONFIG_HOME: join(scratch, 'config'),
  XDG_CACHE_HOME: join(scratch, 'cache'),
  XDG_DATA_HOME: join(scratch, 'data'),
  E2E_EXTENSION_DIR: extensionDir,
  // Osortoo's customers are mostly in France: show the response times as they would see them.
  TZ: process.env.SCREENSHOT_TZ ?? 'Europe/Paris',
});

if (!(process.argv.includes('--reuse') && existsSync(join(extensionDir, 'manifest.json')))) {
  console.log(`Building the e2e extension into ${outDir}/ …`);
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WXT_OUT_DIR: outDir },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported only now: the harness reads E2E_EXTENSION_DIR when it loads.
const { launchBrowser, openForm, startDemo, startTestApi, tabIdOf, EXTENSION_ID } = await import('../tests/e2e/support/harness');

/** What a customer would type, so the pictures show a form in use rather than an empty one. */
const SAMPLE = {
  en: 'Instagram comments do not load: the draw stays on “Loading participants” and then shows an error.',
  fr: 'Les commentaires Instagram ne se chargent pas : le tirage reste sur « Chargement des participants » puis affiche une erreur.',
} as const;

mkdirSync(shotsDir, { recursive: true });
const [api, demo] = await Promise.all([startTestApi(), startDemo()]);
try {
  for (const locale of ['en', 'fr'] as const) {
    const browser = await launchBrowser({ apiUrl: api.url, locale });
    try {
      const draw = await browser.context.newPage();
      await draw.goto(demo.drawUrl);
      await draw.waitForLoadState('load');
      // Let the page's asynchronous failures happen, so the form lists them.
      await draw.waitForTimeout(500);
      const form = await openForm(browser, await tabIdOf(browser.worker, demo.drawUrl));
      await form.setViewportSize({ width: 480, height: 800 });
      await form.getByTestId('page-url').waitFor({ timeout: 15_000 });
      await form.locator('main img').first().waitFor({ timeout: 10_000 });
      await form.getByRole('textbox', { name: 'Description' }).fill(SAMPLE[locale]);
      // Blur the field: the picture should not show a caret or a focus ring mid-form.
      await form.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await form.waitForTimeout(300);
      // As tall as the form: its sticky footer (Review) then sits at the bottom, where it is in the
      // popup, instead of over the middle of a stitched full-page picture.
      const height = await form.evaluate(() => document.documentElement.scrollHeight);
      await form.setViewportSize({ width: 480, height });
      await form.screenshot({ path: join(shotsDir, `form-${locale}.png`) });

      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 640, height: 420 });
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.getByRole('checkbox').waitFor();
      await options.screenshot({ path: join(shotsDir, `options-${locale}.png`), fullPage: true });
      console.log(`docs/screenshots/form-${locale}.png, options-${locale}.png`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await Promise.all([api.close(), demo.close()]);
  rmSync(scratch, { recursive: true, force: true });
}
