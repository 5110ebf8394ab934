import { describe, expect, it } from 'vitest';
import { scrubEntry, scrubText, scrubUrl } from './scrub';
import { ORDINARY, SECRET_CASES } from '../../tests/fixtures/secrets-corpus';
import type { DiagnosticEntry } from './schemas';

describe('scrubText on the corpus', () => {
  it('has a corpus of the promised size', () => {
    expect(SECRET_CASES.length).toBeGreaterThanOrEqual(150);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(150);
  });

  it.each(SECRET_CASES.map((c) => [c.label, c] as const))('removes every seeded secret: %s', (_label, c) => {
    const out = scrubText(c.text);
    for (const secret of c.secrets) expect(out).not.toContain(secret);
    expect(out).toContain(`[removed: ${c.marker}]`);
    // Idempotent: scrubbing an already scrubbed text changes nothing.
    expect(scrubText(out)).toBe(out);
  });

  it('removes 100 % of the seeded secrets overall', () => {
    const leaked = SECRET_CASES.flatMap((c) => c.secrets.filter((s) => scrubText(c.text).includes(s)).map(() => c.label));
    expect(leaked).toEqual([]);
  });

  it.each(ORDINARY.map((s) => [s]))('leaves ordinary text untouched: %s', (text) => {
    expect(scrubText(text)).toBe(text);
  });
});

