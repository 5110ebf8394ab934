/**
 * Removes credentials from text captured in the page (console messages, stacks, URLs, error
 * bodies) before it can reach a ticket. Each removal leaves a marker saying what was removed,
 * e.g. `[removed: access_token]`, so support still sees that a token was there.
 *
 * Kept on purpose: e-mail addresses (support needs the account e-mail to find the customer),
 * OAuth `state` values (an anti-forgery nonce, worthless once used, and `state=` is a common
 * name for ordinary app state), error codes (`?code=IG_PERMISSION_MISSING`), what pages say
 * about credentials (`password: required`, `mot de passe : requis`, `authorization: none`), and
 * numbers that fail the card checks (order ids, timestamps, Facebook ids).
 *
 * The rules, one file each in utils/contract/scrub/, applied in this order (an earlier rule's
 * marker is never scrubbed again, which makes scrubbing idempotent):
 * 1. raw cookie strings (cookie-strings.ts);
 * 2. values after a credential's name: query, form, JSON, headers, prose (named-values.ts);
 * 3. private keys, bearer tokens, URL passwords, then credentials known by their shape: JWT,
 *    Facebook, Google, Stripe, AWS…, then bare AWS secret keys (token-shapes.ts);
 * 4. tokens and security codes in prose, with no separator: `Token 9944b0…`, `cvv 123`
 *    (prose-secrets.ts);
 * 5. payment card numbers (card-numbers.ts).
 * Every rule runs in linear time (each file says why), checked by
 * utils/contract/scrub-speed.test.ts: a megabyte of hostile text or a 2 MB URL scrubs in tens of
 * milliseconds. Texts dense with secrets (100,000 values in a megabyte) set the pace: the rules
 * read characters by code rather than start a search per value, and write through
 * utils/contract/scrub/splicer.ts.
 *
 * In the contract room because several places apply it, none of them in the customer's page: the
 * extension's worker scrubs everything a page sent before anything reads it
 * (utils/diagnosis/scrub-page-answers.ts), drafts are keyed by a scrubbed address
 * (utils/form/drafts.ts), and support's inbox shows its markers (server/inbox/scrubbed-text.tsx).
 * The content scripts may not import it (`content-script-no-scrubber` in .dependency-cruiser.cjs):
 * it would weigh on every Osortoo page. No dependencies. Every pattern is built on first use
 * rather than at load: `new RegExp` or `new Set` at module level is a side effect that bundlers keep.
 */
import { scrubCardNumbers } from './scrub/card-numbers';
import { scrubCookieStrings } from './scrub/cookie-strings';
import { scrubNamedValues } from './scrub/named-values';
import { scrubProseSecrets } from './scrub/prose-secrets';
import { scrubAwsSecrets, scrubLooseTokens, scrubShapes } from './scrub/token-shapes';

/** Removes credentials, tokens, cookies and card numbers from free text. Idempotent. */
export function scrubText(text: string): string {
  if (typeof text !== 'string' || !text) return text;
  text = scrubCookieStrings(text);
  text = scrubNamedValues(text);
  text = scrubLooseTokens(text);
  text = scrubShapes(text);
  text = scrubAwsSecrets(text);
  text = scrubProseSecrets(text);
  return scrubCardNumbers(text);
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
