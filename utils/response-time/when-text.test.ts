import { describe, expect, it } from 'vitest';
import { hasPlaceName, timeZoneLabel } from './when-text';

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/’/g, "'");

describe('timeZoneLabel', () => {
  const at = new Date('2026-06-09T12:00:00Z');
  it('names cities, in French where the name differs, with elision', () => {
    expect(timeZoneLabel('Europe/London', 'fr', at)).toBe('heure de Londres');
    expect(timeZoneLabel('Europe/London', 'en', at)).toBe('London time');
    expect(plain(timeZoneLabel('Africa/Abidjan', 'fr', at))).toBe("heure d'Abidjan");
    expect(timeZoneLabel('America/New_York', 'en', at)).toBe('New York time');
    expect(timeZoneLabel('America/Argentina/Buenos_Aires', 'fr', at)).toBe('heure de Buenos Aires');
  });

  it('falls back to the offset name for zones without a city', () => {
    expect(timeZoneLabel('UTC', 'en', at)).toBe('UTC');
    expect(timeZoneLabel('Etc/GMT+5', 'en', at)).toMatch(/^(GMT|UTC)[-−]5$/);
  });
});

describe('hasPlaceName', () => {
  it('tells zones a customer can be told about by name from bare offsets', () => {
    for (const zone of ['Europe/Paris', 'America/Montreal', 'America/Argentina/Buenos_Aires']) expect(hasPlaceName(zone)).toBe(true);
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT+5', 'GMT']) expect(hasPlaceName(zone)).toBe(false);
  });
});
