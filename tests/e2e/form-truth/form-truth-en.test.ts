/**
 * The form as a customer reads it, in English, the customer's clock in Vancouver: true
 * (checklist, counts, one promise sentence, the outbox's own state), short and plain at 360 px,
 * and support's answer reaching the badge and "My tickets" with the popup closed.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, startDemo, startTestApi, type Api, type Browser } from '../support/harness';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import type { DemoServer } from '../../fixtures/demo-server';
import { TRUTH, walkTheAddImage, walkTheEditedSize, walkTheOutbox, walkTheTruth } from './form-truth-walk';

let api: Api;
let demo: DemoServer;
let proxy: FaultProxy;
let browser: Browser;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  proxy = await startFaultProxy(api.url);
  browser = await launchBrowser({ apiUrl: proxy.url, locale: 'en', timeZone: TRUTH.en.timeZone });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

describe('the form tells the truth (English)', () => {
  it('checklist, counts, one promise sentence, plain words, 360 px with Review in sight, undoable discard', async () => {
    await walkTheTruth(browser, demo, 'en');
  });

  it('not sent yet while the API is down, then the confirmation; the answer reaches the badge with the popup closed', async () => {
    await walkTheOutbox(browser, api, proxy, demo, 'en');
  });

  it('the edited capture keeps its type and size, its blackout pure black', async () => {
    await walkTheEditedSize(browser, api, demo, 'en');
  });

  it('"Add an image" in the toolbar popup moves the form and its draft to a window, where the file is chosen', async () => {
    await walkTheAddImage(browser, demo, 'en');
  });
});
