/**
 * Diagnostics end to end: the demo draw page fails in every way the extension captures
 * (console errors and warnings with Error objects and objects, uncaught error, unhandled
 * rejection, failed fetch with a JSON body, failed XHR, a call with no answer, missing image,
 * script and stylesheet, a CSP violation, a failing same-origin frame) and carries seeded
 * secrets. A ticket is filed through the real form; the ticket stored by the real API must
 * hold each kind, word for word where support needs it, and no secret anywhere.
 * Then a hostile page forges the hook's events and answers: the ticket still validates, the
 * junk is dropped or bounded, and nothing is sent until the customer presses Send.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listTickets, openForm, tabIdOf, waitFor } from '../support/harness';
import { STRINGS } from '../support/customer-walkthrough';
import { useStack } from '../support/stack';
import type { DiagnosticEntry, StoredTicket } from '../../../utils/contract/schemas';
import { LIMITS } from '../../../utils/contract/limits';

declare const chrome: typeof import('wxt/browser').browser;

const stack = useStack();

/** Secrets the demo page seeds; none may reach the stored ticket. */
const SECRETS = [
  'EAAGm0PX4ZCpsBAKZCZBq7demoSECRETtoken1234567890',
  'EAAGm0PX4ZCpsBAdemoSecretFromUrl0987654321',
  'EAAGm0PX4ZCpsBAdemoBareTokenInText123456',
  'demoBearerSecret0123456789',
  'demoCookieSecret42',
  'demoCsrfSecret42',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpZSJ9',
  'c2lnbmF0dXJlLWRlbW8',
  '4242 4242 4242 4242',
  'demoUnreachableSecret77',
  'demoTrackerSecret',
];

/** Opens a page in its own tab and waits until its asynchronous failures have happened. */
async function openPage(url: string, ready: (page: Page) => Promise<unknown>): Promise<{ page: Page; tabId: number }> {
  const page = await stack.browser.context.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  await ready(page);
  return { page, tabId: await tabIdOf(stack.browser.worker, url) };
}

/** Files a ticket through the real form and returns what the API stored. */
async function fileTicket(tabId: number, description: string, beforeSend?: (form: Page) => Promise<void>): Promise<StoredTicket> {
  const before = (await listTickets(stack.api)).length;
  const form = await openForm(stack.browser, tabId);
  // Today's form, and only it: the visible-area screenshot shown when the form opens, then the
  // review step (a form that sent without it would fail here), then Send from the review.
  const s = STRINGS.en;
  await form.getByTestId('screenshot-thumb').waitFor();
  await form.getByLabel(s.description, { exact: true }).fill(description);
  await form.getByLabel(s.email, { exact: true }).fill('marie@example.com');
  await form.getByRole('button', { name: s.review, exact: true }).click();
  await form.getByRole('heading', { name: s.reviewTitle, exact: true }).waitFor();
  await beforeSend?.(form);
  await form.getByRole('button', { name: s.send, exact: true }).click();
  await form.getByTestId('ticket-reference').waitFor({ timeout: 15_000 });
  const tickets = await waitFor(async () => {
    const list = await listTickets(stack.api);
    return list.length > before ? list : undefined;
  });
  await form.close();
  return tickets.find((t) => t.ticket.description === description)!;
}

const DEMO_SCRIPT = readFileSync(new URL('../../fixtures/demo/draw-errors.js', import.meta.url), 'utf8').split('\n');
/** 1-based line and column of `needle` in the demo script (Chromium reports where the thrown error was created). */
function positionOf(needle: string): { line: number; column: number } {
  const index = DEMO_SCRIPT.findIndex((line) => line.includes(needle));
  return { line: index + 1, column: DEMO_SCRIPT[index]!.indexOf(needle) + 1 };
}

