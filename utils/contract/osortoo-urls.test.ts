import { describe, expect, it } from 'vitest';
import { drawIdFromUrl, isDevHostUrl, isOsortooUrl, platformFromWord, validDrawId } from './osortoo-urls';

describe('isOsortooUrl', () => {
  it.each([
    ['https://osortoo.com/', true],
    ['https://app.osortoo.com/giveaways/8f3k2/results', true],
    ['http://app.osortoo.com/x', true],
    ['https://support.osortoo.com/fr/articles/1', true],
    ['https://osortoo.com.evil.example/', false],
    ['https://evilosortoo.com/', false],
    ['https://example.com/?next=https://osortoo.com', false],
    ['http://127.0.0.1:5173/giveaways/8f3k2', false],
    ['chrome://extensions', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isOsortooUrl(url)).toBe(expected));
});

describe('drawIdFromUrl (assumed patterns)', () => {
  it.each([
    ['https://app.osortoo.com/giveaways/8f3k2', '8f3k2'],
    ['https://app.osortoo.com/giveaways/8f3k2/results?tab=winners', '8f3k2'],
    ['https://app.osortoo.com/giveaway/G-1029/results', 'G-1029'],
    ['https://app.osortoo.com/fr/draw/abc_123/', 'abc_123'],
    ['https://app.osortoo.com/draws/77', '77'],
    ['https://app.osortoo.com/tirage/noel2026', 'noel2026'],
    ['https://app.osortoo.com/fr/concours/xmas-24/resultats', 'xmas-24'],
    ['https://app.osortoo.com/projects/p9f/edit', 'p9f'],
    ['https://app.osortoo.com/app?giveaway=q7w8', 'q7w8'],
    ['https://app.osortoo.com/app?giveawayId=q7w8', 'q7w8'],
    ['https://app.osortoo.com/app?draw_id=z1', 'z1'],
    ['https://app.osortoo.com/results?id=4411', '4411'],
    ['https://app.osortoo.com/fr/resultats?id=4411', '4411'],
  ])('%s → %s', (url, id) => expect(drawIdFromUrl(url)).toBe(id));

  it.each([
    'https://app.osortoo.com/giveaways',
    'https://app.osortoo.com/giveaways/new',
    'https://app.osortoo.com/giveaways/results',
    'https://app.osortoo.com/settings?id=12', // ?id= only on a results path
    'https://app.osortoo.com/giveaways/<script>',
    'https://app.osortoo.com/pricing',
  ])('no id in %s', (url) => expect(drawIdFromUrl(url)).toBeUndefined());
});

describe('platformFromWord', () => {
  it.each([
    ['Instagram', 'instagram'],
    ['ig', 'instagram'],
    ['FACEBOOK', 'facebook'],
    ['fb', 'facebook'],
    ['YouTube', 'youtube'],
    ['multi-platform', 'multi'],
    ['multiplateforme', 'multi'],
    ['tiktok', undefined],
  ])('%s → %s', (word, platform) => expect(platformFromWord(word)).toBe(platform));
});

describe('isDevHostUrl and validDrawId', () => {
  it('knows the local demo hosts only', () => {
    expect(isDevHostUrl('http://127.0.0.1:4000/giveaways/8f3k2')).toBe(true);
    expect(isDevHostUrl('http://localhost/x')).toBe(true);
    expect(isDevHostUrl('https://app.osortoo.com/x')).toBe(false);
    expect(isDevHostUrl('not a url')).toBe(false);
  });

  it('takes ids of the right shape that are not path words', () => {
    expect(validDrawId('G-1029')).toBe('G-1029');
    for (const no of ['new', 'results', '<script>', '', null, undefined, 'x'.repeat(65)]) expect(validDrawId(no)).toBeUndefined();
  });
});
