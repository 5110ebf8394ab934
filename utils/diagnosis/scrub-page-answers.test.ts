import { describe, expect, it } from 'vitest';
import { validatePageAnswers } from './page-answers';
import { contextTextLimits, entryTextLimits } from './scrub-page-answers';
import { LIMITS } from '../contract/limits';
import { rawTextBound } from '../extension/messaging';
import { readErrorFields } from '../known-problems/error-body';
import { serializeArgs } from '../page/hook/serialize';
import { normalizeEntry } from '../page/normalize-entry';

/** Secrets a page may hold; the content script sends them raw now, and none may leave the worker. */
const SECRET = {
  facebook: 'EAAGm0PX4ZCpsBAKZCZBq7workerSECRET1234567890',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.d29ya2VyLXNpZ25hdHVyZQ',
  bearer: 'workerBearerSecret0123456789',
  card: '4242 4242 4242 4242',
  aws: 'AKIAIOSFODNN7WORKER1',
  stripe: 'sk_live_51HqWorkerSecretKey0123',
  cookie: 'workerCookieSecret42',
  password: 'workerPass42',
  query: 'workerQuerySecret77',
  fragment: 'workerFragmentSecret88',
};

const page = { viewport: { width: 1280, height: 800 }, screen: { width: 1920, height: 1080 }, devicePixelRatio: 1, online: true };
const base = 'https://app.osortoo.com';

/** A snapshot as the content script sends it now: raw, with a secret in every text field. */
const rawSnapshot = () => ({
  context: {
    onOsortooPage: true,
    url: `${base}/giveaways/8f3k2/results?tab=winners&access_token=${SECRET.query}#id_token=${SECRET.fragment}`,
    drawId: SECRET.facebook.slice(0, 40),
    platform: 'facebook',
    pageOrUsername: `Boutique Marie ${SECRET.stripe}`,
    accountEmail: `marie@example.com password=${SECRET.password}`,
  },
  diagnostics: {
    dropped: 0,
    entries: [
      {
        kind: 'shown',
        via: 'page',
        t: 1,
        count: 1,
        message: `Session expirée : access_token=${SECRET.facebook}`,
        frame: `${base}/w?token=${SECRET.query}`,
      },
      {
        kind: 'console',
        level: 'error',
        t: 2,
        count: 1,
        message: `Login failed {password: "${SECRET.password}", cookie: "PHPSESSID=${SECRET.cookie}; theme=dark"}`,
        stack: `Error: Bearer ${SECRET.bearer}\n    at ${base}/app.js?api_key=${SECRET.query}:1:2`,
      },
      {
        kind: 'uncaught',
        t: 3,
        count: 1,
        message: `Error: session ${SECRET.jwt}`,
        source: `${base}/app.js?client_secret=${SECRET.query}`,
        line: 1,
        column: 2,
        stack: `Error: card ${SECRET.card}`,
      },
      { kind: 'rejection', t: 4, count: 1, message: `AWS ${SECRET.aws}`, stack: `at ${SECRET.stripe}` },
      {
        kind: 'network',
        api: 'fetch',
        method: 'GET',
        t: 5,
        count: 1,
        status: 400,
        durationMs: 12,
        message: 'GET 400',
        url: `https://graph.facebook.com/v19.0/me/accounts?access_token=${SECRET.facebook}&fields=id`,
        body: `{"error":{"message":"Invalid OAuth access token ${SECRET.facebook}","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf123"}}`,
      },
      { kind: 'resource', t: 6, count: 1, message: 'Failed to load img', tag: SECRET.aws, url: `${base}/a.png?sig=${SECRET.query}` },
      {
        kind: 'csp',
        t: 7,
        count: 1,
        message: `CSP blocked ${base}/p.gif?sid=${SECRET.query} (img-src)`,
        directive: `img-src ${SECRET.stripe}`,
        blockedUrl: `${base}/p.gif?sid=${SECRET.query}`,
      },
    ],
  },
  page,
});

