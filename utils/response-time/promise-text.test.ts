import { describe, expect, it } from 'vitest';
import type { Category, Locale, SupportStatus } from '../contract/schemas';
import { computeResponsePromise, type StatusSource } from './promise';
import { describePromise, type PromiseText } from './promise-text';
import { builtinStatus } from './schedule';
import { instantOfWallTime } from './zoned-time';

/** Compare with plain spaces and apostrophes; the module uses no-break spaces and ’. */
const plain = (s: string | undefined) => s?.replace(/\u00a0/g, ' ').replace(/’/g, "'");
const plainText = (t: PromiseText) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, plain(v as string)]));

interface Scenario {
  now: Date;
  timeZone: string;
  locale: Locale;
  status?: Partial<SupportStatus>;
  category?: Category;
  statusSource?: StatusSource;
}

function describeAt({ now, timeZone, locale, status = {}, category = 'other', statusSource = 'live' }: Scenario) {
  const promise = computeResponsePromise({ now, status: { ...builtinStatus(now), ...status }, category, statusSource });
  return plainText(describePromise(promise, { locale, timeZone, now }));
}

const PARIS = 'Europe/Paris';
const paris = (date: string, hh: number, mm = 0) => instantOfWallTime(date, hh, mm, PARIS);
const toronto = (date: string, hh: number, mm = 0) => instantOfWallTime(date, hh, mm, 'America/Toronto');

describe('standard case, customer in Paris, sent on a Saturday', () => {
  const now = paris('2026-06-13', 11, 0); // Saturday

  it('fr', () => {
    // One sentence: when support reads it, the latest reply, the zone named once; no second time.
    expect(describeAt({ now, timeZone: PARIS, locale: 'fr' })).toEqual({
      headline: 'Si vous envoyez maintenant : lu dès lundi 15 h, réponse au plus tard mardi 15 h (heure de Paris).',
    });
  });

  it('en', () => {
    expect(describeAt({ now, timeZone: PARIS, locale: 'en' })).toEqual({
      headline: 'If you send now: read from Monday 3 pm, reply by Tuesday 3 pm (Paris time).',
    });
  });

  it('after sending, says what was promised', () => {
    const promise = computeResponsePromise({ now, status: builtinStatus(now), category: 'other', statusSource: 'live' });
    expect(plain(describePromise(promise, { locale: 'fr', timeZone: PARIS, now, moment: 'after' }).headline)).toBe(
      "Promis à l'envoi : lu dès lundi 15 h, réponse au plus tard mardi 15 h (heure de Paris).",
    );
  });
});

describe('relative day words and clock times', () => {
  it('within hours: the window and the latest reply, "tomorrow" with minutes, Eastern time for Toronto', () => {
    const now = toronto('2026-06-09', 10, 30);
    const fr = describeAt({ now, timeZone: 'America/Toronto', locale: 'fr' });
    expect(fr.headline).toBe(
      "Si vous envoyez maintenant : réponse habituelle sous 6 à 24 h, au plus tard demain 10 h 30 (heure de l'Est).",
    );
    expect(describeAt({ now, timeZone: 'America/Toronto', locale: 'en' }).headline).toBe(
      'If you send now: usual reply within 6–24 h, by tomorrow 10:30 am (Eastern time).',
    );
  });

  it('early morning: support opens "today"', () => {
    const now = toronto('2026-06-09', 7, 0);
    expect(describeAt({ now, timeZone: 'America/Montreal', locale: 'fr' }).headline).toBe(
      "Si vous envoyez maintenant : lu dès aujourd'hui 9 h, réponse au plus tard demain 9 h (heure de l'Est).",
    );
    expect(describeAt({ now, timeZone: 'America/Toronto', locale: 'en' }).headline).toBe(
      'If you send now: read from today 9 am, reply by tomorrow 9 am (Eastern time).',
    );
  });

  it('days are counted in the customer timezone: 23:00 in Tokyo, next day is "demain"', () => {
    const now = toronto('2026-06-09', 10, 0); // 23:00 in Tokyo
    expect(describeAt({ now, timeZone: 'Asia/Tokyo', locale: 'en' }).headline).toBe(
      'If you send now: usual reply within 6–24 h, by tomorrow 11 pm (Tokyo time).',
    );
  });

  it('noon and a date beyond the week', () => {
    const now = toronto('2026-06-29', 18, 0); // Monday evening, closed until the next Monday
    const status = { schedule: { ...builtinStatus(now).schedule, closedDays: ['2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03'] } };
    const fr = describeAt({ now, timeZone: 'America/Toronto', locale: 'fr', status });
    expect(fr.headline).toMatch(/^Si vous envoyez maintenant : lu dès lundi 6 juillet 9 h, /);
    // In Paris it is already Tuesday: next Monday is within the week, so just "lundi".
    expect(describeAt({ now, timeZone: PARIS, locale: 'fr', status }).headline).toMatch(/lu dès lundi 15 h, /);
    const en = describeAt({ now, timeZone: 'America/Vancouver', locale: 'en', status });
    expect(en.headline).toMatch(/^If you send now: read from Monday, July 6, 6 am, reply by .* \(Vancouver time\)\.$/);
    expect(describeAt({ now: paris('2026-06-09', 18, 0), timeZone: 'America/Toronto', locale: 'en' }).headline).toMatch(
      /by tomorrow 12 pm \(Eastern time\)\.$/,
    );
  });
});

