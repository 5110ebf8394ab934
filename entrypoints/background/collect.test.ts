import { describe, expect, it } from 'vitest';
import { fromExtensionPage } from './collect';

describe("fromExtensionPage: who may ask the worker for a tab's screenshot", () => {
  const origin = 'chrome-extension://olkiigammefckhmfmlfmbpaejfekofon/';

  it('answers the form, in the toolbar popup or in a window', () => {
    expect(fromExtensionPage(`${origin}popup.html?tabId=7&from=toolbar`, origin)).toBe(true);
    expect(fromExtensionPage(`${origin}popup.html?tabId=7`, origin)).toBe(true);
  });

  it('refuses content scripts (their sender is the page), other extensions and unknown senders', () => {
    expect(fromExtensionPage('https://app.osortoo.com/giveaways/8f3k2/results', origin)).toBe(false);
    expect(fromExtensionPage('chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', origin)).toBe(false);
    expect(fromExtensionPage(`https://evil.test/?${origin}`, origin)).toBe(false);
    expect(fromExtensionPage(undefined, origin)).toBe(false);
  });
});
