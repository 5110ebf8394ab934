import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openFormFor } from './toolbar';

// The collection itself needs a real browser (captureVisibleTab): tests/e2e/toolbar covers it.
vi.mock('./collect', () => ({ startCollecting: vi.fn() }));
const { startCollecting } = await import('./collect');

const tab = { id: 7, windowId: 3, index: 0, active: true, highlighted: true, pinned: false, incognito: false } as Parameters<
  typeof openFormFor
>[0];

describe('openFormFor: what a click on the toolbar button does', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(startCollecting).mockClear();
  });

  it('starts collecting the tab, then opens the popup set for that tab only for the time of opening it', async () => {
    const popups: string[] = [];
    vi.spyOn(browser.action, 'setPopup').mockImplementation(async ({ popup }) => void popups.push(popup));
    const openPopup = vi.spyOn(browser.action, 'openPopup').mockImplementation(async () => {
      // The collection started before the form was asked to open.
      expect(startCollecting).toHaveBeenCalledWith(7);
    });
    await expect(openFormFor(tab)).resolves.toBe('popup');
    expect(openPopup).toHaveBeenCalledWith({ windowId: 3 });
    expect(popups).toEqual(['popup.html?tabId=7&from=toolbar', '']);
  });

  it('opens the form in a window about the tab when no popup can open, and still resets the popup', async () => {
    const popups: string[] = [];
    vi.spyOn(browser.action, 'setPopup').mockImplementation(async ({ popup }) => void popups.push(popup));
    vi.spyOn(browser.action, 'openPopup').mockRejectedValue(new Error('Browser window has no toolbar.'));
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 9 } as never);
    await expect(openFormFor(tab)).resolves.toBe('window');
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/popup\.html\?tabId=7$/), type: 'popup' }));
    expect(popups).toEqual(['popup.html?tabId=7&from=toolbar', '']);
  });

  it('opens a general form in a window for a tab without an id', async () => {
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 9 } as never);
    await expect(openFormFor({ ...tab, id: undefined })).resolves.toBe('window');
    expect(startCollecting).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/popup\.html$/) }));
  });

  it('opens the form in a window without trying the popup where the browser cannot open one (Firefox 140–148)', async () => {
    const setPopup = vi.spyOn(browser.action, 'setPopup');
    const openPopup = vi.spyOn(browser.action, 'openPopup');
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({ id: 9 } as never);
    await expect(openFormFor(tab, async () => false)).resolves.toBe('window');
    expect(startCollecting).toHaveBeenCalledWith(7);
    expect(setPopup).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/popup\.html\?tabId=7$/) }));
  });
});
