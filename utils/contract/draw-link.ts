/**
 * The canonical draw link: what support gets of the page's address, in the ticket's context. Its
 * own module, apart from the URL rules (utils/contract/osortoo-urls.ts), because it scrubs: the
 * worker applies it to the address the page's content script sends raw
 * (utils/diagnosis/scrub-page-answers.ts) and the popup to a pasted link
 * (utils/form/ticket-builder.ts), while the content script, which imports the URL rules, must not
 * bundle the scrubber (`npm run check:imports` holds that).
 */
import { LIMITS } from './limits';
import { isDevHostUrl } from './osortoo-urls';
import { scrubText } from './scrub';

/** Query parameters that only track the visit: dropped from the draw link. */
const TRACKING_PARAMS =
  /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ttclid|twclid|_hs\w+|mkt_tok)$/i;

/**
 * The draw link as support wants it: https, no tracking parameters, no credentials (whole
 * parameters dropped, not just masked), no user-info, no fragment.
 */
export function canonicalDrawUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (!isDevHostUrl(url)) u.protocol = 'https:';
  u.username = u.password = u.hash = '';
  const kept = [...u.searchParams].filter(
    ([name, value]) => !TRACKING_PARAMS.test(name) && scrubText(`${name}=${value}`) === `${name}=${value}`,
  );
  if (kept.length < [...u.searchParams].length) u.search = new URLSearchParams(kept).toString();
  const href = scrubText(u.href.replace(/\?$/, ''));
  return href.length <= LIMITS.urlChars ? href : undefined;
}
