import { describe, expect, it } from 'vitest';
import { format, formatBytes, formatDateTime, intlLocale, pickLocale, plural } from './format';
import { FORM_MESSAGES } from './form';
import { MY_TICKETS_MESSAGES } from './my-tickets';

describe('form catalogue', () => {
  it('uses the help article’s wording for the Instagram nudge', () => {
    expect(FORM_MESSAGES.fr.detailHints.pageOrUsername.instagram).toBe('Ajoutez le nom d’utilisateur Instagram du concours.');
  });
});

describe('plural', () => {
  it('follows each language’s rules (French counts 0 and 1 as singular)', () => {
    expect(plural('fr', MY_TICKETS_MESSAGES.fr.ticketsSummary, 0)).toBe('0 demande');
    expect(plural('fr', MY_TICKETS_MESSAGES.fr.ticketsSummary, 2)).toBe('2 demandes');
    expect(plural('en', MY_TICKETS_MESSAGES.en.ticketsSummary, 0)).toBe('0 tickets');
    expect(plural('en', MY_TICKETS_MESSAGES.en.ticketsSummary, 1)).toBe('1 ticket');
    expect(plural('fr', FORM_MESSAGES.fr.checklistProgress, 1, { total: 6 })).toBe('1 détail fourni sur 6');
    expect(plural('fr', FORM_MESSAGES.fr.checklistProgress, 5, { total: 6 })).toBe('5 détails fournis sur 6');
    // Numbers in the locale's format, the count and the others.
    expect(plural('fr', FORM_MESSAGES.fr.entriesIncluded, 1200, { total: 1500 })).toBe('1\u202f200 entrées sur 1\u202f500 seront envoyées');
    expect(plural('en', FORM_MESSAGES.en.entriesIncluded, 1200, { total: 1500 })).toBe('1,200 entries of 1,500 will be sent');
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

describe('formatBytes', () => {
  it('writes sizes in the locale’s units and numbers, one formatter for the whole UI', () => {
    expect(formatBytes(512, 'en')).toBe('512\u00a0B');
    expect(formatBytes(250 * 1024, 'fr')).toBe('250\u00a0Ko');
    expect(formatBytes(1.25 * 1024 * 1024, 'fr')).toBe('1,3\u00a0Mo');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3\u00a0MB');
  });
});
