import { describe, expect, it } from 'vitest';
import { majorVersion, popupOpensWithoutGesture } from './popup-support';

describe('popupOpensWithoutGesture: where the toolbar click can open the popup', () => {
  it('Firefox 140 to 148 open the form in a window, 149 and later as the popup', () => {
    expect(popupOpensWithoutGesture({ name: 'Firefox', version: '140.0' })).toBe(false);
    expect(popupOpensWithoutGesture({ name: 'Firefox', version: '148.0.2' })).toBe(false);
    expect(popupOpensWithoutGesture({ name: 'Firefox', version: '149.0' })).toBe(true);
    expect(popupOpensWithoutGesture({ name: 'Firefox', version: '153.8.0esr' })).toBe(true);
  });

  it('other browsers, and a browser that does not say, try the popup', () => {
    expect(popupOpensWithoutGesture(undefined)).toBe(true);
    expect(popupOpensWithoutGesture({ name: 'Thunderbird', version: '140.0' })).toBe(true);
  });

  it('reads the major version, and an unreadable one as 0', () => {
    expect(majorVersion('149.0a1')).toBe(149);
    expect(majorVersion('')).toBe(0);
  });
});
