/**
 * Polyglot screenshots in real Chromium, against the real API over HTTP: a PNG that is also an
 * HTML page and a JPEG that is also an SVG image, each with a script that would set the title,
 * write a global, call a listener on this machine and open a dialog. They are stored through
 * `POST /v1/tickets`, then opened every way support reaches a stored screenshot
 * (server/http/screenshot-answer.ts serves them all): the bearer route, the inbox ticket page's
 * image, its direct link and its download link, and a signed handoff link. Nothing may run; a
 * direct navigation shows an inert image, the download link downloads. An SVG with a script
 * declared as a screenshot does not get in at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../../tests/support/chromium';
import { sampleTicket } from '../../tests/fixtures/sample-ticket';
import { TicketCreatedSchema } from '../../utils/contract/schemas';
import { signedScreenshotLink } from '../handoff/links';
import { HandoffQueue } from '../handoff/queue';
import { JPEG_2X2, makePng, postParts, shotMeta, startTestApi, SUPPORT_TOKEN, supportAuth, ticketFor, ticketParts } from '../test-support';

const TITLE = 'PWNED';

/** What a script in the file would do if it ran: every way of it is checked below. */
function payload(listener: string, name: string): string {
  return (
    `document.title='${TITLE}';window.pwned='${name}';` +
    `fetch('${listener}/fetch/${name}',{mode:'no-cors'});new Image().src='${listener}/img/${name}';` +
    `navigator.sendBeacon('${listener}/beacon/${name}');alert('${name}')`
  );
}

/** A real 3×2 PNG followed by an HTML page with a script (the PNG decoder ignores trailing bytes). */
function pngHtml(listener: string): Buffer {
  const html = `<!doctype html><html><head><title>x</title></head><body><script>${payload(listener, 'png-html')}</script></body></html>`;
  return Buffer.concat([makePng(3, 2), Buffer.from(html)]);
}

/** A real 2×2 JPEG carrying an SVG with a script in a comment segment (COM) and after its end. */
function jpegSvg(listener: string): Buffer {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" onload="${payload(listener, 'jpeg-svg-onload').replaceAll("'", '&apos;')}">` +
      `<script>${payload(listener, 'jpeg-svg-script')}</script></svg>`,
  );
  const comment = Buffer.alloc(4);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(svg.length + 2, 2);
  return Buffer.concat([JPEG_2X2.subarray(0, 2), comment, svg, JPEG_2X2.subarray(2), svg]);
}

