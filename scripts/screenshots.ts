/**
 * The README's pictures: the support form on the demo draw page, the options page and support's
 * inbox (queue and ticket page), in English and in French (Chromium's UI language, so the extension's automatic language follows
 * it), written to docs/screenshots/. Run it after UI changes: `npx tsx scripts/screenshots.ts`.
 * Also the stores' 1280 × 800 pictures (`store-*.png`, scripts/store-screenshots.ts): the form
 * and its review over the draw page.
 *
 * It builds the e2e extension into its own folder (.output-settings, so no one else's build is
 * touched) unless `--reuse` is given and that build exists, then drives it with the e2e harness
 * against the real reference API and the demo draw page, both on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeStoreShot, pngSize, STORE_SIZE } from './store-screenshots';

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

/** The stores' captions: what each picture shows, in the listing's language. */
const CAPTIONS = {
  en: {
    form: 'One click on the draw page: the support form arrives filled with the draw link, a screenshot and the page’s errors.',
    review: 'You see everything before it is sent, and choose what to leave out.',
  },
  fr: {
    form: 'Un clic sur la page du tirage : le formulaire arrive rempli avec le lien du tirage, une capture et les erreurs de la page.',
    review: 'Vous voyez tout avant l’envoi, et choisissez ce que vous retirez.',
  },
} as const;

mkdirSync(shotsDir, { recursive: true });
const [api, demo] = await Promise.all([startTestApi(), startDemo()]);
const { SUPPORT_TOKEN } = await import('../tests/e2e/support/harness');
try {
  const inboxTicketId = await fillInbox(api);
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

      // The stores' pictures: the draw page at the customers' 1280 × 800, the form beside it.
      const page = await draw.screenshot();
      await composeStoreShot(browser.context, {
        page,
        panel: await form.screenshot(),
        caption: CAPTIONS[locale].form,
        path: join(shotsDir, `store-form-${locale}.png`),
      });
      await form.locator('input[type="email"]').fill(locale === 'fr' ? 'marie@example.com' : 'mary@example.com');
      await form.getByRole('button', { name: locale === 'fr' ? 'Vérifier avant l’envoi' : 'Review before sending' }).click();
      await form.getByTestId('review').waitFor();
      await form.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await form.waitForTimeout(300);
      await composeStoreShot(browser.context, {
        page,
        panel: await form.screenshot(),
        caption: CAPTIONS[locale].review,
        path: join(shotsDir, `store-review-${locale}.png`),
      });
      for (const name of [`store-form-${locale}.png`, `store-review-${locale}.png`]) {
        const size = pngSize(join(shotsDir, name));
        if (size.width !== STORE_SIZE.width || size.height !== STORE_SIZE.height)
          throw new Error(`${name} is ${size.width}×${size.height}`);
      }

      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 640, height: 420 });
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.getByRole('checkbox').waitFor();
      await options.screenshot({ path: join(shotsDir, `options-${locale}.png`), fullPage: true });
      console.log(`docs/screenshots/form-${locale}.png, options-${locale}.png, store-form-${locale}.png, store-review-${locale}.png`);

      // Support's inbox, in the same language (it follows the browser's).
      const inbox = await browser.context.newPage();
      await inbox.setViewportSize({ width: 1280, height: 900 });
      await inbox.goto(`${api.url}/inbox`);
      await inbox.locator('#token').fill(SUPPORT_TOKEN);
      await inbox.locator('form[action="/inbox/sign-in"] button').click();
      await inbox.getByTestId('queue').waitFor();
      await inbox.screenshot({ path: join(shotsDir, `inbox-queue-${locale}.png`) });
      await inbox.goto(`${api.url}/inbox/tickets/${inboxTicketId}`);
      await inbox.locator('#tab-console').click();
      await inbox
        .getByTestId('screenshot')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.decode());
      await inbox.screenshot({ path: join(shotsDir, `inbox-ticket-${locale}.png`), fullPage: true });
      console.log(`docs/screenshots/inbox-queue-${locale}.png, inbox-ticket-${locale}.png`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await Promise.all([api.close(), demo.close()]);
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Tickets for the inbox's pictures: a few dozen seeded ones with deadlines around now (some
 * overdue, some at risk), then one sent over HTTP with a real screenshot of the demo draw page.
 * Returns that last ticket's id.
 */
async function fillInbox(target: { url: string; dataDir: string }): Promise<string> {
  const { SupportDb } = await import('../server/db');
  const { seedTickets } = await import('../tests/fixtures/seed-tickets');
  const { sampleTicket } = await import('../tests/fixtures/sample-ticket');
  const { postParts, ticketParts } = await import('../server/test-support');
  const { chromium } = await import('playwright-core');
  const db = SupportDb.open(target.dataDir, () => new Date());
  seedTickets(db, 40, new Date(), 30);
  db.close();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(demo.drawUrl);
  await page.waitForTimeout(500);
  const png = await page.screenshot({ type: 'png' });
  await browser.close();
  const ticket = sampleTicket({
    locale: 'en',
    description: 'Instagram comments do not load: the draw stays on “Loading participants” and then shows an error.',
    screenshots: [{ index: 0, source: 'visible', type: 'image/png', width: 1280, height: 800, bytes: png.length, edited: false }],
  });
  const res = await postParts(target.url, ticketParts(ticket, [{ type: 'image/png', bytes: png }]));
  if (res.status !== 201) throw new Error(`the inbox's sample ticket was refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
