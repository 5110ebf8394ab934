import { describe, expect, it } from 'vitest';
import { MESSAGES, format, formatDateTime, intlLocale, pickLocale, plural } from './i18n';

/** Every string of a message tree, by its path. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [];
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has every string in both languages, non-empty, with the same placeholders', () => {
    const en = new Map(leaves(MESSAGES.en));
    const fr = new Map(leaves(MESSAGES.fr));
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [path, text] of en) {
      expect(text.trim(), path).not.toBe('');
      expect(fr.get(path)!.trim(), path).not.toBe('');
      expect(placeholders(fr.get(path)!), path).toEqual(placeholders(text));
    }
  });

  it('uses the help article’s wording for the Instagram nudge', () => {
    expect(MESSAGES.fr.detailHints.pageOrUsername.instagram).toBe('Ajoutez le nom d’utilisateur Instagram du concours.');
  });
});

describe('plural', () => {
  it('follows each language’s rules (French counts 0 and 1 as singular)', () => {
    expect(plural('fr', MESSAGES.fr.ticketsSummary, 0)).toBe('0 demande');
    expect(plural('fr', MESSAGES.fr.ticketsSummary, 2)).toBe('2 demandes');
    expect(plural('en', MESSAGES.en.ticketsSummary, 0)).toBe('0 tickets');
    expect(plural('en', MESSAGES.en.ticketsSummary, 1)).toBe('1 ticket');
    expect(plural('fr', MESSAGES.fr.checklistProgress, 1, { total: 6 })).toBe('1 détail fourni sur 6');
    expect(plural('fr', MESSAGES.fr.checklistProgress, 5, { total: 6 })).toBe('5 détails fournis sur 6');
    // Numbers in the locale's format, the count and the others.
    expect(plural('fr', MESSAGES.fr.entriesIncluded, 1200, { total: 1500 })).toBe('1\u202f200 entrées sur 1\u202f500 seront envoyées');
    expect(plural('en', MESSAGES.en.entriesIncluded, 1200, { total: 1500 })).toBe('1,200 entries of 1,500 will be sent');
  });
});

describe('locale helpers', () => {
  it('picks French for any French browser language', () => {
    expect(pickLocale('fr-CA')).toBe('fr');
    expect(pickLocale('de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('formats dates with the browser’s region when it speaks the UI language', () => {
    expect(intlLocale('fr', 'fr-CA')).toBe('fr-CA');
    expect(intlLocale('fr', 'en-GB')).toBe('fr');
    expect(intlLocale('en', 'en-GB')).toBe('en-GB');
    const when = '2026-03-02T15:05:00Z';
    expect(formatDateTime('fr', when, 'America/Toronto')).toMatch(/2 mars 2026.*10\s?h\s?05|2 mars 2026.*10:05/);
    expect(formatDateTime('en', when, 'America/Toronto')).toMatch(/Mar.* 2, 2026.*10:05|2 Mar.* 2026.*10:05/);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
