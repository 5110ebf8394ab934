import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ResponseBanner } from './response-banner';
import { useSupportStatus } from './use-support-status';

const plain = (html: string) =>
  html
    .replace(/\u00a0/g, ' ')
    .replace(/’/g, "'")
    .replace(/&#x27;/g, "'");

/**
 * A Tuesday afternoon in support's hours (Mon–Fri 09:00–17:00, Toronto): the banner promises the
 * standard window only within them, so a test on the real clock failed on evenings and weekends.
 */
const WITHIN_HOURS = new Date('2026-12-01T15:00:00-05:00');

/** What useSupportStatus returned on the last render of Probe. */
let seen: ReturnType<typeof useSupportStatus> | undefined;
function Probe() {
  seen = useSupportStatus('http://127.0.0.1:9');
  const { status, source } = seen;
  return createElement(ResponseBanner, {
    status,
    statusSource: source,
    category: 'other',
    locale: 'en',
    timeZone: 'Europe/Paris',
    now: WITHIN_HOURS,
  });
}

describe('useSupportStatus', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a usable status on the first render, before any network or storage answer', () => {
    const html = plain(renderToStaticMarkup(createElement(Probe)));
    expect(seen?.source).toBe('builtin');
    expect(seen?.status.mode).toBe('normal');
    expect(html).toContain('usual reply within 6–24 h');
    expect(html).toContain('This estimate may be out of date.');
  });
});
