/**
 * The customer's walk in French, with Chromium's UI in French (the form follows the browser's
 * language): the same walk as the English file, plus closing the form mid-way and finding the
 * draft again (text, category, both screenshots).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, startDemo, startTestApi, type Api, type Browser } from '../support/harness';
import { walkCustomerThrough } from '../support/customer-walkthrough';
import type { DemoServer } from '../../fixtures/demo-server';

let api: Api;
let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [api, demo] = await Promise.all([startTestApi(), startDemo()]);
  browser = await launchBrowser({ apiUrl: api.url, locale: 'fr' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), demo?.close()]);
});

describe('parcours client (français)', () => {
  it('dépose une demande complète, brouillon retrouvé après fermeture, entrée retirée, suivie dans « Mes demandes »', async () => {
    await walkCustomerThrough({ browser, api, demo, locale: 'fr', reopen: true });
  });
});
