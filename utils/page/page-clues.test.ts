import { describe, expect, it } from 'vitest';
import { readPageClues, type DocumentLike, type ElementLike } from './page-clues';

const link = (href: string, text = '', inParticipants = false) => ({ href, text, inParticipants });

describe('readPageClues on a minimal document', () => {
  // A tiny stand-in for the DOM: selectors are matched by exact string, which is enough to
  // check the plumbing (the real DOM is exercised in draw-context.browser.test.ts).
  const el = (attrs: Record<string, string>, text = '', inParticipants = false): ElementLike => ({
    getAttribute: (n) => attrs[n] ?? null,
    textContent: text,
    closest: () => (inParticipants ? {} : null),
  });
  const doc = (bySelector: Record<string, ElementLike[]>): DocumentLike => ({
    querySelectorAll: (sel) =>
      bySelector[sel] ??
      (sel.startsWith('h1,') ? (bySelector.labels ?? []) : sel.startsWith('[class*="account"') ? (bySelector.account ?? []) : []),
  });

  it('reads meta, data attributes, links and texts', () => {
    const d = doc({
      'meta[name^="osortoo:"], meta[property^="osortoo:"]': [el({ name: 'osortoo:draw-id', content: ' 8f3k2 ' })],
      '[data-osortoo-platform]': [el({ 'data-osortoo-platform': '' }, ' Instagram ')],
      'a[href]': [
        el({ href: 'https://www.instagram.com/p/C0x/' }, 'post'),
        el({ href: '/relative' }),
        el({ href: 'https://www.instagram.com/julie/' }, 'julie', true),
      ],
      labels: [el({}, 'Concours   de Noël'), el({}, '@julie', true)],
      account: [el({}, 'marie@example.com')],
    });
    expect(readPageClues(d, 'https://app.osortoo.com/x')).toEqual({
      url: 'https://app.osortoo.com/x',
      meta: { 'osortoo:draw-id': '8f3k2' },
      data: { platform: ['Instagram'] },
      links: [link('https://www.instagram.com/p/C0x/', 'post'), link('https://www.instagram.com/julie/', 'julie', true)],
      labels: ['Concours de Noël'],
      accountTexts: ['marie@example.com'],
    });
  });

  it('never throws on a hostile document: it keeps what it read so far', () => {
    const hostile: DocumentLike = {
      querySelectorAll: () => {
        throw new Error('nope');
      },
    };
    expect(readPageClues(hostile, 'https://app.osortoo.com/x')).toEqual({
      url: 'https://app.osortoo.com/x',
      meta: {},
      data: {},
      links: [],
      labels: [],
      accountTexts: [],
    });
  });
});
