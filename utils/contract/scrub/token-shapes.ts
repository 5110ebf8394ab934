/**
 * Credentials recognised by their own shape, wherever they are and whatever name (if any) is
 * before them: a prefix that only that kind of credential has (`EAA…`, `sk_live_…`, `1//0…`,
 * `AKIA…`), then its alphabet. Each pattern starts with its literal prefix and reads one run of
 * its alphabet, so a pass is one linear search.
 */
import { codeAt } from './code-at';
import { removed } from './markers';
import { onFirstUse } from './on-first-use';
import { escapeEndsAt } from './percent-escapes';
import { Splicer } from './splicer';

/**
 * [marker, literal the text must contain, pattern, a character the pattern needs, a character
 * every token of the shape holds]. A shape's
 * pattern runs only on a text that contains its literal (a search that costs next to nothing),
 * so a text pays for the shapes it holds, not for all of them; and each pattern starts with its
 * literal prefix, so each pass is a fast linear search. A match right after a letter or a digit
 * is part of a longer word and kept, unless they end a percent escape: `data%3DEAAB…` in an
 * encoded redirect URL is a Facebook token after an encoded `=`.
 *
 * The search for a literal reads every occurrence of its first character: `e` of `eyJ` or `w`
 * of `whsec_` are everywhere in a text dense with markers (`[removed: password]`), and a text of
 * digits and narrow spaces is read whole once per literal. A rarer character that the pattern
 * needs (`J`, `_`, `-`, `.`, `/`, `%`) is looked for first, once per text (a search that stops at
 * the first one). One missing when first looked for stays missing for the shapes after: no
 * marker holds one, but `[removed: JWT]`, from the only shape that needs a `J`. Where the prefix
 * starts with a common letter, the literal is a later part of it that starts with a rare one
 * (`q0` of Square's `sq0atp-`, `xFfGF0` of Atlassian's `ATATT3xFfGF0`): `p` of `pypi-`, `A` of
 * `ATATT` and `P` of `PMAK-` cost a header dump 0.8 ms a megabyte more (the pattern, run only
 * when the literal is there, still starts at the prefix).
 *
 * A pattern whose prefix can recur inside the run after it (`eyJeyJeyJ…`, which holds no dot)
 * read the rest of the run from each one, and failed each time: 64 KB took 6 seconds. Its last
 * alternative takes such a run whole, so the search goes on after it; no token starts inside it,
 * as any start there reads the same run to the same end. A match without the shape's last
 * character (a JWT's `.`) is that run, and is kept.
 *
 * "At least n" is written `[…]{n}[…]*`, never `[…]{n,}`: the same matches, but V8 runs a
 * pattern's first executions in its bytecode interpreter (and again after it drops the compiled
 * code of one unused for a while), where `{n,}` counts every character of the run (90 ns each:
 * 95 ms for a megabyte of `EAA`, in Node 20) and `*` skips the run in one instruction (5 ms).
 * The timing test failed in CI on it (`jwtRuns` and `fbPrefixes`, 97 ms in all six rounds).
 */