describe('scrubText details', () => {
  it('keeps the structure around what it removes', () => {
    expect(scrubText('https://graph.facebook.com/v19.0/me?fields=id&access_token=EAAB1234567890abcdefghijkl&limit=5')).toBe(
      'https://graph.facebook.com/v19.0/me?fields=id&access_token=[removed: access_token]&limit=5',
    );
    expect(scrubText('{"token":"abc","ok":true}')).toBe('{"token":"[removed: token]","ok":true}');
    expect(scrubText('Authorization: Bearer abcdefghijkl\r\nAccept: */*')).toBe('Authorization: [removed: authorization]\r\nAccept: */*');
    expect(scrubText('pay 4111 1111 1111 1111 now')).toBe('pay [removed: card number] now');
    expect(scrubText('x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig_12 y')).toBe('x [removed: JWT] y');
    expect(scrubText('Cookie: a=1; b=2\nHost: x')).toBe('Cookie: [removed: cookie]\nHost: x');
  });

  it('finds a card that ends a run of digits as long as a run goes (60)', () => {
    const before = '1234 '.repeat(11);
    expect(scrubText(`${before}4111 1111 1111 1111`)).toBe(`${before}[removed: card number]`);
    expect(scrubText(`${before}4111 1111 1111 1112`)).toBe(`${before}4111 1111 1111 1112`);
  });

  it('keeps e-mail addresses and OAuth state', () => {
    expect(scrubText('marie@example.com?state=abc123')).toBe('marie@example.com?state=abc123');
  });

  it('needs a long value for short, common names', () => {
    expect(scrubText('?code=200&key=abc')).toBe('?code=200&key=abc');
    expect(scrubText('?code=AQDx9k2mLpq')).toBe('?code=[removed: code]');
  });

  it('does not take a word ending with a secret name for it', () => {
    expect(scrubText('monkey=banana12345&hashcode=abcdefgh12')).toBe('monkey=banana12345&hashcode=abcdefgh12');
  });

  it('removes what the issue found leaking, keeping the structure around it', () => {
    expect(scrubText('_ga=GA1.2.11; PHPSESSID=9f2c1ab3de45f6a7b8c9d0e1f2; theme=dark')).toBe('[removed: cookie]');
    expect(scrubText('email=m%40x.fr&password=abc&remember=1')).toBe('email=m%40x.fr&password=[removed: password]&remember=1');
    expect(scrubText('pwd=ab&pass=cd&mot_de_passe=ef')).toBe(
      'pwd=[removed: pwd]&pass=[removed: pass]&mot_de_passe=[removed: mot_de_passe]',
    );
    expect(scrubText('{"passphrase":"correct horse battery staple","credentials":"m:x"}')).toBe(
      '{"passphrase":"[removed: passphrase]","credentials":"[removed: credentials]"}',
    );
    expect(scrubText('Token: 8f2a9c1d7e6b\nAccept: */*')).toBe('Token: [removed: token]\nAccept: */*');
    expect(scrubText('Carte 4111\u00a01111\u00a01111\u00a01111 et 5555\u202f5555\u202f5555\u202f4444.')).toBe(
      'Carte [removed: card number] et [removed: card number].',
    );
    expect(scrubText('?next=%2Fcb%253Faccess_token%253DAbC123xYz%2526x%253D1')).toBe(
      '?next=%2Fcb%253Faccess_token%253D[removed: access_token]%2526x%253D1',
    );
    expect(scrubText(`key ${'sk_live_'}${'a1B2'.repeat(6)} and whsec_${'Zz9'.repeat(8)}`)).toBe(
      'key [removed: Stripe key] and [removed: Stripe webhook secret]',
    );
    expect(scrubText('refresh 1//0gAbCdEfGhIjKlMnOpQrStUvWx-yz')).toBe('refresh [removed: Google token]');
  });

  it('keeps what pages say about credentials, and error codes', () => {
    for (const text of [
      'password: required',
      'mot de passe : requis',
      'authorization: none',
      'Le secret : bien choisir',
      '?code=IG_PERMISSION_MISSING',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
    // An OAuth code is long and random; an error code is words in capitals.
    expect(scrubText('?code=AQBx9k2mLpq7Zt0Yw3Vb&state=1')).toBe('?code=[removed: code]&state=1');
  });

  it('leaves non-strings alone', () => {
    expect(scrubText('')).toBe('');
    expect(scrubText(undefined as unknown as string)).toBeUndefined();
  });
});

describe('scrubUrl', () => {
  it('removes secret parameters, fragments and user-info passwords', () => {
    expect(scrubUrl('https://app.osortoo.com/cb#access_token=abc123def456&expires_in=3600')).toBe(
      'https://app.osortoo.com/cb#access_token=[removed: access_token]&expires_in=3600',
    );
    expect(scrubUrl('https://u:p4ss@app.osortoo.com/x?sig=zz')).toBe('https://u:[removed: password]@app.osortoo.com/x?sig=[removed: sig]');
    expect(scrubUrl('https://app.osortoo.com/giveaways/8f3k2/results?tab=winners')).toBe(
      'https://app.osortoo.com/giveaways/8f3k2/results?tab=winners',
    );
  });
});

describe('scrubEntry', () => {
  it('scrubs every free-text field and nothing else', () => {
    const t = `EAA${'x'.repeat(40)}`;
    const entry: DiagnosticEntry = {
      kind: 'network',
      api: 'fetch',
      method: 'GET',
      status: 400,
      durationMs: 12,
      t: 5,
      count: 2,
      url: `https://graph.facebook.com/me?access_token=${t}`,
      message: `GET 400 ${t}`,
      body: `{"error":{"message":"Invalid token ${t}","code":190}}`,
      frame: `https://app.osortoo.com/embed?token=${t}`,
    };
    const out = scrubEntry(entry);
    expect(JSON.stringify(out)).not.toContain(t);
    expect(out).toMatchObject({ kind: 'network', api: 'fetch', method: 'GET', status: 400, durationMs: 12, t: 5, count: 2 });
    expect(out.body).toBe('{"error":{"message":"Invalid token [removed: Facebook token]","code":190}}');
    expect(entry.url).toContain(t); // the input is not mutated
    const csp = scrubEntry({
      kind: 'csp',
      t: 1,
      count: 1,
      directive: 'img-src',
      blockedUrl: `https://x.example/p.gif?sessionid=${'a'.repeat(20)}`,
      message: 'blocked',
    } as DiagnosticEntry);
    expect(csp).toMatchObject({ blockedUrl: 'https://x.example/p.gif?sessionid=[removed: sessionid]' });
    const unc = scrubEntry({
      kind: 'uncaught',
      t: 1,
      count: 1,
      message: 'x',
      source: `https://a.example/s.js?key=${'k'.repeat(30)}`,
      stack: `at f (https://a.example/s.js?token=${'z'.repeat(20)}:1:2)`,
    } as DiagnosticEntry);
    expect(JSON.stringify(unc)).not.toMatch(/k{30}|z{20}/);
  });
});
