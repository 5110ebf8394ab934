/**
 * Removes credentials from text captured in the page (console messages, stacks, URLs, error
 * bodies) before it can reach a ticket. Each removal leaves a marker saying what was removed,
 * e.g. `[removed: access_token]`, so support still sees that a token was there.
 *
 * Kept on purpose: e-mail addresses (support needs the account e-mail to find the customer),
 * OAuth `state` values (an anti-forgery nonce, worthless once used, and `state=` is a common
 * name for ordinary app state), and numbers that fail the card checks (order ids, timestamps).
 *
 * Every pattern is linear: anchored on a delimiter or a literal prefix, with no nested
 * quantifiers over the same characters, so a megabyte of hostile text scrubs in milliseconds.
 *
 * In the contract room because two places apply it: the content script scrubs what it captures
 * in the page (utils/page/normalize-entry.ts), and the draw-link rule (canonicalDrawUrl in
 * utils/contract/osortoo-urls.ts, which the popup uses too) drops the parameters it would
 * scrub. No dependencies.
 */

const removed = (what: string) => `[removed: ${what}]`;
/** Never re-scrub our own markers (scrubbing twice must change nothing). */
const NOT_DONE = String.raw`(?![\s"']*\[removed)`;

/** Names whose value is a credential wherever they appear (query, form, JSON, header dumps). */
const STRONG = String.raw`[\w-]*(?:token|secret|passw(?:or)?d|pwd|api[_-]?key|apikey|session[_-]?id|signature|appsecret_proof|private[_-]?key)|authorization|sig|sid`;
/** Short, common names: a credential only as a `name=value` pair with a long enough value. */
const WEAK = 'code|key|auth|session|pass';
/**
 * Names taken as credentials also in prose-like `name: value` (header dumps, log lines); bare
 * `token:` or `code:` are not, because "Error validating access token: Session has expired"
 * is Facebook's ordinary error text.
 */
const LABELLED = String.raw`[\w-]*[_-](?:token|secret|api[_-]?key|session[_-]?id)|api[_-]?key|apikey|passw(?:or)?d|pwd|mot de passe|mdp|secret|sessionid`;

/** A `name=` start in a query, fragment, form body or prose; `%26`/`%3F`/`%23` cover encoded URLs. */
const PAIR_START = String.raw`(?:(?<![\w.%-])|(?<=%(?:26|3F|23)))`;
const PAIR_VALUE = String.raw`(?:[^&#\s"'<>;,)\]}\\%]|%(?!26|23|3D)[\dA-F]{2})`;

type Rule = [RegExp, string | ((...groups: string[]) => string)];

/**
 * Built on first use rather than at load: `new RegExp` at module level is a side effect that
 * bundlers keep, and it would drag this module into the page hook's content script, which only
 * imports the page match patterns from utils/contract/osortoo-urls.ts.
 */
let RULES: Rule[] | undefined;
const rules = (): Rule[] =>
  (RULES ||= [
    // Cookie headers and labelled cookie strings: the whole value, it is nothing but credentials.
    [
      new RegExp(
        String.raw`(?<![\w-])((?:set-)?cookies?|document\.cookie)(["']?\s*[:=]\s*["']?)${NOT_DONE}(?=[^\s;="']+=)[^\r\n"']*`,
        'gi',
      ),
      (_, name, sep) => name + sep + removed('cookie'),
    ],
    // Authorization headers, whatever the scheme.
    [
      new RegExp(String.raw`(?<![\w-])((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)${NOT_DONE}[^\r\n"']+`, 'gi'),
      (_, name, sep) => name + sep + removed(name.toLowerCase()),
    ],
    [new RegExp(String.raw`\b(bearer\s+)${NOT_DONE}[\w.~+/=-]{8,}`, 'gi'), (_, b) => b + removed('bearer token')],
    // JSON / JS object keys, plain and escaped inside another JSON string.
    [
      new RegExp(String.raw`(["'])(${STRONG})\1(\s*:\s*)(["'])${NOT_DONE}(?:(?!\4)[^\\\n]|\\.)*\4`, 'gi'),
      (_, q, name, sep, v) => q + name + q + sep + v + removed(name) + v,
    ],
    [
      new RegExp(String.raw`(\\")(${STRONG})\\"(\s*:\s*)\\"${NOT_DONE}(?:[^"\\]|\\[^"])*\\"`, 'gi'),
      (_, q, name, sep) => q + name + q + sep + q + removed(name) + q,
    ],
    [
      new RegExp(String.raw`(["'])(${STRONG})\1(\s*:\s*)(?!null\b|true\b|false\b)(\d[\w.-]*)`, 'gi'),
      (_, q, name, sep) => `${q}${name}${q}${sep}"${removed(name)}"`,
    ],
    // name=value pairs (query strings, fragments, form bodies).
    [new RegExp(`${PAIR_START}(${STRONG})(=|%3D)${NOT_DONE}${PAIR_VALUE}+`, 'gi'), (_, name, eq) => name + eq + removed(name)],
    [new RegExp(`${PAIR_START}(${WEAK})(=|%3D)${NOT_DONE}${PAIR_VALUE}{8,}`, 'gi'), (_, name, eq) => name + eq + removed(name)],
    // Labelled values in prose and header dumps: `X-Api-Key: …`, `password: …`, `mot de passe : …`.
    [
      new RegExp(String.raw`(?<![\w.-])(${LABELLED})(\s*[:=]\s*)${NOT_DONE}(?:"[^"\n]*"|'[^'\n]*'|[^\s,;&"'<>)\]}]+)`, 'gi'),
      (_, name, sep) => name + sep + removed(name.toLowerCase()),
    ],
    // Password in a URL's user-info part.
    [/(\/\/[^/\s:@]+:)(?!\[removed)[^/\s@]+@/g, (_, u) => `${u}${removed('password')}@`],
    // Credentials recognised by their shape, wherever they are.
    [/(?<![\w-])eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, removed('JWT')],
    [/(?<![A-Za-z0-9])EAA[A-Za-z0-9]{20,}/g, removed('Facebook token')],
    [/(?<![\w-])IG[A-Z]{2}[\w-]{40,}/g, removed('Instagram token')],
    [/(?<![\w-])AIza[\w-]{35}/g, removed('Google API key')],
    [/(?<![\w-])ya29\.[\w-]{20,}/g, removed('Google token')],
    [/(?<![\w.,])[2-6](?:[ -]?\d){12,18}(?!\d|[.,]\d)/g, (m) => (luhn(m.replace(/\D/g, '')) ? removed('card number') : m)],
  ]);

/** The Luhn checksum that every payment card number satisfies (and 9 in 10 other numbers fail). */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = +digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Removes credentials, tokens, cookies and card numbers from free text. Idempotent. */
export function scrubText(text: string): string {
  if (typeof text !== 'string' || !text) return text;
  for (const [pattern, replacement] of rules()) text = text.replace(pattern, replacement as string);
  return text;
}

/**
 * Removes credentials from a URL: secret query and fragment parameters (plain or
 * percent-encoded), user-info passwords, and tokens anywhere in it. The rest is kept as is.
 */
export function scrubUrl(url: string): string {
  return scrubText(url);
}

const ENTRY_TEXT_FIELDS = ['message', 'stack', 'url', 'source', 'frame', 'body', 'blockedUrl'] as const;

/** Returns a copy of a diagnostic entry with every free-text field scrubbed. */
export function scrubEntry<T extends object>(entry: T): T {
  const copy = { ...entry } as Record<string, unknown>;
  for (const key of ENTRY_TEXT_FIELDS) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = scrubText(value);
  }
  return copy as T;
}
