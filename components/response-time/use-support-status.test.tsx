import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ResponseBanner } from './response-banner';
import { WITHIN_HOURS } from '../../tests/fixtures/support-hours';
import { useSupportStatus } from './use-support-status';

const plain = (html: string) =>
  html
    .replace(/\u00a0/g, ' ')
    .replace(/’/g, "'")
    .replace(/&#x27;/g, "'");

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