describe('polyglot screenshots in Chromium', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let browser: Browser;
  let listener: Server;
  let listenerUrl: string;
  /** Requests that reached the listener: any one means a script in a screenshot ran. */
  const hits: string[] = [];
  const home = mkdtempSync(join(tmpdir(), 'polyglot-'));
  let ticketId: string;
  const shots: { index: number; name: string; type: string; bytes: Buffer }[] = [];

  beforeAll(async () => {
    listener = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    api = await startTestApi();
    shots.push(
      { index: 0, name: 'png-html', type: 'image/png', bytes: pngHtml(listenerUrl) },
      { index: 1, name: 'jpeg-svg', type: 'image/jpeg', bytes: jpegSvg(listenerUrl) },
    );
    const files = shots.map((s) => ({ type: s.type as 'image/png' | 'image/jpeg', bytes: s.bytes }));
    const res = await postParts(api.url, ticketParts(ticketFor(files), files));
    expect(res.status).toBe(201);
    ticketId = TicketCreatedSchema.parse(await res.json()).id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...QUIET_FLAGS],
      env: { ...process.env, HOME: home, TMPDIR: home },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((resolve) => listener?.close(resolve));
    rmSync(home, { recursive: true, force: true });
  });

  /** Dialogs and console lines of a page, kept to tell whether anything ran. */
  function watch(page: Page): string[] {
    const seen: string[] = [];
    page.on('dialog', (dialog) => {
      seen.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return seen;
  }

  /** What a page shows after a navigation to a screenshot, once any script had time to run. */
  async function openDirectly(page: Page, url: string, shot: (typeof shots)[number]) {
    const dialogs = watch(page);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    expect(Buffer.from(await response!.body()).equals(shot.bytes), url).toBe(true);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      title: document.title,
      pwned: (window as unknown as { pwned?: string }).pwned ?? null,
      contentType: document.contentType,
      // An image document holds one <img> and nothing else: the bytes were decoded as a picture.
      image: document.body?.children.length === 1 && document.body.firstElementChild instanceof HTMLImageElement,
      naturalWidth: (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth ?? 0,
    }));
    // Soft: a broken defence shows every way it breaks, not only the first.
    expect.soft(state, url).toEqual({
      title: expect.not.stringContaining(TITLE),
      pwned: null,
      contentType: shot.type,
      image: true,
      naturalWidth: shot.type === 'image/png' ? 3 : 2,
    });
    expect.soft(dialogs, url).toEqual([]);
  }

  it('refuses an SVG with a script as a screenshot, whatever type it is declared as', async () => {
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>${payload(listenerUrl, 'svg')}</script></svg>`);
    for (const type of ['image/png', 'image/jpeg', 'image/webp'] as const) {
      const ticket = sampleTicket({ screenshots: [{ ...shotMeta(0, type, makePng(3, 2)), bytes: svg.length }] });
      const res = await postParts(api.url, ticketParts(ticket, [{ type, bytes: svg }]));
      expect(res.status).toBe(415);
    }
    // The contract has no SVG type at all.
    const ticket = sampleTicket({
      screenshots: [{ ...shotMeta(0, 'image/png', makePng(3, 2)), bytes: svg.length, type: 'image/svg+xml' as 'image/png' }],
    });
    expect((await postParts(api.url, ticketParts(ticket, [{ type: 'image/svg+xml', bytes: svg }]))).status).toBe(400);
  });

  it('runs nothing from the bearer route or a signed handoff link: a navigation shows an inert image', { timeout: 30_000 }, async () => {
    const bearer = await browser.newContext({ extraHTTPHeaders: supportAuth });
    const plain = await browser.newContext();
    try {
      const key = new HandoffQueue(api.db.db).linkKey();
      await Promise.all(
        shots.flatMap((shot) => [
          bearer.newPage().then((page) => openDirectly(page, `${api.url}/v1/tickets/${ticketId}/screenshots/${shot.index}`, shot)),
          plain
            .newPage()
            .then((page) =>
              openDirectly(page, signedScreenshotLink(api.url, key, ticketId, shot.index, new Date(Date.now() + 3_600_000)), shot),
            ),
        ]),
      );
    } finally {
      await bearer.close();
      await plain.close();
    }
    expect(hits).toEqual([]);
  });

  it('runs nothing from the inbox: the ticket page shows both images, their links show inert images, download links download', {
    timeout: 30_000,
  }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const dialogs = watch(page);
      await page.goto(`${api.url}/inbox`);
      await page.getByLabel('Support token').fill(SUPPORT_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('queue').waitFor();
      await page.goto(`${api.url}/inbox/tickets/${ticketId}`);
      const images = page.getByTestId('screenshot').locator('img');
      await expect.poll(() => images.evaluateAll((all) => all.map((img) => (img as HTMLImageElement).naturalWidth))).toEqual([3, 2]);
      await page.waitForTimeout(300);
      expect(await page.title()).not.toContain(TITLE);
      expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned ?? null)).toBeNull();
      expect(dialogs).toEqual([]);

      for (const shot of shots) {
        const figure = page.getByTestId('screenshot').nth(shot.index);
        // The image's own address, opened as support would from "Open image in new tab".
        const src = await figure.locator('img').evaluate((img) => (img as HTMLImageElement).src);
        await openDirectly(await context.newPage(), src, shot);
        // The download link saves the file under its name; it does not open it.
        const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('link').click()]);
        expect(download.suggestedFilename()).toBe(`screenshot-${shot.index}.${shot.type === 'image/png' ? 'png' : 'jpeg'}`);
        expect(page.url()).toBe(`${api.url}/inbox/tickets/${ticketId}`);
      }
    } finally {
      await context.close();
    }
    expect(hits).toEqual([]);
  });
});
