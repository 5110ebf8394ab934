import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SupportStatus } from '../../utils/contract/schemas';
import { builtinStatus } from '../../utils/response-time/schedule';
import { instantOfWallTime } from '../../utils/response-time/zoned-time';
import { msUntilNextMinute, ResponseBanner, type ResponseBannerProps } from './response-banner';

const plain = (html: string) =>
  html
    .replace(/\u00a0/g, ' ')
    .replace(/’/g, "'")
    .replace(/&#x27;/g, "'");
const render = (props: ResponseBannerProps) => plain(renderToStaticMarkup(createElement(ResponseBanner, props)));

const saturday = instantOfWallTime('2026-06-13', 11, 0, 'Europe/Paris');
const base = (over: Partial<ResponseBannerProps> = {}): ResponseBannerProps => ({
  status: builtinStatus(saturday),
  statusSource: 'live',
  category: 'other',
  locale: 'fr',
  timeZone: 'Europe/Paris',
  now: saturday,
  ...over,
});

describe('ResponseBanner', () => {
  it('is a named (hence a region), polite live region with the promise in one sentence (fr)', () => {
    expect(render(base())).toBe(
      '<section class="response-banner" data-case="standard" aria-label="Délai de réponse attendu" aria-live="polite">' +
        '<p class="response-banner__headline" data-testid="promise-sentence">' +
        'Si vous envoyez maintenant : lu dès lundi 15 h, réponse au plus tard mardi 15 h (heure de Paris).</p>' +
        '</section>',
    );
  });

  it('follows the category, the locale and the status source', () => {
    const html = render(base({ category: 'billing', locale: 'en', statusSource: 'cached' }));
    expect(html).toContain('aria-label="Expected response time"');
    expect(html).toContain('data-case="complex"');
    expect(html).toContain('If you send now: read from Monday 3 pm, first reply by Tuesday 3 pm (Paris time).');
    expect(html).toContain('A quick acknowledgment first, then a detailed answer once the analysis is done.');
    expect(html).toContain('<p class="response-banner__stale">This estimate may be out of date.</p>');
  });

  it('shows a peak status with support’s words, within hours', () => {
    const now = instantOfWallTime('2026-12-22', 11, 0, 'America/Toronto');
    const status: SupportStatus = { ...builtinStatus(now), mode: 'peak', message: 'jours fériés' };
    const html = render(base({ status, now, timeZone: 'America/Toronto' }));
    expect(html).toContain('data-case="peak"');
    expect(html).toContain(
      "Si vous envoyez maintenant : période de forte affluence (jours fériés), réponse sous 24 à 48 h, au plus tard jeudi 11 h (heure de l'Est).",
    );
    expect(html).not.toContain('lu dès');
  });

  it('escapes support’s message', () => {
    const status: SupportStatus = { ...builtinStatus(saturday), mode: 'incident', message: '<img src=x onerror=alert(1)>' };
    const html = render(base({ status }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('falls back to the built-in schedule when given an unusable status', () => {
    const status = { ...builtinStatus(saturday), schedule: { ...builtinStatus(saturday).schedule, timezone: 'Mars/Olympus' } };
    const html = render(base({ status }));
    expect(html).toContain('au plus tard mardi 15 h (heure de Paris)');
    expect(html).toContain('response-banner__stale');
  });

  it('ticks at the next minute boundary', () => {
    expect(msUntilNextMinute(new Date('2026-06-09T14:00:59.250Z'))).toBe(750);
    expect(msUntilNextMinute(new Date('2026-06-09T14:00:00.000Z'))).toBe(60_000);
  });
});