describe("scrubbing at the worker's boundary: raw page answers in, nothing secret out", () => {
  it('scrubs every text field of every entry and of the context, and keeps what support needs', () => {
    const answers = validatePageAnswers(rawSnapshot());
    expect(answers.onOsortooPage).toBe(true);
    // Nothing refused: every entry came through, scrubbed.
    expect(answers.diagnostics.entries).toHaveLength(rawSnapshot().diagnostics.entries.length);
    const out = JSON.stringify(answers);
    for (const [name, secret] of Object.entries(SECRET)) expect(out, name).not.toContain(secret);
    expect(out).not.toContain('4242');
    // The canonical draw link: secret parameters dropped whole, no fragment.
    expect(answers.context.url).toBe(`${base}/giveaways/8f3k2/results?tab=winners`);
    expect(answers.context.pageOrUsername).toBe('Boutique Marie [removed: Stripe key]');
    // What known-problem matching reads in a failed call's body survives: Meta's codes and trace id.
    const network = answers.diagnostics.entries.find((e) => e.kind === 'network')!;
    expect(network.kind === 'network' && readErrorFields(network.body!)).toMatchObject({ code: 190, subcode: 463, type: 'OAuthException' });
    expect(network.kind === 'network' && network.body).toContain('"fbtrace_id":"AbCdEf123"');
  });

  it('cuts each text to its contract limit after scrubbing, and refuses a text over its raw bound', () => {
    // Over the contract's limit, within the raw bound: the secret lies before the limit.
    const message = `${'x'.repeat(LIMITS.messageChars - 100)} access_token=${SECRET.facebook} ${'y'.repeat(1000)}`;
    const long = { kind: 'console', level: 'error', t: 1, count: 1, message };
    const [entry] = validatePageAnswers({ ...rawSnapshot(), diagnostics: { entries: [long], dropped: 0 } }).diagnostics.entries;
    expect(entry!.message).toHaveLength(LIMITS.messageChars);
    expect(entry!.message).toContain(' access_token=[removed: access_token] yyy');
    expect(entry!.message).not.toContain(SECRET.facebook.slice(0, 8));
    const forged = { ...long, message: 'y'.repeat(rawTextBound(LIMITS.messageChars) + 1) };
    expect(validatePageAnswers({ ...rawSnapshot(), diagnostics: { entries: [forged, long], dropped: 0 } }).diagnostics).toMatchObject({
      dropped: 1,
      entries: [{ message: entry!.message }],
    });
    const context = { ...rawSnapshot().context, pageOrUsername: 'z'.repeat(rawTextBound(LIMITS.shortTextChars) + 1) };
    expect(validatePageAnswers({ ...rawSnapshot(), context }).onOsortooPage).toBe(false);
  });

  it("removes whole a secret a page logs across the contract's limit, from the hook to the worker", () => {
    // The scrubber knows these by their whole shape; a start of one (a card's first digits, an AWS
    // key's first half, a JWT without its signature) is not a secret it can recognise, so the
    // hook and the content script must let the whole of it through for the worker to scrub.
    for (const secret of [SECRET.card, SECRET.aws, SECRET.jwt]) {
      for (const before of [LIMITS.messageChars - 8, LIMITS.messageChars - 3]) {
        const logged = serializeArgs([`${'x'.repeat(before)} ${secret} and more`]);
        const raw = normalizeEntry({ kind: 'console', level: 'error', t: 1, count: 1, ...logged }, base);
        const [entry] = validatePageAnswers({ ...rawSnapshot(), diagnostics: { entries: [raw], dropped: 0 } }).diagnostics.entries;
        expect(entry!.message.length).toBeLessThanOrEqual(LIMITS.messageChars);
        expect(entry!.message, `${secret} after ${before}`).not.toContain(secret.slice(0, 5));
      }
    }
  });

  it("reads every text field from the contract's schemas", () => {
    expect([...entryTextLimits().keys()].sort()).toEqual(
      ['blockedUrl', 'body', 'directive', 'frame', 'message', 'method', 'source', 'stack', 'tag', 'url'].sort(),
    );
    expect([...contextTextLimits().keys()].sort()).toEqual(['accountEmail', 'drawId', 'pageOrUsername', 'url']);
  });
});
