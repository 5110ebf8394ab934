/**
 * Credentials recognised by their own shape, wherever they are and whatever name (if any) is
 * before them: a prefix that only that kind of credential has (`EAA…`, `sk_live_…`, `1//0…`,
 * `AKIA…`), then its alphabet. Each pattern starts with its literal prefix and reads one run of
 * its alphabet, so a pass is one linear search.
 */
import { removed } from './markers';

/**
 * [marker, literal the text must contain, pattern]. A shape's pattern runs only on a text that
 * contains its literal (a search that costs next to nothing), so a text pays for the shapes it
 * holds, not for all of them; and each pattern starts with its literal prefix, so each pass is a
 * fast linear search. A match right after a letter or a digit is part of a longer word and kept.
 */
const SHAPES: [string, string, RegExp][] = [
  ['JWT', 'eyJ', /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g],
  ['Facebook token', 'EAA', /EAA[A-Za-z0-9]{20,}/g],
  ['Instagram token', 'IG', /IG[A-Z]{2}[\w-]{40,}/g],
  ['Google API key', 'AIza', /AIza[\w-]{35}/g],
  // Access tokens, refresh tokens (`1//0…`, also percent-encoded) and authorization codes (`4/0A…`).
  ['Google token', 'ya29.', /ya29\.[\w-]{20,}/g],
  ['Google token', '1/', /1\/\/[\w-]{20,}/g],
  ['Google token', '1%', /1%2F%2F[\w-]{20,}/gi],
  ['Google code', '4/', /4\/0A[\w-]{20,}/g],
  ['Google code', '4%', /4%2F0A[\w-]{20,}/gi],
  ['Google client secret', 'GOCSPX-', /GOCSPX-[\w-]{20,}/g],
  ['Stripe key', 'k_', /[sr]k_(?:live|test)_[A-Za-z0-9]{10,}/g],
  ['Stripe webhook secret', 'whsec_', /whsec_[A-Za-z0-9+/=]{16,}/g],
  ['Stripe client secret', '_secret_', /(?:pi|seti)_[A-Za-z0-9]{8,}_secret_[A-Za-z0-9]{8,}/g],
  ['AWS access key id', 'A', /A(?:KIA|SIA|GPA|IDA|ROA|IPA|NPA|NVA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g],
  ['GitHub token', 'gh', /gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{30,}/g],
  ['GitLab token', 'glpat-', /glpat-[\w-]{20,}/g],
  ['Slack token', 'xox', /xox[abposr]-[\w-]{10,}/g],
  ['npm token', 'npm_', /npm_[A-Za-z0-9]{36}/g],
  ['SendGrid key', 'SG.', /SG\.[\w-]{16,}\.[\w-]{16,}/g],
  ['Shopify token', 'shp', /shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g],
];

interface Patterns {
  facebookAppSecret: RegExp;
  awsSecret: RegExp;
  privateKey: RegExp;
  bearer: RegExp;
  userInfo: RegExp;
}

/** Built on first use (see utils/contract/scrub.ts). */
let PATTERNS: Patterns | undefined;
const patterns = (): Patterns =>
  (PATTERNS ||= {
    // A Graph API app token is `app-id|app-secret`: the id is public, the part after `|` is not.
    facebookAppSecret: /(?<=\d{8})\|[\w-]{20,}/g,
    // An AWS secret access key: exactly 40 characters of base64 standing alone.
    awsSecret: /(^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    privateKey: /-----BEGIN ([A-Z ]{0,30})PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
    bearer: /\b(bearer\s+)(?!\[removed)([\w.~+/=-]{8,})/gi,
    userInfo: /(\/\/[^/\s:@]+:)(?!\[removed)[^/\s@]+@/g,
  });

/** Removes the credentials that have a shape of their own (see SHAPES). */
export function scrubShapes(text: string): string {
  for (const [marker, literal, pattern] of SHAPES) {
    if (!text.includes(literal)) continue;
    text = text.replace(pattern, (match: string, offset: number) =>
      /[A-Za-z0-9]|\//.test(text[offset - 1] ?? ' ') ? match : removed(marker),
    );
  }
  if (text.includes('|')) text = text.replace(patterns().facebookAppSecret, removed('Facebook app secret'));
  return text;
}

/** Mixed case and digits: a random 40-character run, not a path, a word or a hexadecimal hash. */
const awsLike = (run: string): boolean =>
  /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run) && !run.startsWith('pfbid') && (run.match(/\//g)?.length ?? 0) < 4;

/** Removes private key blocks, bearer tokens and URL passwords. */
export function scrubLooseTokens(text: string): string {
  const p = patterns();
  if (text.includes('PRIVATE KEY-----')) text = text.replace(p.privateKey, removed('private key'));
  if (/bearer/i.test(text)) {
    // `Bearer authentication is required`: a word after `Bearer` is prose, not a token.
    text = text.replace(p.bearer, (m, b: string, token: string) =>
      /^[a-z]+$/i.test(token) && token.length < 20 ? m : b + removed('bearer token'),
    );
  }
  if (text.includes('@')) text = text.replace(p.userInfo, (_, u: string) => `${u}${removed('password')}@`);
  return text;
}

/**
 * Bare AWS secret access keys: after the shapes, so that a 40-character token with a prefix of
 * its own (`EAA…`) keeps its own name.
 */
export function scrubAwsSecrets(text: string): string {
  return text.replace(patterns().awsSecret, (m, before: string, run: string) => (awsLike(run) ? before + removed('AWS secret key') : m));
}
