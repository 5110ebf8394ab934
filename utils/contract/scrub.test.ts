import { describe, expect, it } from 'vitest';
import { scrubEntry, scrubText, scrubUrl } from './scrub';
import { ORDINARY, SECRET_CASES } from '../../tests/fixtures/secrets-corpus';
import type { DiagnosticEntry } from './schemas';

describe('scrubText on the corpus', () => {
  it('has a corpus of the promised size', () => {
    expect(SECRET_CASES.flatMap((c) => c.secrets).length).toBeGreaterThanOrEqual(60);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(40);
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

describe('scrubText speed', () => {
  const MB = 1024 * 1024;
  const hostile: Record<string, string> = {
    letters: 'a'.repeat(MB),
    digits: '4'.repeat(MB),
    spacedDigits: '4 '.repeat(MB / 2),
    dashedDigits: '5-'.repeat(MB / 2),
    pairs: 'token=a&'.repeat(MB / 8),
    noValuePairs: 'access_token&'.repeat(MB / 13),
    unclosedJson: `"password":"${'x'.repeat(MB)}`,
    repeatedJson: '"token":"\\'.repeat(MB / 10),
    escapedJson: '\\"token\\":\\"'.repeat(MB / 12),
    jwtPrefixes: 'eyJabcdef.'.repeat(MB / 10),
    fbPrefixes: 'EAA'.repeat(MB / 3),
    cookies: 'cookie: a'.repeat(MB / 9),
    authorization: 'Authorization:'.repeat(MB / 14),
    encoded: '%26token%3D'.repeat(MB / 11),
    userinfo: '//a:b'.repeat(MB / 5),
    nameChars: `${'x-'.repeat(MB / 2)}token`,
    mixed: 'https://graph.facebook.com/x?access_token=EAAB123 {"secret":"s"} 4111 1111 1111 1111 '.repeat(MB / 84),
  };

  it.each(Object.keys(hostile).map((k) => [k]))('scrubs 1 MB of pathological input fast: %s', (name) => {
    const input = hostile[name]!;
    const t0 = performance.now();
    const out = scrubText(input);
    const ms = performance.now() - t0;
    expect(typeof out).toBe('string');
    // Linear patterns take a few ms per MB; a backtracking one would take minutes.
    expect(ms).toBeLessThan(1000);
  });
});