const SHAPES: [string, string, RegExp, string, string?][] = [
  ['JWT', 'eyJ', /eyJ[\w-]{5}[\w-]*\.[\w-]{5}[\w-]*\.[\w-]*|eyJ[\w-]*/g, 'J', '.'],
  ['Facebook token', 'EAA', /EAA[A-Za-z0-9]{20}[A-Za-z0-9]*/g, ''],
  ['Instagram token', 'IG', /IG[A-Z]{2}[\w-]{40}[\w-]*/g, ''],
  ['Google API key', 'AIza', /AIza[\w-]{35}/g, ''],
  // Access tokens, refresh tokens (`1//0…`, also percent-encoded) and authorization codes (`4/0A…`).
  ['Google token', 'ya29.', /ya29\.[\w-]{20}[\w-]*/g, '.'],
  ['Google token', '1/', /1\/\/[\w-]{20}[\w-]*/g, '/'],
  ['Google token', '1%', /1%2F%2F[\w-]{20}[\w-]*/gi, '%'],
  ['Google code', '4/', /4\/0A[\w-]{20}[\w-]*/g, '/'],
  ['Google code', '4%', /4%2F0A[\w-]{20}[\w-]*/gi, '%'],
  ['Google client secret', 'GOCSPX-', /GOCSPX-[\w-]{20}[\w-]*/g, ''],
  ['Stripe key', 'k_', /[sr]k_(?:live|test)_[A-Za-z0-9]{10}[A-Za-z0-9]*/g, '_'],
  ['Stripe webhook secret', 'whsec_', /whsec_[A-Za-z0-9+/=]{16}[A-Za-z0-9+/=]*/g, '_'],
  ['Stripe client secret', '_secret_', /(?:pi|seti)_[A-Za-z0-9]{8}[A-Za-z0-9]*_secret_[A-Za-z0-9]{8}[A-Za-z0-9]*/g, '_'],
  ['AWS access key id', 'A', /A(?:KIA|SIA|GPA|IDA|ROA|IPA|NPA|NVA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, ''],
  ['GitHub token', 'gh', /gh[pousr]_[A-Za-z0-9]{30}[A-Za-z0-9]*|github_pat_\w{30}\w*/g, '_'],
  ['GitLab token', 'glpat-', /glpat-[\w-]{20}[\w-]*/g, '-'],
  ['Slack token', 'xox', /xox[abposr]-[\w-]{10}[\w-]*/g, '-'],
  ['npm token', 'npm_', /npm_[A-Za-z0-9]{36}/g, '_'],
  ['SendGrid key', 'SG.', /SG\.[\w-]{16}[\w-]*\.[\w-]{16}[\w-]*/g, ''],
  ['Shopify token', 'shp', /shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g, '_'],
  ['OpenAI key', 'sk-', /sk-(?:proj|svcacct|admin)-[\w-]{20}[\w-]*|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/g, '-'],
  ['Anthropic key', 'sk-ant-', /sk-ant-[\w-]{20}[\w-]*/g, '-'],
  ['Hugging Face token', 'hf_', /hf_[A-Za-z0-9]{30}[A-Za-z0-9]*/g, '_'],
  // Payment, package and work tools' keys (Square, PyPI, Postman, Atlassian), as secret scanners know them.
  ['Square token', 'q0', /sq0(?:atp|csp)-[\w-]{22}[\w-]*/g, '-'],
  ['PyPI token', 'HlwaS5vcmc', /pypi-AgEIcHlwaS5vcmc[\w-]{50}[\w-]*/g, '-'],
  ['Postman key', 'MAK-', /PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}/g, '-'],
  ['Atlassian token', 'xFfGF0', /ATATT3xFfGF0[\w=-]{88}[\w=-]*/g, ''],
  // Whoever has a webhook's URL can post as its owner: the secret is its path, and the whole URL
  // goes, from its scheme or its `//` (a match after `/` would be part of a longer word). Each
  // pattern's first character is `h`, `/` or `d`: a text's other characters are passed over.
  ['Slack webhook', 'hooks.slack.com/', /(?:(?:https?:)?\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[\w/-]{20}[\w/-]*/g, '/'],
  [
    'Discord webhook',
    '/api/webhooks/',
    /(?:(?:https?:)?\/\/(?:[a-z]{1,16}\.)?)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20}[\w-]*/g,
    '/',
  ],
  // A Telegram bot's token is `bot-id:AA…`: the id is public, the part after `:` is not. The
  // pattern starts at `AA`, after a `:` (which no token character is). The literal is `AA`
  // alone: a text dense with markers has a `:` in each (`[removed: …]`), and a search for `:AA`
  // stopped at every one.
  ['Telegram bot token', 'AA', /(?<=\d{6}:)AA[\w-]{30}[\w-]*/g, ''],
];

/** A private key block's header (`-----BEGIN PRIVATE KEY-----`, `-----BEGIN RSA PRIVATE KEY-----`…), its kind captured. */
const PRIVATE_KEY_HEADER = String.raw`-----BEGIN ([A-Z ]{0,30})PRIVATE KEY-----`;

/** Built on first use (see utils/contract/scrub.ts). */
const patterns = /* @__PURE__ */ onFirstUse(() => ({
  // A Graph API app token is `app-id|app-secret`: the id is public, the part after `|` is not.
  facebookAppSecret: /(?<=\d{8})\|[\w-]{20}[\w-]*/g,
  privateKey: new RegExp(String.raw`${PRIVATE_KEY_HEADER}[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)`, 'g'),
  privateKeyHeader: new RegExp(PRIVATE_KEY_HEADER, 'y'),
  bearer: /\b(bearer\s+)(?!\[removed)([\w.~+/=-]{8}[\w.~+/=-]*)/gi,
  // The user may be empty: `redis://:password@host`.
  userInfo: /\/\/[^/\s:@]*:(?!\[removed)[^/\s@]+@/g,
  keyRun: /[A-Za-z0-9/+]*/y,
}));

/** A letter, a digit or `/`: before a shape's prefix, it makes the match part of a longer word. */
const inWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 47 && c <= 57);

/** Removes the credentials that have a shape of their own (see SHAPES). */
export function scrubShapes(text: string): string {
  const has: Record<string, boolean> = {};
  for (const [name, literal, pattern, needs, holds] of SHAPES) {
    if (needs) has[needs] ??= text.includes(needs);
    if ((needs && !has[needs]) || !text.includes(literal)) continue;
    // One marker per shape, and a character code per match: a megabyte can hold 40,000 tokens.
    const marker = removed(name);
    const before = text;
    text = text.replace(pattern, (match: string, offset: number) =>
      (holds && !match.includes(holds)) || (inWord(codeAt(before, offset - 1)) && !escapeEndsAt(before, offset)) ? match : marker,
    );
  }
  if (text.includes('|')) text = text.replace(patterns().facebookAppSecret, removed('Facebook app secret'));
  return text;
}

/**
 * Mixed case and digits: a random 40-character run, not a path, a word or a hexadecimal hash.
 * Read by character code: a megabyte can hold 25,000 such runs.
 */
function awsLike(run: string): boolean {
  let lower = false;
  let upper = false;
  let digit = false;
  let slashes = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c === 47) slashes++;
  }
  return lower && upper && digit && slashes < 4 && !run.startsWith('pfbid');
}

