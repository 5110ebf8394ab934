import { describe, expect, it } from 'vitest';
import type { DiagnosticEntry } from '../contract/schemas';
import { categoryHint } from './category-hint';
import { matchKnownProblem } from './match';
import { CatalogueSchema } from './schema';
import { SEED_CATALOGUE } from './seed';

const PAGE = 'https://app.osortoo.com/giveaways/8f3k2/results';
const GRAPH = 'https://app.osortoo.com/api/facebook/comments?post=123';

const net = (status: number, body: unknown, url = GRAPH): DiagnosticEntry => ({
  kind: 'network',
  api: 'fetch',
  method: 'GET',
  url,
  status,
  durationMs: 40,
  t: 10,
  count: 1,
  message: `GET ${status}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const meta = (code: number, subcode?: number, message = 'Error validating access token') =>
  net(400, { error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'AbCdEf' } });
const youtube = (status: number, reason: string) =>
  net(
    status,
    { error: { code: status, message: reason, errors: [{ reason, domain: 'youtube.commentThread' }] } },
    'https://www.googleapis.com/youtube/v3/commentThreads?videoId=x',
  );
const shown = (message: string, via: 'alert' | 'confirm' | 'page' = 'alert'): DiagnosticEntry => ({
  kind: 'shown',
  via,
  t: 5,
  count: 1,
  message,
});
const consoleError = (message: string): DiagnosticEntry => ({ kind: 'console', level: 'error', t: 5, count: 1, message });

const matchId = (...entries: DiagnosticEntry[]) => matchKnownProblem(SEED_CATALOGUE, entries, PAGE)?.problem.id;

/** Every seed entry: what fires it, and near misses that must not fire it. */
const CASES: Record<string, { fires: DiagnosticEntry[]; misses: DiagnosticEntry[] }> = {
  'meta-session-checkpoint': { fires: [meta(190, 459)], misses: [meta(191, 459)] },
  'meta-session-unconfirmed': { fires: [meta(190, 464)], misses: [] },
  'meta-session-password-changed': { fires: [meta(190, 460)], misses: [] },
  'meta-session-expired': {
    fires: [meta(190), meta(190, 463), meta(190, 458), meta(190, 467), meta(102)],
    // Without Meta's fbtrace_id, a code 190 is someone else's error.
    misses: [net(400, { error: { code: 190, message: 'x' } })],
  },
  'instagram-account-type': {
    fires: [
      net(400, { error: { message: 'The Instagram account is not a business or creator account', code: 100, fbtrace_id: 'x' } }),
      shown('Please connect an Instagram Business account linked to a Facebook Page'),
      shown('Votre compte Instagram doit être un compte professionnel'),
    ],
    misses: [shown('Instagram comments loaded')],
  },
  'meta-permissions': {
    fires: [meta(10, undefined, '(#10) Permission denied'), meta(200), meta(299), meta(230)],
    misses: [meta(300), meta(9)],
  },
  'meta-rate-limit': { fires: [meta(4), meta(17), meta(32), meta(613)], misses: [meta(5)] },
  'meta-post-unavailable': {
    fires: [meta(100, 33, "Unsupported get request. Object with ID '123_456' does not exist")],
    misses: [meta(100), meta(100, 34)],
  },
  'meta-temporarily-blocked': { fires: [meta(368)], misses: [meta(369)] },
  'meta-transient': { fires: [meta(1), meta(2)], misses: [meta(3)] },
  'youtube-comments-disabled': { fires: [youtube(403, 'commentsDisabled')], misses: [youtube(403, 'forbidden')] },
  'youtube-quota-exceeded': { fires: [youtube(403, 'quotaExceeded')], misses: [youtube(200, 'quotaExceeded')] },
  'youtube-video-not-found': { fires: [youtube(404, 'videoNotFound')], misses: [youtube(404, 'channelNotFound')] },
  'payment-failed': {
    fires: [
      net(402, { error: 'payment_required' }, 'https://app.osortoo.com/api/billing/charge'),
      net(400, { message: 'Your card was declined.' }, 'https://app.osortoo.com/api/billing/subscribe'),
      shown('Payment failed: your card was declined'),
      shown('Le paiement a échoué, veuillez réessayer'),
    ],
    misses: [
      net(400, { message: 'Your card was declined.' }, 'https://app.osortoo.com/api/giveaways'),
      shown('Payment received, thank you'),
    ],
  },
  'osortoo-session-expired': {
    fires: [
      net(401, { message: 'Unauthenticated.' }, 'https://app.osortoo.com/api/me'),
      shown('Your session has expired, please log in again'),
    ],
    // A 401 from someone else's API is not the customer's Osortoo session.
    misses: [net(401, { message: 'Unauthenticated.' }, 'https://api.example.net/me')],
  },
};

describe('the seed catalogue', () => {
  it('is valid, and every entry has its cases below', () => {
    expect(CatalogueSchema.safeParse(SEED_CATALOGUE).success).toBe(true);
    expect(Object.keys(CASES).sort()).toEqual(SEED_CATALOGUE.problems.map((p) => p.id).sort());
  });

  for (const problem of SEED_CATALOGUE.problems) {
    const { fires, misses } = CASES[problem.id] ?? { fires: [], misses: [] };
    it(`${problem.id}: fires on its signals and not on near misses`, () => {
      expect(fires.length).toBeGreaterThan(0);
      for (const entry of fires) expect(matchId(entry), JSON.stringify(entry)).toBe(problem.id);
      for (const entry of misses) expect(matchId(entry), JSON.stringify(entry)).not.toBe(problem.id);
      // French and English say the same number of steps; the help links are https.
      expect(problem.steps.fr.length).toBe(problem.steps.en.length);
    });
  }
});

describe('matchKnownProblem', () => {
  it('signs what matched: status, host and error fields, never the path', () => {
    expect(matchKnownProblem(SEED_CATALOGUE, [meta(190, 463)], PAGE)?.matched).toBe(
      'network 400 app.osortoo.com error.code=190 error_subcode=463 type=OAuthException',
    );
    expect(matchKnownProblem(SEED_CATALOGUE, [shown('Payment failed: card declined')], PAGE)?.matched).toBe(
      'shown alert "Payment failed: card declined"',
    );
  });

  it('reads a body cut at the excerpt limit', () => {
    const cut = JSON.stringify({
      error: {
        message: 'Invalid OAuth access token',
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        fbtrace_id: 'A',
        pad: 'x'.repeat(3000),
      },
    }).slice(0, 2048);
    expect(matchId(net(400, cut))).toBe('meta-session-password-changed');
  });

  it('looks at what the customer was shown first, and at successful calls never', () => {
    expect(matchId(meta(4), shown('Payment failed'))).toBe('meta-rate-limit'); // catalogue order decides between problems
    expect(matchId({ ...(meta(190) as object), status: 200 } as DiagnosticEntry)).toBeUndefined();
    expect(matchId(consoleError('card_declined'))).toBe('payment-failed');
    expect(matchId()).toBeUndefined();
  });

  it('refuses a catalogue with a broken pattern or a duplicate id', () => {
    const problem = SEED_CATALOGUE.problems[0]!;
    expect(CatalogueSchema.safeParse({ ...SEED_CATALOGUE, problems: [problem, problem] }).success).toBe(false);
    const broken = { ...problem, matchers: [{ on: 'shown', message: '(' }] };
    expect(CatalogueSchema.safeParse({ ...SEED_CATALOGUE, problems: [broken] }).success).toBe(false);
  });
});

describe('categoryHint', () => {
  it('billing for a failed billing call, API error for any other failed call, nothing otherwise', () => {
    expect(categoryHint([net(500, 'x', 'https://app.osortoo.com/api/billing/charge')])).toBe('billing');
    expect(categoryHint([net(500, 'x', 'https://app.osortoo.com/api/comments')])).toBe('api_error');
    expect(categoryHint([net(200, 'x'), consoleError('x')])).toBeUndefined();
  });
});

describe('the demo draw page (tests/fixtures/demo-server.ts)', () => {
  it('matches no known problem: its billing failure names no declined payment, only a provider outage', () => {
    const billing = net(
      500,
      { error: 'BILLING_PROVIDER_UNAVAILABLE', card: '[removed: card number]' },
      'http://127.0.0.1:8788/api/billing/verify',
    );
    const comments = net(403, {
      error: 'IG_PERMISSION_MISSING',
      message: 'The Instagram account did not grant instagram_manage_comments.',
    });
    expect(matchId(billing, comments)).toBeUndefined();
    expect(categoryHint([comments, billing])).toBe('billing');
  });
});
