import { describe, expect, it } from 'vitest';
import {
  canonicalDrawUrl,
  drawContextFromFacts,
  drawContextFromPage,
  drawIdFromUrl,
  isOsortooUrl,
  platformFromWord,
  readPageFacts,
  type DocumentLike,
  type ElementLike,
  type PageFacts,
} from './osortoo-pages';
import { DrawContextSchema } from '../contract/schemas';

const facts = (over: Partial<PageFacts> = {}): PageFacts => ({
  url: 'https://app.osortoo.com/giveaways/8f3k2/results',
  meta: {},
  data: {},
  links: [],
  labels: [],
  accountTexts: [],
  ...over,
});
const link = (href: string, text = '', inParticipants = false) => ({ href, text, inParticipants });

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

describe('canonicalDrawUrl', () => {
  it('forces https, drops tracking, credentials, user-info and the fragment', () => {
    expect(
      canonicalDrawUrl('http://marie:pw@app.osortoo.com/giveaways/8f3k2/results?utm_source=newsletter&tab=winners&fbclid=IwAR0x&gclid=abc&access_token=EAAB1234567890abcdefghij#comment-12'),
    ).toBe('https://app.osortoo.com/giveaways/8f3k2/results?tab=winners');
    expect(canonicalDrawUrl('https://app.osortoo.com/giveaways/8f3k2?utm_medium=email')).toBe('https://app.osortoo.com/giveaways/8f3k2');
    expect(canonicalDrawUrl('https://app.osortoo.com/giveaways/8f3k2?page=2&sort=recent')).toBe('https://app.osortoo.com/giveaways/8f3k2?page=2&sort=recent');
    // The local demo page keeps its http scheme.
    expect(canonicalDrawUrl('http://127.0.0.1:5173/giveaways/8f3k2/results?utm_source=x')).toBe('http://127.0.0.1:5173/giveaways/8f3k2/results');
    expect(canonicalDrawUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalDrawUrl('https://app.osortoo.com/' + 'a'.repeat(3000))).toBeUndefined();
  });
});

describe('platformFromWord', () => {
  it.each([
    ['Instagram', 'instagram'], ['ig', 'instagram'], ['FACEBOOK', 'facebook'], ['fb', 'facebook'],
    ['YouTube', 'youtube'], ['multi-platform', 'multi'], ['multiplateforme', 'multi'], ['tiktok', undefined],
  ])('%s → %s', (word, platform) => expect(platformFromWord(word)).toBe(platform));
});

