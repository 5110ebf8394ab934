import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { NAME_WORDS, nameKind, nameWords, nameWordsAsWritten } from './secret-names';

describe('nameWords', () => {
  it('splits every way names are written', () => {
    expect(nameWords('access_token')).toEqual(['access', 'token']);
    expect(nameWords('X-Access-Token')).toEqual(['x', 'access', 'token']);
    expect(nameWords('nextPageToken')).toEqual(['next', 'page', 'token']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
    expect(nameWords('oauth2Token')).toEqual(['oauth2', 'token']);
    expect(nameWords('next-auth.session-token')).toEqual(['next', 'auth', 'session', 'token']);
    expect(nameWords("Clé d'API")).toEqual(['clé', 'd', 'api']);
    expect(nameWords('__Secure-1PSIDTS')).toEqual(['secure', '1', 'psidts']);
  });

  it('reads in one pass what its patterns say, on 100,000 generated names', () => {
    // Runs of either case, digits, every separator, the accents keywords carry, and letters
    // that lower into something else (İ into two characters, the Kelvin sign into k).
    const units = [
      'a',
      'b',
      'Z',
      'Q',
      'token',
      'Token',
      'TOKEN',
      'API',
      'Key',
      'x',
      '1',
      '42',
      '_',
      '-',
      '.',
      '$',
      ' ',
      "'",
      'é',
      'É',
      'è',
      'È',
      'à',
      'ö',
      'Ö',
      'İ',
      '\u212a',
      'ß',
    ];
    const random = seededRandom(41);
    const differ: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      let name = '';
      const length = 1 + Math.floor(random() * 8);
      for (let k = 0; k < length; k++) name += units[Math.floor(random() * units.length)]!;
      if (JSON.stringify(nameWords(name)) !== JSON.stringify(nameWordsAsWritten(name)) && differ.length < 5) differ.push(name);
    }
    expect(differ).toEqual([]);
  });
});

describe('nameKind', () => {
  it('decides on the words', () => {
    expect(nameKind('access_token')).toBe('strong');
    expect(nameKind('token_type')).toBeUndefined();
    expect(nameKind('nextPageToken')).toBeUndefined();
    expect(nameKind('api_key')).toBe('key');
    expect(nameKind('code')).toBe('weak');
    expect(nameKind('error_code')).toBeUndefined();
  });

  it('makes a strong name that ends in key, keys or sid, in any case, a key', () => {
    for (const name of ['API_KEYS', 'Secret_kEyS', 'PHPSESSID', 'connect.sid', 'client_secret_keys']) expect(nameKind(name)).toBe('key');
    for (const name of ['secret_sids', 'secret_keyss', 'secretkeyz', 'password']) expect(nameKind(name)).toBe('strong');
  });
});

describe("nameKind of a cookie's own name", () => {
  it('decides it as any name: a secret in it stays one', () => {
    expect(nameKind('client_secret_cookie')).toBe('strong');
    expect(nameKind('password_cookies')).toBe('strong');
    expect(nameKind('remember_me_cookie')).toBe('weak');
    expect(nameKind('consent_cookie')).toBeUndefined();
    expect(nameKind('session_cookie')).toBeUndefined();
    // The cookies themselves: a header, `document.cookie`, `Set-Cookie`.
    for (const name of ['Cookie', 'cookies', 'document.cookie', 'Set-Cookie']) expect(nameKind(name)).toBe('cookie');
  });
});

describe('nameKind of a name with a number glued to its last word', () => {
  it('takes the number off only to find a credential, never to lose one', () => {
    expect(nameKind('token2')).toBe('strong');
    expect(nameKind('sig1')).toBe('strong');
    expect(nameKind('refresh_token12')).toBe('strong');
    // A secret as written stays one: read without its number, `cookie` alone would say ordinary.
    expect(nameKind('client secretCookie8')).toBe('strong');
    // Ordinary with or without the number.
    expect(nameKind('oauth2')).toBeUndefined();
    expect(nameKind('token_type2')).toBeUndefined();
  });
});

describe('a name whose last word is a credential', () => {
  const strongLast = NAME_WORDS.strongLast.split(' ');

  it('is decided by that word alone, which no later check could contradict', () => {
    // decideWords answers for these words before joining the name: true only while none of them
    // ends `authorization`, is a cookie, a meta word, `pass` or `pin`, which are decided otherwise.
    const meta = new Set(NAME_WORDS.meta.split(' '));
    const decidedOtherwise = strongLast.filter(
      (w) => 'authorization'.endsWith(w) || meta.has(w) || ['cookie', 'cookies', 'pass', 'pin'].includes(w),
    );
    expect(decidedOtherwise).toEqual([]);
  });

  it('is a credential, except about its expiry or a page of a list', () => {
    for (const word of strongLast) {
      expect(nameKind(`x_${word}`)).toMatch(/^(?:strong|key)$/);
      expect(nameKind(`${word}_expires_${word}`)).toBeUndefined();
    }
    expect(nameKind('next_page_token')).toBeUndefined();
    // The paging word must stand right before `token`: a Page's access token is a credential.
    expect(nameKind('page_access_token')).toBe('strong');
    expect(nameKind('pageAccessToken')).toBe('strong');
    for (const name of ['pageToken', 'sync_token', 'continuationToken', 'next_cursor_token']) expect(nameKind(name)).toBeUndefined();
    expect(nameKind('page_sig')).toBe('strong');
  });
});
