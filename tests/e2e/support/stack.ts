/**
 * What most end-to-end files need, started once per file: the real API on a free port, the
 * demo draw site, and Chromium with the extension pointed at that API.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startDemo, startTestApi, type Api, type Browser } from './harness';
import type { DemoServer } from '../../fixtures/demo-server';

export interface Stack {
  api: Api;
  demo: DemoServer;
  browser: Browser;
}

/** Starts the stack before the file's tests and stops it after them; read it inside tests. */
export function useStack(options: { locale?: 'en' | 'fr' } = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    [stack.api, stack.demo] = await Promise.all([startTestApi(), startDemo()]);
    stack.browser = await launchBrowser({ apiUrl: stack.api.url, locale: options.locale });
  });
  afterAll(async () => {
    await stack.browser?.close();
    await Promise.all([stack.api?.close(), stack.demo?.close()]);
  });
  return stack;
}