describe('drawContextFromFacts', () => {
  it('uses explicit hook points first', () => {
    const ctx = drawContextFromFacts(
      facts({
        url: 'https://app.osortoo.com/giveaways/url-id/results?utm_campaign=x',
        data: { 'draw-id': ['hook-id'], platform: ['instagram'], username: ['@boutique.marie'], 'account-email': ['marie@example.com'] },
        links: [link('https://www.facebook.com/somepage/posts/1')],
      }),
    );
    expect(ctx).toEqual({
      onOsortooPage: true,
      url: 'https://app.osortoo.com/giveaways/url-id/results',
      drawId: 'hook-id',
      platform: 'instagram',
      pageOrUsername: '@boutique.marie',
      accountEmail: 'marie@example.com',
    });
    expect(DrawContextSchema.parse(ctx)).toEqual(ctx);
  });

  it('reads meta tags when there are no data attributes', () => {
    const ctx = drawContextFromFacts(facts({ meta: { 'osortoo:draw-id': 'm1', 'osortoo:platform': 'youtube', 'osortoo:username': 'Chaîne Marie' } }));
    expect(ctx).toMatchObject({ drawId: 'm1', platform: 'youtube', pageOrUsername: 'Chaîne Marie' });
  });

  it('says multi when the page states or links several platforms', () => {
    expect(drawContextFromFacts(facts({ data: { platform: ['instagram', 'facebook'] } })).platform).toBe('multi');
    expect(drawContextFromFacts(facts({ data: { platform: ['Instagram + YouTube'] } })).platform).toBe('multi');
    expect(drawContextFromFacts(facts({ meta: { 'osortoo:platform': 'multi-platform' } })).platform).toBe('multi');
    expect(
      drawContextFromFacts(facts({ links: [link('https://www.instagram.com/p/C0x9AbCdEfG/'), link('https://www.youtube.com/watch?v=dQw4w9WgXcQ')] })).platform,
    ).toBe('multi');
  });

  it('finds the platform from post links, then from labels', () => {
    expect(drawContextFromFacts(facts({ links: [link('https://www.instagram.com/reel/Cz1/')] })).platform).toBe('instagram');
    expect(drawContextFromFacts(facts({ links: [link('https://www.facebook.com/boutiquemarie/posts/pfbid02xYz')] })).platform).toBe('facebook');
    expect(drawContextFromFacts(facts({ links: [link('https://fb.watch/abc/')] })).platform).toBe('facebook');
    expect(drawContextFromFacts(facts({ links: [link('https://youtu.be/dQw4w9WgXcQ')] })).platform).toBe('youtube');
    expect(drawContextFromFacts(facts({ links: [link('https://www.youtube.com/shorts/abc')] })).platform).toBe('youtube');
    expect(drawContextFromFacts(facts({ labels: ['Concours Instagram', 'Résultats'] })).platform).toBe('instagram');
    // A footer naming every network says nothing about this draw.
    expect(drawContextFromFacts(facts({ labels: ['Suivez-nous sur Facebook, Instagram et YouTube'] })).platform).toBeUndefined();
    // A profile link is not a post.
    expect(drawContextFromFacts(facts({ links: [link('https://www.instagram.com/osortoo/')] })).platform).toBeUndefined();
  });

  it('finds the Instagram username from a visible handle or the organiser profile link, not from participants', () => {
    expect(drawContextFromFacts(facts({ labels: ['Concours organisé par @boutique.marie'] })).pageOrUsername).toBe('@boutique.marie');
    expect(
      drawContextFromFacts(
        facts({
          links: [link('https://www.instagram.com/julie.dmrt/', 'julie.dmrt', true), link('https://www.instagram.com/p/C0x/'), link('https://www.instagram.com/boutique.marie/', 'boutique.marie')],
        }),
      ).pageOrUsername,
    ).toBe('@boutique.marie');
    expect(drawContextFromFacts(facts({ links: [link('https://www.instagram.com/julie.dmrt/', 'julie.dmrt', true)] })).pageOrUsername).toBeUndefined();
    // An e-mail is not a handle.
    expect(drawContextFromFacts(facts({ labels: ['Contact : marie@example.com'] })).pageOrUsername).toBeUndefined();
  });

  it('finds a Facebook Page name from the Page link', () => {
    const ctx = drawContextFromFacts(
      facts({ links: [link('https://www.facebook.com/boutiquemarie/posts/pfbid02'), link('https://www.facebook.com/boutiquemarie', 'Boutique Marie'), link('https://www.facebook.com/login')] }),
    );
    expect(ctx).toMatchObject({ platform: 'facebook', pageOrUsername: 'Boutique Marie' });
    expect(drawContextFromFacts(facts({ links: [link('https://www.facebook.com/help/')] })).pageOrUsername).toBeUndefined();
  });

  it('finds the account e-mail in an account menu, never an Osortoo address', () => {
    expect(drawContextFromFacts(facts({ accountTexts: ['M marie@example.com Pro'] })).accountEmail).toBe('marie@example.com');
    expect(drawContextFromFacts(facts({ accountTexts: ['support@osortoo.com'] })).accountEmail).toBeUndefined();
    expect(drawContextFromFacts(facts({ accountTexts: ['Mon compte'] })).accountEmail).toBeUndefined();
  });

  it('leaves unknown fields out', () => {
    expect(drawContextFromFacts(facts({ url: 'https://osortoo.com/pricing' }))).toEqual({ onOsortooPage: true, url: 'https://osortoo.com/pricing' });
  });

  it('is not an Osortoo page elsewhere, nor on a local page without hook points', () => {
    expect(drawContextFromFacts(facts({ url: 'https://www.instagram.com/p/C0x/' }))).toEqual({ onOsortooPage: false });
    expect(drawContextFromFacts(facts({ url: 'http://127.0.0.1:4000/giveaways/8f3k2' }))).toEqual({ onOsortooPage: false });
    expect(drawContextFromFacts(facts({ url: 'http://127.0.0.1:4000/giveaways/8f3k2', meta: { 'osortoo:page': 'giveaway-results' } }))).toEqual({
      onOsortooPage: true,
      url: 'http://127.0.0.1:4000/giveaways/8f3k2',
      drawId: '8f3k2',
    });
  });

  it('caps long page-given values to the contract', () => {
    const ctx = drawContextFromFacts(facts({ data: { username: ['x'.repeat(1000)] } }));
    expect(DrawContextSchema.safeParse(ctx).success).toBe(true);
  });
});

describe('readPageFacts on a minimal document', () => {
  // A tiny stand-in for the DOM: selectors are matched by exact string, which is enough to
  // check the plumbing (the real DOM is exercised in osortoo-pages.browser.test.ts).
  const el = (attrs: Record<string, string>, text = '', inParticipants = false): ElementLike => ({
    getAttribute: (n) => attrs[n] ?? null,
    textContent: text,
    closest: () => (inParticipants ? {} : null),
  });
  const doc = (bySelector: Record<string, ElementLike[]>): DocumentLike => ({
    querySelectorAll: (sel) => bySelector[sel] ?? (sel.startsWith('h1,') ? bySelector.labels ?? [] : sel.startsWith('[class*="account"') ? bySelector.account ?? [] : []),
  });

  it('reads meta, data attributes, links and texts', () => {
    const d = doc({
      'meta[name^="osortoo:"], meta[property^="osortoo:"]': [el({ name: 'osortoo:draw-id', content: ' 8f3k2 ' })],
      '[data-osortoo-platform]': [el({ 'data-osortoo-platform': '' }, ' Instagram ')],
      'a[href]': [el({ href: 'https://www.instagram.com/p/C0x/' }, 'post'), el({ href: '/relative' }), el({ href: 'https://www.instagram.com/julie/' }, 'julie', true)],
      labels: [el({}, 'Concours   de Noël'), el({}, '@julie', true)],
      account: [el({}, 'marie@example.com')],
    });
    expect(readPageFacts(d, 'https://app.osortoo.com/x')).toEqual({
      url: 'https://app.osortoo.com/x',
      meta: { 'osortoo:draw-id': '8f3k2' },
      data: { platform: ['Instagram'] },
      links: [link('https://www.instagram.com/p/C0x/', 'post'), link('https://www.instagram.com/julie/', 'julie', true)],
      labels: ['Concours de Noël'],
      accountTexts: ['marie@example.com'],
    });
  });

  it('never throws on a hostile document', () => {
    const hostile: DocumentLike = {
      querySelectorAll: () => {
        throw new Error('nope');
      },
    };
    expect(drawContextFromPage({ url: 'https://app.osortoo.com/giveaways/8f3k2', doc: hostile })).toEqual({
      onOsortooPage: true,
      url: 'https://app.osortoo.com/giveaways/8f3k2',
      drawId: '8f3k2',
    });
  });
});