/**
 * Whether a private key block starts at `at`: the named-values rule, which runs first, leaves
 * such a value to this one (taking `-----BEGIN` as a value broke the header this one needs).
 */
export function privateKeyAt(text: string, at: number): boolean {
  const header = patterns().privateKeyHeader;
  header.lastIndex = at;
  return header.test(text);
}

/** Removes private key blocks, bearer tokens and URL passwords. */
export function scrubLooseTokens(text: string): string {
  const p = patterns();
  if (text.includes('PRIVATE KEY-----')) text = text.replace(p.privateKey, removed('private key'));
  if (/bearer/i.test(text)) {
    // `Bearer authentication is required`: a word after `Bearer` is prose, not a token.
    const marker = removed('bearer token');
    text = text.replace(p.bearer, (m, b: string, token: string) => (token.length < 20 && /^[a-z]+$/i.test(token) ? m : b + marker));
  }
  if (text.includes('@')) text = scrubUserInfo(text, p.userInfo);
  return text;
}

/**
 * `//user:password@` → `//user:[removed: password]@`. Only the password is replaced (the user and
 * the rest are not copied match by match), through one Splicer. Each match is run as a test, and
 * where it starts is read back: a megabyte can hold 130,000 of them (`//u:p@h `), and the array
 * each `exec` makes was most of the rule's garbage.
 */
function scrubUserInfo(text: string, re: RegExp): string {
  const out = new Splicer(text);
  const marker = removed('password');
  re.lastIndex = 0;
  while (re.test(text)) {
    const at = re.lastIndex - 1;
    // Neither the user nor the password holds a `/`: the nearest one back is the match's `//`.
    let user = at;
    while (text.charCodeAt(user - 1) !== 47) user--;
    // The user holds no `:`, so the first one after `//` ends it.
    out.put(text.indexOf(':', user) + 1, at, marker);
  }
  return out.finish();
}

/** `A-Z a-z 0-9 / +`: the characters of an AWS secret key. */
export const isKeyChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 47 && c <= 57) || c === 43;

/**
 * Bare AWS secret access keys: a run of exactly 40 key characters, with neither a key character
 * nor `=` on either side. After the shapes, so that a 40-character token with a prefix of its
 * own (`EAA…`) keeps its own name.
 *
 * Read by skipping rather than character by character (a search for the run costs as much as
 * a whole rule on a text dense with markers): a run of 40 that starts at or after `from` holds
 * the character 39 further on, so when that one is not a key character nothing before it can
 * start a key, and the search jumps past it. Otherwise the run around it is read backwards to
 * its start, which is where the next look starts. Each character is read at most three times
 * (back twice, forwards once, only inside a run of 40 or more), most of them not at all.
 */
export function scrubAwsSecrets(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  // `from` always follows a character that is not a key character (or is the text's start).
  let from = 0;
  while (from + 40 <= n) {
    const probe = from + 39;
    if (!isKeyChar(text.charCodeAt(probe))) {
      from = probe + 1;
      continue;
    }
    let start = probe;
    while (start > from && isKeyChar(text.charCodeAt(start - 1))) start--;
    if (start > from) {
      from = start;
      continue;
    }
    // A run of 40 or more starts at `from`: read to its end (a pattern reads a long run faster).
    const rest = patterns().keyRun;
    rest.lastIndex = probe + 1;
    rest.test(text);
    const end = rest.lastIndex;
    if (end - start === 40 && codeAt(text, start - 1) !== 61 && codeAt(text, end) !== 61) {
      const run = text.slice(start, end);
      if (awsLike(run)) {
        out += text.slice(copied, start) + removed('AWS secret key');
        copied = end;
      }
    }
    from = end + 1;
  }
  return copied ? out + text.slice(copied) : text;
}
