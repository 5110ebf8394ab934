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
import { looksRandomAt } from './plain-values';
import { kindAt } from './known-names';

/** What a cookie's value may hold; what may not precede a cookie's name. */
const VALUE = '[^;\\s"\',\\\\&<>()[\\]{}]';
const NAME = '[\\w.!#$*+^|~-]{1,64}';

let CHAIN: RegExp | undefined;
const chain = (): RegExp => (CHAIN ||= new RegExp(String.raw`(?<!${VALUE})${NAME}=${VALUE}*(?:;[ \t]*${NAME}=${VALUE}*)+`, 'g'));

/**
 * Whether one of the string's cookies holds a credential. Read by offsets (a megabyte of cookies
 * is 200,000 of them): a value is cut out only when it is long enough to look random, and a name
 * is found again in place (known-names.ts) when its value is not empty.
 */
function holdsCredential(cookies: string): boolean {
  for (let from = 0; from < cookies.length; ) {
    let end = cookies.indexOf(';', from);
    if (end < 0) end = cookies.length;
    // Every cookie of the string is `[ \t]*name=value`, and a name holds no `=`.
    while (cookies.charCodeAt(from) === 32 || cookies.charCodeAt(from) === 9) from++;
    const eq = cookies.indexOf('=', from);
    if (looksRandomAt(cookies, eq + 1, end)) return true;
    if (end > eq + 1 && kindAt(cookies, from, eq)) return true;
    from = end + 1;
  }
  return false;
}

/** Replaces each raw cookie string that holds a credential by one marker. */
export function scrubCookieStrings(text: string): string {
  if (!text.includes(';')) return text;
  return text.replace(chain(), (cookies) => (holdsCredential(cookies) ? removed('cookie') : cookies));
}
