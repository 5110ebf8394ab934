/**
 * readVisibleErrors in real Chromium: visibility, layout and rendered text are what decides what
 * the customer saw, which a DOM without layout cannot tell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../../tests/support/chromium';

const PAGE = `<!doctype html><meta charset="utf-8"><body>
<div class="toast toast--error" role="alert"><span class="error-text">Payment failed: your card was declined.</span></div>
<p id="form-error">Le paiement a échoué.</p>
<div class="notification" hidden>Hidden notification</div>
<div class="snackbar" style="visibility:hidden">Invisible snackbar</div>
<div class="error-panel" style="opacity:0">Transparent error</div>
<div aria-live="assertive">Session expired<span style="display:none"> secret hidden part</span></div>
<div role="alert">Payment failed: your card was declined.</div>
<div role="alert"></div>
<section class="errors-list">${'x '.repeat(400)}</section>
${Array.from({ length: 30 }, (_, i) => `<p class="field-error">Error ${i}</p>`).join('')}
</body>`;

describe('readVisibleErrors in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const home = mkdtempSync(join(tmpdir(), 'visible-errors-'));

  beforeAll(async () => {
    const out = await build({
      entryPoints: [join(import.meta.dirname, 'visible-errors.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'visibleErrors',
      logLevel: 'silent',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...QUIET_FLAGS],
      env: { ...process.env, HOME: home, TMPDIR: home },
    });
    page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: out.outputFiles[0]!.text });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('reads visible error UI once each, as rendered, without hidden parts, bounded to 10', async () => {
    const entries = (await page.evaluate(() =>
      (window as unknown as { visibleErrors: typeof import('./visible-errors') }).visibleErrors.readVisibleErrors(document, 42),
    )) as { message: string; via: string; kind: string; t: number }[];
    const messages = entries.map((e) => e.message);
    expect(messages.slice(0, 3)).toEqual(['Payment failed: your card was declined.', 'Le paiement a échoué.', 'Session expired']);
    expect(messages).not.toContain('Hidden notification');
    expect(messages).not.toContain('Invisible snackbar');
    expect(messages).not.toContain('Transparent error');
    expect(messages.some((m) => m.startsWith('x x'))).toBe(false);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({ kind: 'shown', via: 'page', t: 42, count: 1, message: 'Payment failed: your card was declined.' });
  }, 30_000);
});