describe('Paris and Toronto change DST on different dates', () => {
  it('March 2026: three weeks when Monday 9:00 in Toronto is 14:00 in Paris, then 15:00', () => {
    const before = describeAt({ now: paris('2026-03-20', 23, 30), timeZone: PARIS, locale: 'fr' });
    expect(before.headline).toBe('Si vous envoyez maintenant : lu dès lundi 14 h, réponse au plus tard mardi 14 h (heure de Paris).');
    const after = describeAt({ now: paris('2026-04-04', 10, 0), timeZone: PARIS, locale: 'fr' });
    expect(after.headline).toMatch(/lu dès lundi 15 h, /);
  });

  it('autumn 2026: Paris falls back on Oct 25, Toronto on Nov 1', () => {
    const gap = describeAt({ now: paris('2026-10-31', 10, 0), timeZone: PARIS, locale: 'en' });
    // Monday Nov 2, 09:00 EST = 14:00Z = 15:00 CET
    expect(gap.headline).toMatch(/read from Monday 3 pm, /);
    const week = describeAt({ now: paris('2026-10-24', 10, 0), timeZone: PARIS, locale: 'en' });
    // Monday Oct 26, 09:00 EDT = 13:00Z = 14:00 CET (Paris changed the day before)
    expect(week.headline).toMatch(/read from Monday 2 pm, /);
  });
});

