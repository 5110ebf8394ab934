/**
 * The page rules on the real demo page, in real Chromium: the DOM side (selectors, closest(),
 * textContent) that the hand-built clues of draw-context.test.ts and page-clues.test.ts cannot see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../../tests/support/chromium';

const FIXTURE = join(import.meta.dirname, '../../tests/fixtures/pages-draw.html');

describe('drawContextFromPage on tests/fixtures/pages-draw.html', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let bundle: string;
  const home = mkdtempSync(join(tmpdir(), 'draw-context-'));

  beforeAll(async () => {
    const html = readFileSync(FIXTURE, 'utf8');
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const out = await build({
      entryPoints: [join(import.meta.dirname, 'draw-context.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'drawContext',
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]!.text;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...QUIET_FLAGS],
      env: { ...process.env, HOME: home, TMPDIR: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home },
    });
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(home, { recursive: true, force: true });
  });

  const contextOf = async (prepare?: () => void) => {
    await page.goto(`${origin}/giveaways/8f3k2/results?utm_source=newsletter&fbclid=IwAR0&tab=winners#gagnants`);
    if (prepare) await page.evaluate(prepare);
    await page.addScriptTag({ content: bundle });
    return page.evaluate(() => {
      // The bundle's exports, as esbuild's globalName puts them on the page's window.
      const bundled = (window as unknown as { drawContext: typeof import('./draw-context') }).drawContext;
      return bundled.drawContextFromPage({ url: location.href, doc: document });
    });
  };

  /** What the demo page shows of its draw (the Page handle: not a winner's or a participant's, though they come first in its links). */
  const demoContext = () => ({
    onOsortooPage: true,
    // Raw but for the fragment: the worker makes it the canonical draw link.
    url: `${origin}/giveaways/8f3k2/results?utm_source=newsletter&fbclid=IwAR0&tab=winners`,
    drawId: '8f3k2',
    platform: 'instagram',
    pageOrUsername: '@boutique.marie',
    accountEmail: 'marie@example.com',
  });

  it('reads the hook points of the demo page', async () => {
    expect(await contextOf()).toEqual(demoContext());
  }, 30_000);

  it('finds the same facts by heuristics once the data-osortoo-* hook points are gone', async () => {
    const ctx = await contextOf(() => {
      for (const el of document.querySelectorAll('*')) {
        for (const attr of [...el.attributes]) if (attr.name.startsWith('data-osortoo-')) el.removeAttribute(attr.name);
      }
      document.querySelector('meta[name="osortoo:draw-id"]')!.remove();
    });
    expect(ctx).toEqual(demoContext());
  }, 30_000);
});