describe('diagnostics', () => {
  it('stores every kind of error, word for word where support needs it, without any secret', async () => {
    const { page, tabId } = await openPage(stack.demo.drawUrl, (p) =>
      // The frame's widget and the timers have run once the frame's missing image was reported.
      p.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.readyState === 'complete', null, { timeout: 10_000 }),
    );
    await page.waitForTimeout(300);
    const stored = await fileTicket(tabId, 'Les participants ne se chargent pas (diagnostics e2e).');
    const entries = stored.ticket.diagnostics.entries;
    // The page's snapshot reached the form (a loaded machine can make it late: see diagnose.ts).
    expect(stored.ticket.context.onOsortooPage).toBe(true);
    const top = entries.filter((e) => !e.frame);
    const find = <K extends DiagnosticEntry['kind']>(kind: K, match: (e: Extract<DiagnosticEntry, { kind: K }>) => boolean, list = top) =>
      list.find((e): e is Extract<DiagnosticEntry, { kind: K }> => e.kind === kind && match(e as Extract<DiagnosticEntry, { kind: K }>));

    // Console errors and warnings, with an Error object (name, message, stack) and plain objects.
    expect(find('console', (e) => e.message === 'Impossible de charger les participants : délai dépassé')?.level).toBe('error');
    expect(find('console', (e) => e.message === 'Instagram Graph API: rate limit at 80%')?.level).toBe('warn');
    const typeError = find('console', (e) => e.message === "TypeError: Cannot read properties of undefined (reading 'comments')");
    expect(typeError?.stack).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'comments'\)\n\s+at .*draw-errors\.js/);
    const warnWithError = find('console', (e) => e.level === 'warn' && e.message.startsWith('Graph API retry'));
    expect(warnWithError?.message).toBe(
      'Graph API retry Error: Request failed with status 400 {attempt: 2, headers: {Authorization: "[removed: authorization]"}}',
    );
    expect(warnWithError?.stack).toContain('Request failed with status 400');
    expect(find('console', (e) => e.message.startsWith('Token refresh failed for'))?.message).toBe(
      'Token refresh failed for {user: "marie", access_token: [removed: access_token]}',
    );
    expect(find('console', (e) => e.message.startsWith('Session lost'))?.message).toBe('Session lost, cookie: [removed: cookie]');
    expect(find('console', (e) => e.message.startsWith('Page token'))?.message).toBe('Page token [removed: Facebook token] rejected');
    expect(find('console', (e) => e.message === 'Comments API error IG_PERMISSION_MISSING')).toBeDefined();

    // Folding: 25 identical errors are one entry with its count and the time of the last one.
    const folded = top.filter((e) => e.message === 'Avatar introuvable pour un participant');
    expect(folded).toHaveLength(1);
    expect(folded[0]!.count).toBe(25);
    expect(folded[0]!.lastT).toBeGreaterThanOrEqual(folded[0]!.t);

    // Uncaught error with its source, line and column; unhandled rejection of an Error.
    const uncaught = find('uncaught', (e) => e.message.includes('Winner index'));
    expect(uncaught).toMatchObject({
      message: 'RangeError: Winner index out of range: 12 of 11',
      source: `${stack.demo.url}/demo/draw-errors.js`,
      ...positionOf('new RangeError'),
    });
    expect(uncaught?.stack).toContain('RangeError: Winner index out of range');
    expect(find('rejection', () => true)?.message).toBe('Error: Draw animation failed: session [removed: JWT]');

    // Failed calls: the API's JSON error body word for word, scrubbed URLs, the XHR, no answer at all.
    const comments = find('network', (e) => e.url.includes('/comments'));
    expect(comments).toMatchObject({
      api: 'fetch',
      method: 'GET',
      status: 403,
      url: `${stack.demo.url}/api/giveaways/8f3k2/comments?access_token=[removed: access_token]&limit=50`,
      body: '{"error":"IG_PERMISSION_MISSING","message":"The Instagram account did not grant instagram_manage_comments."}',
      message: 'GET 403',
    });
    expect(comments!.durationMs).toBeGreaterThanOrEqual(0);
    const billing = find('network', (e) => e.url.endsWith('/api/billing/verify'));
    expect(billing).toMatchObject({
      api: 'xhr',
      method: 'POST',
      status: 500,
      body: '{"error":"BILLING_PROVIDER_UNAVAILABLE","card":"[removed: card number]"}',
      message: 'POST 500',
    });
    const unreachable = find('network', (e) => e.status === 0);
    expect(unreachable).toMatchObject({
      api: 'fetch',
      method: 'GET',
      url: 'http://127.0.0.1:9/api/ping?access_token=[removed: access_token]',
      message: 'GET failed: TypeError: Failed to fetch',
    });
    // Successful calls are not recorded (the page's own script loaded fine).
    expect(top.some((e) => e.kind === 'network' && e.status > 0 && e.status < 400)).toBe(false);

    // Resources that failed to load, and the CSP violation.
    for (const [tag, path] of [
      ['img', '/missing/winner-badge.png'],
      ['script', '/missing/confetti.js'],
      ['link', '/missing/theme.css'],
    ]) {
      expect(
        find('resource', (e) => e.url === `${stack.demo.url}${path}`),
        path,
      ).toMatchObject({ tag, message: `Failed to load ${tag}` });
    }
    const port = new URL(stack.demo.url).port;
    expect(find('csp', (e) => e.blockedUrl.includes('pixel.gif'))).toMatchObject({
      directive: 'img-src',
      blockedUrl: `http://localhost:${port}/pixel.gif?sid=[removed: sid]`,
    });

    // The same-origin frame's own errors, marked with the frame's URL.
    const frameUrl = `${stack.demo.url}/widgets/countdown`;
    const inFrame = entries.filter((e) => e.frame === frameUrl);
    expect(inFrame.find((e) => e.kind === 'console')?.message).toBe('Countdown widget: end date missing');
    expect(inFrame.find((e) => e.kind === 'uncaught')?.message).toBe('ReferenceError: missingCountdownFunction is not defined');
    expect(inFrame.find((e) => e.kind === 'resource')).toMatchObject({ tag: 'img', url: `${stack.demo.url}/missing/countdown-bg.png` });

    // Times: milliseconds since the page started, in order, and plausible.
    for (const e of entries) {
      expect(e.t).toBeGreaterThanOrEqual(0);
      expect(e.t).toBeLessThan(60_000);
    }
    expect(entries.map((e) => e.t)).toEqual([...entries.map((e) => e.t)].sort((a, b) => a - b));
    expect(uncaught!.t).toBeGreaterThan(find('console', (e) => e.message.startsWith('Impossible'))!.t);

    // No secret anywhere in what the API stored; the markers instead.
    const json = JSON.stringify(stored);
    for (const secret of SECRETS) expect(json, secret).not.toContain(secret);
    for (const marker of ['access_token', 'JWT', 'card number', 'authorization', 'cookie', 'Facebook token', 'sid'])
      expect(json).toContain(`[removed: ${marker}]`);
    await page.close();
  });

  it("keeps the secrets a page logs, calls, throws, shows and carries in its own address out of the stored ticket, the form and the extension's storage", async () => {
    // The content script sends raw text; the worker scrubs it (utils/diagnosis/scrub-page-answers.ts).
    // One secret per way into the ticket, each recognised by a different rule of the scrubber.
    const secret = {
      console: 'consolePassword42',
      network: 'EAAGm0PX4ZCpsBAe2eNetworkSecret0987654321',
      uncaught: 'e2eUncaughtBearer0123456789',
      toast: 'e2eToastSecret0123456789',
      frame: 'e2eFrameSecret0123456789',
      address: 'e2eAddressSecret0123456789',
      fragment: 'e2eFragmentSecret0123456789',
    };
    const url = `${stack.demo.drawUrl}?quiet=1&frame=0&access_token=${secret.address}#id_token=${secret.fragment}`;
    const { page, tabId } = await openPage(url, async (p) => {
      await p.evaluate(async (s) => {
        console.error(`Connexion refusée {"email":"marie@example.com","password":"${s.console}"}`);
        // The demo server answers 404: a failed call, recorded once its answer is in.
        await fetch(`/api/session/check?access_token=${s.network}`);
        setTimeout(() => {
          throw new Error(`Session lost: Authorization: Bearer ${s.uncaught}`);
        });
        const toast = document.createElement('div');
        toast.className = 'toast toast-error';
        toast.textContent = `Votre session a expiré (api_key=${s.toast})`;
        document.body.prepend(toast);
        // A same-origin widget whose own address carries a token: its errors are marked with it.
        const frame = document.createElement('iframe');
        frame.src = `/widgets/countdown?token=${s.frame}`;
        document.body.append(frame);
      }, secret);
      await p.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.readyState === 'complete', null, {
        timeout: 10_000,
      });
      await p.waitForTimeout(300);
    });
    let kept = '';
    let shown = '';
    const stored = await fileTicket(tabId, 'Ma session a expiré (secrets e2e).', async (form) => {
      // What the review step shows the customer: every entry, scrubbed.
      shown = await form.content();
      // What the extension keeps while the form is open (the draft included): storage and IndexedDB.
      kept = await form.evaluate(async () => {
        const dbs = await Promise.all(
          (await indexedDB.databases()).map(
            ({ name }) =>
              new Promise<unknown>((resolve, reject) => {
                const open = indexedDB.open(name!);
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const db = open.result;
                  const names = [...db.objectStoreNames];
                  if (!names.length) return resolve([]);
                  const tx = db.transaction(names);
                  const all = names.map((n) => tx.objectStore(n).getAll());
                  tx.oncomplete = () => resolve(all.map((r) => r.result));
                  tx.onerror = () => reject(tx.error);
                };
              }),
          ),
        );
        return JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null), dbs]);
      });
    });
    const { context, diagnostics } = stored.ticket;
    // Each way in reached the ticket, scrubbed (a test that finds nothing proves nothing).
    expect(context.url).toBe(`${stack.demo.drawUrl}?quiet=1&frame=0`);
    const { entries } = diagnostics;
    expect(entries.find((e) => e.kind === 'console' && e.message.startsWith('Connexion refusée'))?.message).toContain(
      '[removed: password]',
    );
    const network = entries.find((e) => e.kind === 'network' && e.url.includes('/api/session/check'));
    expect(network?.kind === 'network' && network.url).toBe(`${stack.demo.url}/api/session/check?access_token=[removed: access_token]`);
    expect(entries.find((e) => e.kind === 'uncaught' && e.message.includes('Session lost'))?.message).toContain('[removed: ');
    expect(entries.find((e) => e.kind === 'shown' && e.message.startsWith('Votre session'))?.message).toBe(
      'Votre session a expiré (api_key=[removed: api_key])',
    );
    const frameUrl = `${stack.demo.url}/widgets/countdown?token=[removed: token]`;
    expect(entries.filter((e) => e.frame === frameUrl).length).toBeGreaterThan(0);
    // And none of the secrets anywhere: not in what the API stored, not in what the extension keeps.
    // (The draft is there: the storage read is not empty; the review lists the scrubbed toast.)
    expect(kept).toContain('Ma session a expiré (secrets e2e).');
    expect(shown).toContain('Votre session a expiré (api_key=[removed: api_key])');
    const json = JSON.stringify(stored);
    for (const [where, value] of Object.entries(secret)) {
      expect(json, `${where} in the stored ticket`).not.toContain(value);
      expect(kept, `${where} in the extension's storage`).not.toContain(value);
      expect(shown, `${where} in the form`).not.toContain(value);
    }
    await page.close();
  });

  it("records console errors and uncaught errors on a page whose CSP refuses inline scripts (the hook's fallback)", async () => {
    // The demo page with `script-src 'self'`: the hook's inline script is refused, so only the
    // content script's fallback can record. Nothing answers the hook's pull but the hook itself.
    const url = `${stack.demo.drawUrl}?csp=strict&frame=0`;
    const page = await stack.browser.context.newPage();
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The demo's uncaught error is thrown 10 ms after its script runs.
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const stored = await fileTicket(await tabIdOf(stack.browser.worker, url), 'Page stricte : rien ne se charge (diagnostics e2e).');
    const { entries } = stored.ticket.diagnostics;
    expect(
      entries.find((e) => e.kind === 'console' && e.message === 'Impossible de charger les participants : délai dépassé'),
    ).toMatchObject({
      level: 'error',
      count: 1,
    });
    expect(entries.find((e) => e.kind === 'uncaught' && e.message.includes('Winner index'))).toMatchObject({
      message: 'RangeError: Winner index out of range: 12 of 11',
      source: `${stack.demo.url}/demo/draw-errors.js`,
      ...positionOf('new RangeError'),
    });
    // The hook's own refused inline script is not reported as the page's CSP violation.
    expect(entries.some((e) => e.kind === 'csp' && e.blockedUrl === 'inline')).toBe(false);
    await page.close();
  });

  it('treats everything from the page as data: forged hook events cannot break, flood or send a ticket', async () => {
    // A strict page (no inline scripts: the hook installs through its fallback) that forges
    // the hook's answers with junk, floods it, and tries to reach the extension.
    const url = `${stack.demo.drawUrl}?csp=strict&frame=0`;
    // Every ticket the API holds before the page opens: a page-started send of any ticket, whatever it says, adds one.
    const ticketsBefore = (await listTickets(stack.api)).length;
    const { page, tabId } = await openPage(url, (p) => p.waitForTimeout(300));
    await page.evaluate((limits) => {
      const huge = 'x'.repeat(300_000);
      const junk: unknown[] = [
        null,
        42,
        'text',
        [],
        { kind: 'evil', t: 1, count: 1, message: 'nope' },
        { kind: 'console', t: -5, count: 1, message: 'negative time' },
        { kind: 'console', t: 1, count: 1.5, level: 'fatal', message: '<img src=x onerror="document.title=1">forged html' },
        { kind: 'network', t: 2, count: 1, message: '', method: 'DELETE'.repeat(50), url: huge, status: 99999, durationMs: -1, body: huge },
        { kind: 'uncaught', t: 3, count: 1e30, message: huge, stack: huge, line: -1, column: 'x' },
      ];
      for (let i = 0; i < 1000; i++) junk.push({ kind: 'console', t: 10 + i, count: 1, level: 'error', message: `forged ${i}` });
      // Answers the content script's pull after the hook, with junk (last answer wins).
      addEventListener('osortoo-support:pull', () =>
        dispatchEvent(new CustomEvent('osortoo-support:snapshot', { detail: JSON.stringify({ entries: junk, dropped: -3 }) })),
      );
      // Calls the hook directly, floods the console, and knocks on the extension's doors.
      const hook = (window as unknown as Record<symbol, (e: unknown) => void>)[Symbol.for('osortoo-support.hook')];
      for (let i = 0; i < 2000; i++)
        hook?.({ kind: 'console', t: i, count: 1, level: 'error', message: `direct ${i % 300}`, stack: huge.slice(0, 20_000) });
      // (Kept short: Playwright's console reporting makes each call slow; the benchmark floods for real.)
      for (let i = 0; i < 3000; i++) console.error('flood', i % 7);
      window.postMessage({ type: 'flushOutbox' }, '*');
      window.postMessage({ type: 'collectTab', tabId: 1 }, '*');
      dispatchEvent(new CustomEvent('osortoo-support:snapshot', { detail: huge }));
      return limits;
    }, LIMITS);

    const description = 'Page hostile (diagnostics e2e).';
    const stored = await fileTicket(tabId, description, async (form) => {
      // The forged HTML is shown as text, never rendered.
      expect(await form.locator('img[src="x"]').count()).toBe(0);
      expect(await form.title()).not.toBe('1');
      // Nothing reached the API before Send, whatever the page did: no ticket at all, not only not this one.
      await form.waitForTimeout(1000);
      expect((await listTickets(stack.api)).length).toBe(ticketsBefore);
    });
    // Send delivered exactly one ticket, the customer's.
    expect((await listTickets(stack.api)).length).toBe(ticketsBefore + 1);
    const { entries, dropped } = stored.ticket.diagnostics;
    expect(entries.length).toBeLessThanOrEqual(LIMITS.entries);
    expect(dropped).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.message.length).toBeLessThanOrEqual(LIMITS.messageChars);
      if (e.kind === 'network') {
        expect(e.url.length).toBeLessThanOrEqual(LIMITS.urlChars);
        expect(e.method.length).toBeLessThanOrEqual(16);
      }
    }
    expect(entries.some((e) => (e as { kind: string }).kind === 'evil')).toBe(false);
    expect(entries.some((e) => e.message === 'negative time')).toBe(false);
    const forgedHtml = entries.find((e) => e.message.includes('forged html'));
    expect(forgedHtml).toMatchObject({ kind: 'console', level: 'error', count: 1 });
    // The hook's fallback ran (inline scripts refused) and its own refusal is not reported.
    expect(entries.some((e) => e.kind === 'csp' && e.blockedUrl === 'inline')).toBe(false);
    await page.close();
  });

  it('captures the full page on request with progress, oklch() CSS included', async () => {
    type Result = {
      ok: boolean;
      reason?: string;
      meta?: { source: string; type: string; width: number; height: number; bytes: number };
      progress: number[];
    };
    const run = async (url: string): Promise<Result> => {
      const { page, tabId } = await openPage(url, (p) => p.waitForTimeout(100));
      const form = await openForm(stack.browser, tabId);
      // The e2e build's form door (entrypoints/popup/testing/form-report.ts) exposes the popup-side
      // capture (utils/screenshots/full-page.ts); it runs for real here.
      await form.waitForFunction(() => '__osortooTest' in globalThis);
      const result = await form.evaluate(async (id) => {
        const progress: number[] = [];
        const r = await __osortooTest.form.captureFullPage(id, { budgetMs: 8000, onProgress: (f: number) => progress.push(f) });
        return r.ok ? { ok: true, meta: r.meta, progress } : { ok: false, reason: r.reason, progress };
      }, tabId);
      await form.close();
      await page.close();
      return result;
    };
    const big = await run(`${stack.demo.drawUrl}?comments=2000&quiet=1`);
    expect(big.ok).toBe(true);
    expect(big.meta).toMatchObject({ source: 'fullpage', width: 1280 });
    expect(big.meta!.height).toBeGreaterThan(800);
    expect(big.meta!.bytes).toBeLessThanOrEqual(LIMITS.screenshotBytes);
    expect(big.progress[0]).toBe(0);
    expect(big.progress.at(-1)).toBe(1);
    expect(big.progress).toEqual([...big.progress].sort((a, b) => a - b));

    // Modern colour syntax is drawn by the browser itself (tests/e2e/full-page/modern-css.test.ts
    // compares it with Chromium's own rendering).
    const modern = await run(`${stack.demo.drawUrl}?oklch=1&quiet=1&frame=0`);
    expect(modern).toMatchObject({ ok: true, meta: { source: 'fullpage', width: 1280 } });
  });
});
