/**
 * Raw cookie strings, as `document.cookie` gives them and pages log them, with no `Cookie:`
 * label before them: `_ga=GA1.2.11; PHPSESSID=9f2c…; theme=dark`. Which cookie holds the session
 * cannot be known from its name (`xs`, `SID`, `LOGIN_INFO`, `remember_web_59ba…`), so the whole
 * string goes, as a `Cookie:` header's value does. Only strings with a credential in them:
 * `filename=x.csv; size=12` in a header dump is not one.
 *
 * Linear: a string's start cannot follow a value character, so each value is read from its own
 * start only, and a string ends at its last `name=value`.
 */
import { removed } from './markers';
import { looksRandom } from './plain-values';
import { nameKind } from './secret-names';

/** What a cookie's value may hold; what may not precede a cookie's name. */
const VALUE = '[^;\\s"\',\\\\&<>()[\\]{}]';
const NAME = '[\\w.!#$*+^|~-]{1,64}';

let CHAIN: RegExp | undefined;
const chain = (): RegExp => (CHAIN ||= new RegExp(String.raw`(?<!${VALUE})${NAME}=${VALUE}*(?:;[ \t]*${NAME}=${VALUE}*)+`, 'g'));

function holdsCredential(cookies: string): boolean {
  for (const cookie of cookies.split(';')) {
    const eq = cookie.indexOf('=');
    const name = cookie.slice(0, eq).trim();
    const value = cookie.slice(eq + 1);
    if (looksRandom(value) || (value && nameKind(name))) return true;
  }
  return false;
}

/** Replaces each raw cookie string that holds a credential by one marker. */
export function scrubCookieStrings(text: string): string {
  if (!text.includes(';')) return text;
  return text.replace(chain(), (cookies) => (holdsCredential(cookies) ? removed('cookie') : cookies));
}
