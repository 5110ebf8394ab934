/**
 * Derives the contract's DrawContext (which draw, on which platform, for which Page or account)
 * from a page's clues (utils/page/page-clues.ts) and its URL (utils/contract/osortoo-urls.ts).
 *
 * What is an assumption (guessed, to be checked against the real app): that the platform, the
 * Page name / username and the account e-mail can be read from the page. What the page states
 * through its hook points wins; then come the links to the draw's posts and the organiser's
 * profile (participants' links and handles never count), then headings and labels.
 *
 * Raw, not scrubbed: the draw link is the page's own address without its fragment, and every
 * text is only cut at its raw bound (utils/page/raw-cut.ts). The worker makes the link canonical
 * and scrubs every field before anything reads them (utils/diagnosis/scrub-page-answers.ts).
 */
import type { DrawContext, Platform } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { drawIdFromUrl, isDevHostUrl, isOsortooUrl, platformFromWord, validDrawId } from '../contract/osortoo-urls';
import { rawTextBound } from '../extension/messaging';
import { readPageClues, type DocumentLike, type PageClues } from './page-clues';
import { cutRaw } from './raw-cut';

/** Links to a post (not a profile) on each platform. */
const POST_LINKS: [RegExp, Platform][] = [
  [/^https?:\/\/(?:www\.|m\.)?instagram\.com\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/[\w-]+/i, 'instagram'],
  [
    /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/(?:[^/?#]+\/(?:posts|videos|photos)\/|permalink\.php|photo|watch|story\.php|share\/[pv]\/|groups\/[^/?#]+\/posts\/)|^https?:\/\/fb\.watch\//i,
    'facebook',
  ],
  [/^https?:\/\/(?:www\.|m\.)?youtube\.com\/(?:watch\?|shorts\/|live\/)|^https?:\/\/youtu\.be\/[\w-]+/i, 'youtube'],
];
/** Links to an Instagram profile, the handle in the first group. */
const INSTAGRAM_PROFILE = /^https?:\/\/(?:www\.|m\.)?instagram\.com\/([A-Za-z0-9._]{1,30})\/?(?:[?#]|$)/i;
const INSTAGRAM_RESERVED = /^(?:p|reel|reels|tv|explore|accounts|stories|direct|about|legal|developer|web)$/i;
/** Links to a Facebook Page, its slug in the first group. */
const FACEBOOK_PAGE = /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/([A-Za-z0-9.-]{3,80})\/?(?:[?#]|$)/i;
const FACEBOOK_RESERVED =
  /^(?:home\.php|login|login\.php|pages|groups|watch|events|marketplace|gaming|help|policies|privacy|settings|profile\.php|sharer|share|dialog)$/i;
/** A visible `@handle` (Instagram usernames: letters, digits, `.` and `_`, up to 30). */
const HANDLE = /(?:^|[\s(«"'])@([A-Za-z0-9._]{0,29}[A-Za-z0-9_])(?![\w.]*@)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** Osortoo's own addresses (support, billing…) are not the customer's. */
const OSORTOO_EMAIL = /@(?:[\w-]+\.)*osortoo\.com$/i;

function oneOrMulti(found: Set<Platform>): Platform | undefined {
  if (found.has('multi') || found.size > 1) return found.size ? 'multi' : undefined;
  return found.values().next().value;
}

function platformOf(c: PageClues): Platform | undefined {
  // 1. What the page states.
  const stated = new Set<Platform>();
  for (const v of [...(c.data.platform || []), ...(c.meta['osortoo:platform'] ? [c.meta['osortoo:platform']] : [])]) {
    for (const word of v.split(/[\s,+/&]+/)) {
      const p = platformFromWord(word);
      if (p) stated.add(p);
    }
  }
  if (stated.size) return oneOrMulti(stated);
  // 2. The posts the draw is about.
  const posts = new Set<Platform>();
  for (const link of c.links) for (const [re, p] of POST_LINKS) if (re.test(link.href)) posts.add(p);
  if (posts.size) return oneOrMulti(posts);
  // 3. Headings and labels naming exactly one platform.
  const named = new Set<Platform>();
  for (const label of c.labels) {
    if (/\binstagram\b/i.test(label)) named.add('instagram');
    if (/\bfacebook\b/i.test(label)) named.add('facebook');
    if (/\byoutube\b/i.test(label)) named.add('youtube');
    if (/multi-?(?:platform|plateforme)/i.test(label)) named.add('multi');
  }
  return named.size === 1 ? [...named][0] : named.has('multi') ? 'multi' : undefined;
}

function pageOrUsernameOf(c: PageClues, platform: Platform | undefined): string | undefined {
  const stated = c.data.username?.[0] || c.data['page-name']?.[0] || c.meta['osortoo:username'] || c.meta['osortoo:page-name'];
  if (stated) return stated;
  const organiserLinks = c.links.filter((l) => !l.inParticipants);
  if (platform !== 'facebook' && platform !== 'youtube') {
    for (const label of c.labels) {
      const m = HANDLE.exec(label);
      if (m) return `@${m[1]}`;
    }
    for (const link of organiserLinks) {
      const handle = INSTAGRAM_PROFILE.exec(link.href)?.[1];
      if (handle && !INSTAGRAM_RESERVED.test(handle)) return `@${handle}`;
    }
  }
  if (platform !== 'instagram' && platform !== 'youtube') {
    for (const link of organiserLinks) {
      const slug = FACEBOOK_PAGE.exec(link.href)?.[1];
      if (slug && !FACEBOOK_RESERVED.test(slug))
        return link.text && link.text.length <= 100 && !/^https?:/i.test(link.text) ? link.text : slug;
    }
  }
  return undefined;
}

function accountEmailOf(c: PageClues): string | undefined {
  const candidates = [...(c.data['account-email'] || []), c.meta['osortoo:account-email'] || '', ...c.accountTexts];
  for (const text of candidates) {
    const email = EMAIL.exec(text)?.[0];
    if (email && !OSORTOO_EMAIL.test(email)) return email;
  }
  return undefined;
}

const short = (s: string | undefined) => (s ? cutRaw(s, LIMITS.shortTextChars) : undefined);

/**
 * The contract's DrawContext from a page's clues, raw (see above). A local (dev) page counts as
 * an Osortoo page only when it carries Osortoo hook points, so the demo page behaves like the
 * real app.
 */
export function drawContextFromClues(c: PageClues): DrawContext {
  const hooked = Object.keys(c.data).length > 0 || Object.keys(c.meta).length > 0;
  const onOsortooPage = isOsortooUrl(c.url) || (isDevHostUrl(c.url) && hooked);
  if (!onOsortooPage) return { onOsortooPage: false };
  const platform = platformOf(c);
  // The fragment never leaves the page (OAuth puts tokens there; the draw link drops it anyway);
  // an address too long to send whole is left out rather than cut into a wrong link.
  const link = c.url.split('#')[0]!;
  const context: DrawContext = {
    onOsortooPage,
    url: link.length <= rawTextBound(LIMITS.urlChars) ? link : undefined,
    drawId: short(validDrawId(c.data['draw-id']?.[0]) || validDrawId(c.meta['osortoo:draw-id']) || drawIdFromUrl(c.url)),
    platform,
    pageOrUsername: short(pageOrUsernameOf(c, platform)),
    accountEmail: short(accountEmailOf(c)),
  };
  // Fields the page does not show are left out rather than sent as undefined.
  for (const key of Object.keys(context) as (keyof DrawContext)[]) if (context[key] === undefined) delete context[key];
  return context;
}

/** Reads the draw's context from a live page (the content script passes `document`). */
export function drawContextFromPage({ url, doc }: { url: string; doc: DocumentLike }): DrawContext {
  return drawContextFromClues(readPageClues(doc, url));
}