describe('peak and incident', () => {
  const now = toronto('2026-12-22', 11, 0);

  it('peak with support’s cause, fr and en', () => {
    const fr = describeAt({ now, timeZone: PARIS, locale: 'fr', status: { mode: 'peak', message: 'jours fériés' } });
    expect(fr).toEqual({
      headline:
        'Si vous envoyez maintenant : période de forte affluence (jours fériés), réponse sous 24 à 48 h, au plus tard jeudi 17 h (heure de Paris).',
      detail: "Nous répondons à chaque message, dans l'ordre de réception.",
    });
    const en = describeAt({ now, timeZone: PARIS, locale: 'en', status: { mode: 'peak', message: 'holidays' } });
    expect(en).toEqual({
      headline: "If you send now: we're busier than usual (holidays), replies within 24–48 h, by Thursday 5 pm (Paris time).",
      detail: 'Every message gets an answer, in the order received.',
    });
  });

  it('peak without a message has no empty parentheses', () => {
    const fr = describeAt({ now, timeZone: PARIS, locale: 'fr', status: { mode: 'peak' } });
    expect(fr.headline).toMatch(/^Si vous envoyez maintenant : période de forte affluence, réponse sous 24 à 48 h, au plus tard /);
  });

  it('incident without a message uses the article’s words', () => {
    const fr = describeAt({ now, timeZone: PARIS, locale: 'fr', status: { mode: 'incident' } });
    expect(fr.headline).toMatch(
      /^Si vous envoyez maintenant : incident en cours sur un réseau social ou une plateforme, réponse sous 24 à 48 h, /,
    );
    const en = describeAt({ now, timeZone: PARIS, locale: 'en', status: { mode: 'incident' } });
    expect(en.headline).toMatch(/^If you send now: a social network or platform is having problems, replies within 24–48 h, /);
  });

  it('a long status message goes in the detail, not the headline', () => {
    const message = 'Instagram limite actuellement l’accès aux commentaires pour certaines Pages; nos tirages sont ralentis';
    const fr = describeAt({ now, timeZone: PARIS, locale: 'fr', status: { mode: 'incident', message } });
    expect(fr.headline).not.toContain('Instagram');
    expect(fr.detail).toBe(`${plain(message)}. Nous répondons à chaque message, dans l'ordre de réception.`);
  });

  it('a passed incident reads as the standard case', () => {
    const fr = describeAt({
      now,
      timeZone: PARIS,
      locale: 'fr',
      status: { mode: 'incident', message: 'panne', until: '2026-12-21T00:00:00Z' },
    });
    expect(fr.headline).toMatch(/^Si vous envoyez maintenant : réponse habituelle sous 6 à 24 h/);
    expect(fr.detail ?? '').not.toContain('panne');
  });
});

describe('complex categories', () => {
  const now = toronto('2026-06-09', 10, 0);

  it('normal mode: first reply, then the detailed answer', () => {
    expect(describeAt({ now, timeZone: PARIS, locale: 'fr', category: 'permissions' })).toEqual({
      headline: 'Si vous envoyez maintenant : première réponse sous 6 à 24 h, au plus tard demain 16 h (heure de Paris).',
      detail: "Accusé de réception rapide, puis réponse détaillée une fois l'analyse terminée.",
    });
    expect(describeAt({ now, timeZone: PARIS, locale: 'en', category: 'api_error' }).detail).toBe(
      'A quick acknowledgment first, then a detailed answer once the analysis is done.',
    );
  });

  it('peak mode: both sentences', () => {
    const en = describeAt({ now, timeZone: PARIS, locale: 'en', category: 'billing', status: { mode: 'peak' } });
    expect(en.detail).toBe(
      'Every message gets an answer, in the order received. A quick acknowledgment first, then a detailed answer once the analysis is done.',
    );
  });
});

describe('stale note', () => {
  const now = toronto('2026-06-09', 10, 0);
  it.each([
    ['live', undefined, undefined],
    ['cached', "Cette estimation n'est peut-être pas à jour.", 'This estimate may be out of date.'],
    ['builtin', "Cette estimation n'est peut-être pas à jour.", 'This estimate may be out of date.'],
  ] as const)('%s', (statusSource, fr, en) => {
    expect(describeAt({ now, timeZone: PARIS, locale: 'fr', statusSource }).staleNote).toBe(fr);
    expect(describeAt({ now, timeZone: PARIS, locale: 'en', statusSource }).staleNote).toBe(en);
  });
});

describe('an unknown or unnamed customer timezone', () => {
  it('falls back to Eastern time', () => {
    const now = toronto('2026-06-09', 10, 0);
    expect(describeAt({ now, timeZone: 'Nowhere/Atlantis', locale: 'en' }).headline).toMatch(/\(Eastern time\)\.$/);
  });

  it('never shows "UTC" or an offset: UTC and Etc zones read in support’s named zone', () => {
    const now = toronto('2026-06-09', 10, 0);
    for (const timeZone of ['UTC', 'Etc/UTC', 'Etc/GMT+5', 'GMT']) {
      for (const locale of ['fr', 'en'] as const) {
        const { headline } = describeAt({ now, timeZone, locale });
        expect(headline).not.toMatch(/UTC|GMT/);
        expect(headline).toMatch(/\((heure de l'Est|Eastern time)\)\.$/);
      }
    }
  });
});
