import { describe, expect, it } from 'vitest';
import { drawContextFromClues, drawContextFromPage } from './draw-context';
import type { DocumentLike, PageClues } from './page-clues';
import { DrawContextSchema } from '../contract/schemas';

const clues = (over: Partial<PageClues> = {}): PageClues => ({
  url: 'https://app.osortoo.com/giveaways/8f3k2/results',
  meta: {},
  data: {},
  links: [],
  labels: [],
  accountTexts: [],
  ...over,
});
const link = (href: string, text = '', inParticipants = false) => ({ href, text, inParticipants });

describe('drawContextFromClues', () => {
  it('uses explicit hook points first', () => {
    const ctx = drawContextFromClues(
      clues({
        url: 'https://app.osortoo.com/giveaways/url-id/results?utm_campaign=x',
        data: { 'draw-id': ['hook-id'], platform: ['instagram'], username: ['@boutique.marie'], 'account-email': ['marie@example.com'] },
        links: [link('https://www.facebook.com/somepage/posts/1')],
      }),
    );
    expect(ctx).toEqual({
      onOsortooPage: true,
      // Raw: the worker makes it the canonical draw link (utils/diagnosis/scrub-page-answers.ts).
      url: 'https://app.osortoo.com/giveaways/url-id/results?utm_campaign=x',
      drawId: 'hook-id',
      platform: 'instagram',
      pageOrUsername: '@boutique.marie',
      accountEmail: 'marie@example.com',
    });
    expect(DrawContextSchema.parse(ctx)).toEqual(ctx);
  });

  it('sends the address without its fragment, and no address too long to send whole', () => {
    const url = 'https://app.osortoo.com/giveaways/8f3k2/results?tab=winners';
    expect(drawContextFromClues(clues({ url: `${url}#access_token=EAAB1234567890abcdefghij` })).url).toBe(url);
    expect(drawContextFromClues(clues({ url: `${url}&q=${'a'.repeat(320_000)}` })).url).toBeUndefined();
  });

  it('reads meta tags when there are no data attributes', () => {
    const ctx = drawContextFromClues(
      clues({ meta: { 'osortoo:draw-id': 'm1', 'osortoo:platform': 'youtube', 'osortoo:username': 'Chaîne Marie' } }),
    );
    expect(ctx).toMatchObject({ drawId: 'm1', platform: 'youtube', pageOrUsername: 'Chaîne Marie' });
  });

  it('says multi when the page states or links several platforms', () => {
    expect(drawContextFromClues(clues({ data: { platform: ['instagram', 'facebook'] } })).platform).toBe('multi');
    expect(drawContextFromClues(clues({ data: { platform: ['Instagram + YouTube'] } })).platform).toBe('multi');
    expect(drawContextFromClues(clues({ meta: { 'osortoo:platform': 'multi-platform' } })).platform).toBe('multi');
    expect(
      drawContextFromClues(
        clues({ links: [link('https://www.instagram.com/p/C0x9AbCdEfG/'), link('https://www.youtube.com/watch?v=dQw4w9WgXcQ')] }),
      ).platform,
    ).toBe('multi');
  });

  it('finds the platform from post links, then from labels', () => {
    expect(drawContextFromClues(clues({ links: [link('https://www.instagram.com/reel/Cz1/')] })).platform).toBe('instagram');
    expect(drawContextFromClues(clues({ links: [link('https://www.facebook.com/boutiquemarie/posts/pfbid02xYz')] })).platform).toBe(
      'facebook',
    );
    expect(drawContextFromClues(clues({ links: [link('https://fb.watch/abc/')] })).platform).toBe('facebook');
    expect(drawContextFromClues(clues({ links: [link('https://youtu.be/dQw4w9WgXcQ')] })).platform).toBe('youtube');
    expect(drawContextFromClues(clues({ links: [link('https://www.youtube.com/shorts/abc')] })).platform).toBe('youtube');
    expect(drawContextFromClues(clues({ labels: ['Concours Instagram', 'Résultats'] })).platform).toBe('instagram');
    // A footer naming every network says nothing about this draw.
    expect(drawContextFromClues(clues({ labels: ['Suivez-nous sur Facebook, Instagram et YouTube'] })).platform).toBeUndefined();
    // A profile link is not a post.
    expect(drawContextFromClues(clues({ links: [link('https://www.instagram.com/osortoo/')] })).platform).toBeUndefined();
  });

  it('finds the Instagram username from a visible handle or the organiser profile link, not from participants', () => {
    expect(drawContextFromClues(clues({ labels: ['Concours organisé par @boutique.marie'] })).pageOrUsername).toBe('@boutique.marie');
    expect(
      drawContextFromClues(
        clues({
          links: [
            link('https://www.instagram.com/julie.dmrt/', 'julie.dmrt', true),
            link('https://www.instagram.com/p/C0x/'),
            link('https://www.instagram.com/boutique.marie/', 'boutique.marie'),
          ],
        }),
      ).pageOrUsername,
    ).toBe('@boutique.marie');
    expect(
      drawContextFromClues(clues({ links: [link('https://www.instagram.com/julie.dmrt/', 'julie.dmrt', true)] })).pageOrUsername,
    ).toBeUndefined();
    // An e-mail is not a handle.
    expect(drawContextFromClues(clues({ labels: ['Contact : marie@example.com'] })).pageOrUsername).toBeUndefined();
  });

  it('finds a Facebook Page name from the Page link', () => {
    const ctx = drawContextFromClues(
      clues({
        links: [
          link('https://www.facebook.com/boutiquemarie/posts/pfbid02'),
          link('https://www.facebook.com/boutiquemarie', 'Boutique Marie'),
          link('https://www.facebook.com/login'),
        ],
      }),
    );
    expect(ctx).toMatchObject({ platform: 'facebook', pageOrUsername: 'Boutique Marie' });
    expect(drawContextFromClues(clues({ links: [link('https://www.facebook.com/help/')] })).pageOrUsername).toBeUndefined();
  });

  it('finds the account e-mail in an account menu, never an Osortoo address', () => {
    expect(drawContextFromClues(clues({ accountTexts: ['M marie@example.com Pro'] })).accountEmail).toBe('marie@example.com');
    expect(drawContextFromClues(clues({ accountTexts: ['support@osortoo.com'] })).accountEmail).toBeUndefined();
    expect(drawContextFromClues(clues({ accountTexts: ['Mon compte'] })).accountEmail).toBeUndefined();
  });

  it('leaves unknown fields out', () => {
    expect(drawContextFromClues(clues({ url: 'https://osortoo.com/pricing' }))).toEqual({
      onOsortooPage: true,
      url: 'https://osortoo.com/pricing',
    });
  });

  it('is not an Osortoo page elsewhere, nor on a local page without hook points', () => {
    expect(drawContextFromClues(clues({ url: 'https://www.instagram.com/p/C0x/' }))).toEqual({ onOsortooPage: false });
    expect(drawContextFromClues(clues({ url: 'http://127.0.0.1:4000/giveaways/8f3k2' }))).toEqual({ onOsortooPage: false });
    expect(
      drawContextFromClues(clues({ url: 'http://127.0.0.1:4000/giveaways/8f3k2', meta: { 'osortoo:page': 'giveaway-results' } })),
    ).toEqual({
      onOsortooPage: true,
      url: 'http://127.0.0.1:4000/giveaways/8f3k2',
      drawId: '8f3k2',
    });
  });

  it('caps long page-given values to the contract', () => {
    const ctx = drawContextFromClues(clues({ data: { username: ['x'.repeat(1000)] } }));
    expect(DrawContextSchema.safeParse(ctx).success).toBe(true);
  });
});

describe('drawContextFromPage', () => {
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
