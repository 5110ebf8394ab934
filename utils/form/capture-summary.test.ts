import { describe, expect, it } from 'vitest';
import type { DiagnosticEntry } from '../contract/schemas';
import { summarizeCapture } from './capture-summary';

const net = (status: number, body?: string): DiagnosticEntry => ({
  kind: 'network',
  api: 'fetch',
  method: 'GET',
  url: 'https://osortoo.com/api/comments',
  status,
  durationMs: 10,
  message: `GET ${status}`,
  t: 1,
  count: 1,
  body,
});
const img: DiagnosticEntry = { kind: 'resource', tag: 'img', url: 'https://osortoo.com/a.png', message: 'failed', t: 2, count: 3 };
const warn: DiagnosticEntry = { kind: 'console', level: 'warn', message: 'slow', t: 3, count: 1 };
const error: DiagnosticEntry = { kind: 'console', level: 'error', message: 'boom', t: 4, count: 25 };

describe('summarizeCapture', () => {
  it('says in plain words who refused access and what did not load, counting entries (fr)', () => {
    const text = summarizeCapture([net(403, '{"error":"IG_PERMISSION_MISSING"}'), img, { ...img, url: 'https://osortoo.com/b.png' }], 'fr');
    expect(text).toBe('Instagram a refusé l’accès ; 2 images de la page n’ont pas chargé.');
  });

  it('names the draw’s platform when the refusal does not, and counts repeated errors once (en)', () => {
    const text = summarizeCapture([net(401), net(0), net(500), error, warn], 'en', 'facebook');
    expect(text).toBe(
      'Facebook refused access; Osortoo could not reach its server 2 times; the page reported 1 problem.'.replace(/^f/, 'F'),
    );
    for (const word of ['console', 'fetch', '403', 'API']) expect(text).not.toContain(word);
  });

  it('says so when nothing was recorded, or only warnings', () => {
    expect(summarizeCapture([], 'en')).toBe('Nothing went wrong on this page that the extension could see.');
    expect(summarizeCapture([warn], 'fr')).toBe('Rien ne s’est mal passé sur cette page, pour autant que l’extension puisse le voir.');
  });
});
