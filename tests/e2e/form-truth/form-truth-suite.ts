/**
 * The form-truth suite for one language: one browser with the customer's clock and language, the
 * real API behind a fault proxy (to take it down), the demo draw page, and the four walks of
 * form-truth-walk.ts. Each language has its own test file so the two run in parallel.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, startDemo, startTestApi, type Api, type Browser } from '../support/harness';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import type { DemoServer } from '../../fixtures/demo-server';
import { TRUTH, walkTheAddImage, walkTheEditedSize, walkTheOutbox, walkTheTruth } from './form-truth-walk';

export function describeFormTruth(lang: keyof typeof TRUTH, title: string): void {
  let api: Api;
  let demo: DemoServer;
  let proxy: FaultProxy;
  let browser: Browser;

  beforeAll(async () => {
    [api, demo] = await Promise.all([startTestApi(), startDemo()]);
    proxy = await startFaultProxy(api.url);
    browser = await launchBrowser({ apiUrl: proxy.url, locale: lang, timeZone: TRUTH[lang].timeZone });
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await Promise.all([api?.close(), demo?.close()]);
  });

  describe(title, () => {
    it('checklist, counts, one promise sentence, plain words, 360 px with Review in sight, undoable discard', async () => {
      await walkTheTruth(browser, demo, lang);
    });

    it('not sent yet while the API is down, then the confirmation; the answer reaches the badge with the popup closed', async () => {
      await walkTheOutbox(browser, api, proxy, demo, lang);
    });

    it('the edited capture keeps its type and size, its blackout pure black', async () => {
      await walkTheEditedSize(browser, api, demo, lang);
    });

    it('"Add an image" in the toolbar popup moves the form and its draft to a window, where the file is chosen', async () => {
      await walkTheAddImage(browser, demo, lang);
    });
  });
}
