/**
 * Every rule that recognises an Osortoo page lives here, so that it is easy to correct
 * when the app's real URL patterns are known (they are not public).
 *
 * What is an assumption (guessed, to be checked against the real app):
 * - draw pages live under `/giveaways/:id`, `/giveaway/:id/results`, `/draw(s)/:id`,
 *   `/tirage(s)/:id`, `/concours/:id` or `/project(s)/:id`, or carry `?giveaway=`, `?draw=`,
 *   `?project=` (and their `…Id` / `…_id` spellings), or `?id=` on a results path;
 * - the platform, the Page name / username and the account e-mail can be read from the page.
 * Explicit hook points win over every heuristic, so the app (or the demo page) can state them:
 * `[data-osortoo-draw-id]`, `[data-osortoo-platform]`, `[data-osortoo-username]`,
 * `[data-osortoo-page-name]`, `[data-osortoo-account-email]` (attribute value, or the element's
 * text when the value is empty), and `<meta name="osortoo:draw-id|platform|username|account-email">`.
 */
import type { DrawContext, Platform } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { scrubText } from './scrub';

/** Pages the content scripts run on in the release build. */
export const OSORTOO_PAGE_MATCHES = ['https://osortoo.com/*', 'https://*.osortoo.com/*'];

/** Added by the development and e2e builds only, for the local demo draw page. */
export const DEV_PAGE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

// ---------------------------------------------------------------------------------------------
// The rules, as data
// ---------------------------------------------------------------------------------------------

/** Hosts of the app. */
const OSORTOO_HOST = /^(?:[\w-]+\.)*osortoo\.com$/i;
/** Hosts of the local demo page (dev and e2e builds): an Osortoo page only if it says so. */
const DEV_HOST = /^(?:localhost|127\.0\.0\.1)$/i;

/** Path patterns that carry a draw id in their first group. */
const DRAW_PATHS: RegExp[] = [
  /\/giveaways?\/([\w-]+)(?:\/|$)/i,
  /\/draws?\/([\w-]+)(?:\/|$)/i,
  /\/tirages?\/([\w-]+)(?:\/|$)/i,
  /\/concours\/([\w-]+)(?:\/|$)/i,
  /\/projects?\/([\w-]+)(?:\/|$)/i,
];
/** Query parameters that carry a draw id (compared case-insensitively). */
const DRAW_PARAMS = ['giveaway', 'giveawayid', 'giveaway_id', 'draw', 'drawid', 'draw_id', 'project', 'projectid', 'project_id'];
/** `?id=` is a draw id only on a results page. */
const RESULTS_PATH = /\/(?:results?|resultats?|résultats?|winners?|gagnants?)(?:\/|$)/i;
/** Path words that follow `/giveaways/` without being an id. */
const NOT_AN_ID = /^(?:new|create|edit|list|all|index|results?|settings|templates?|nouveau|creer)$/i;
const ID_SHAPE = /^[\w-]{1,64}$/;

/** Query parameters that only track the visit: dropped from the draw link. */
const TRACKING_PARAMS = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ttclid|twclid|_hs\w+|mkt_tok)$/i;

/** Words that name a platform, in data attributes, meta tags and visible labels. */
const PLATFORM_WORDS: [RegExp, Platform][] = [
  [/^(?:multi|multiple|multi-?platform|multi-?plateforme|mixed)$/i, 'multi'],
  [/^(?:facebook|fb|meta)$/i, 'facebook'],
  [/^(?:instagram|ig|insta)$/i, 'instagram'],
  [/^(?:youtube|yt)$/i, 'youtube'],
];
/** Links to a post (not a profile) on each platform. */
const POST_LINKS: [RegExp, Platform][] = [
  [/^https?:\/\/(?:www\.|m\.)?instagram\.com\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/[\w-]+/i, 'instagram'],
  [/^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/(?:[^/?#]+\/(?:posts|videos|photos)\/|permalink\.php|photo|watch|story\.php|share\/[pv]\/|groups\/[^/?#]+\/posts\/)|^https?:\/\/fb\.watch\//i, 'facebook'],
  [/^https?:\/\/(?:www\.|m\.)?youtube\.com\/(?:watch\?|shorts\/|live\/)|^https?:\/\/youtu\.be\/[\w-]+/i, 'youtube'],
];
/** Links to an Instagram profile, the handle in the first group. */
const INSTAGRAM_PROFILE = /^https?:\/\/(?:www\.|m\.)?instagram\.com\/([A-Za-z0-9._]{1,30})\/?(?:[?#]|$)/i;
const INSTAGRAM_RESERVED = /^(?:p|reel|reels|tv|explore|accounts|stories|direct|about|legal|developer|web)$/i;
/** Links to a Facebook Page, its slug in the first group. */
const FACEBOOK_PAGE = /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/([A-Za-z0-9.-]{3,80})\/?(?:[?#]|$)/i;
const FACEBOOK_RESERVED = /^(?:home\.php|login|login\.php|pages|groups|watch|events|marketplace|gaming|help|policies|privacy|settings|profile\.php|sharer|share|dialog)$/i;
/** A visible `@handle` (Instagram usernames: letters, digits, `.` and `_`, up to 30). */
const HANDLE = /(?:^|[\s(«"'])@([A-Za-z0-9._]{0,29}[A-Za-z0-9_])(?![\w.]*@)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** Osortoo's own addresses (support, billing…) are not the customer's. */
const OSORTOO_EMAIL = /@(?:[\w-]+\.)*osortoo\.com$/i;

/** Where to look, in the DOM, for each kind of fact (read by readPageFacts). */
const SELECTORS = {
  /** Headings and labels that may name the platform or the account of the giveaway. */
  labels: 'h1, h2, h3, [class*="platform" i], [class*="network" i], [class*="source" i], [class*="post-author" i], [class*="owner" i], [aria-label*="platform" i]',
  /** An account menu, where a logged-in app shows the user's e-mail. */
  account: '[class*="account" i], [id*="account" i], [class*="user-menu" i], [class*="usermenu" i], [class*="profile-menu" i], [class*="avatar-menu" i], nav [class*="user" i], header [class*="user" i]',
  /** Lists of participants or comments: their links and handles are not the organiser's. */
  participants: '[data-osortoo-participants], [class*="comment" i], [class*="participant" i], [class*="entries" i], [class*="winner" i]',
};

const MAX_LINKS = 400;
const MAX_TEXTS = 60;
const MAX_TEXT_CHARS = 300;

// ---------------------------------------------------------------------------------------------
// Page facts: what the rules read, extracted from the DOM by one small function
// ---------------------------------------------------------------------------------------------

/** What the rules need from a page; tests build it by hand, readPageFacts from the DOM. */
export interface PageFacts {
  url: string;
  /** `<meta name|property>` → content, for `osortoo:*` names. */
  meta: Record<string, string>;
  /** `data-osortoo-<name>` → values (attribute value, or element text when it is empty). */
  data: Record<string, string[]>;
  /** Links of the page, with whether they sit inside a participants/comments list. */
  links: { href: string; text: string; inParticipants: boolean }[];
  /** Texts of headings and platform/owner labels (outside participant lists). */
  labels: string[];
  /** Texts of account menus (outside participant lists). */
  accountTexts: string[];
}

/** The part of the DOM API readPageFacts uses (a real Document satisfies it). */
export interface ElementLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  closest?(selector: string): unknown;
  readonly attributes?: ArrayLike<{ name: string; value: string }>;
}
export interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

const clean = (s: string | null | undefined) => (s || '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS);

/** Texts of the elements matching `selector`, leaving out those inside participant lists. */
function textsOf(doc: DocumentLike, selector: string): string[] {
  const out: string[] = [];
  const els = doc.querySelectorAll(selector);
  for (let i = 0; i < els.length && out.length < MAX_TEXTS; i++) {
    if (els[i]!.closest?.(SELECTORS.participants)) continue;
    const text = clean(els[i]!.textContent);
    if (text) out.push(text);
  }
  return out;
}

/** Extracts the page facts from a document: bounded, read-only, never throws. */
export function readPageFacts(doc: DocumentLike, url: string): PageFacts {
  const facts: PageFacts = { url, meta: {}, data: {}, links: [], labels: [], accountTexts: [] };
  try {
    const metas = doc.querySelectorAll('meta[name^="osortoo:"], meta[property^="osortoo:"]');
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i]!;
      const name = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
      const content = clean(m.getAttribute('content'));
      if (content && !(name in facts.meta)) facts.meta[name] = content;
    }
    for (const key of ['draw-id', 'platform', 'username', 'page-name', 'account-email']) {
      const els = doc.querySelectorAll(`[data-osortoo-${key}]`);
      const values: string[] = [];
      for (let i = 0; i < els.length && values.length < MAX_TEXTS; i++) {
        const value = clean(els[i]!.getAttribute(`data-osortoo-${key}`)) || clean(els[i]!.textContent);
        if (value) values.push(value);
      }
      if (values.length) facts.data[key] = values;
    }
    const anchors = doc.querySelectorAll('a[href]');
    for (let i = 0; i < anchors.length && facts.links.length < MAX_LINKS; i++) {
      const a = anchors[i]!;
      const href = (a.getAttribute('href') || '').trim();
      if (!/^https?:\/\//i.test(href)) continue;
      facts.links.push({ href, text: clean(a.textContent), inParticipants: !!a.closest?.(SELECTORS.participants) });
    }
    facts.labels = textsOf(doc, SELECTORS.labels);
    facts.accountTexts = textsOf(doc, SELECTORS.account);
  } catch {
    // A hostile or half-loaded page: whatever was read so far is used.
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Whether a URL is one of the app's pages (release hosts only; see DEV_PAGE_MATCHES for dev). */
export function isOsortooUrl(url: string): boolean {
  const u = parse(url);
  return !!u && (u.protocol == 'https:' || u.protocol == 'http:') && OSORTOO_HOST.test(u.hostname);
}

/**
 * The draw link as support wants it: https, no tracking parameters, no credentials (whole
 * parameters dropped, not just masked), no user-info, no fragment.
 */
export function canonicalDrawUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u || (u.protocol != 'https:' && u.protocol != 'http:')) return undefined;
  if (!DEV_HOST.test(u.hostname)) u.protocol = 'https:';
  u.username = u.password = u.hash = '';
  const kept = [...u.searchParams].filter(([name, value]) => !TRACKING_PARAMS.test(name) && scrubText(`${name}=${value}`) == `${name}=${value}`);
  if (kept.length < [...u.searchParams].length) u.search = new URLSearchParams(kept).toString();
  const href = scrubText(u.href.replace(/\?$/, ''));
  return href.length <= LIMITS.urlChars ? href : undefined;
}

function validId(id: string | null | undefined): string | undefined {
  return id && ID_SHAPE.test(id) && !NOT_AN_ID.test(id) ? id : undefined;
}

/** The draw id a URL carries, by the assumed patterns (see the module comment). */
export function drawIdFromUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u) return undefined;
  for (const pattern of DRAW_PATHS) {
    const id = validId(pattern.exec(u.pathname)?.[1]);
    if (id) return id;
  }
  for (const [name, value] of u.searchParams) {
    if (DRAW_PARAMS.includes(name.toLowerCase())) {
      const id = validId(value);
      if (id) return id;
    }
  }
  return RESULTS_PATH.test(u.pathname) ? validId(u.searchParams.get('id')) : undefined;
}

/** Maps a label such as "Instagram", "fb" or "multi-platform" to a platform. */
export function platformFromWord(word: string): Platform | undefined {
  const w = word.trim();
  return PLATFORM_WORDS.find(([re]) => re.test(w))?.[1];
}

function oneOrMulti(found: Set<Platform>): Platform | undefined {
  if (found.has('multi') || found.size > 1) return found.size ? 'multi' : undefined;
  return found.values().next().value;
}

function platformOf(f: PageFacts): Platform | undefined {
  // 1. What the page states.
  const stated = new Set<Platform>();
  for (const v of [...(f.data.platform || []), ...(f.meta['osortoo:platform'] ? [f.meta['osortoo:platform']] : [])]) {
    for (const word of v.split(/[\s,+/&]+/)) {
      const p = platformFromWord(word);
      if (p) stated.add(p);
    }
  }
  if (stated.size) return oneOrMulti(stated);
  // 2. The posts the draw is about.
  const posts = new Set<Platform>();
  for (const link of f.links) for (const [re, p] of POST_LINKS) if (re.test(link.href)) posts.add(p);
  if (posts.size) return oneOrMulti(posts);
  // 3. Headings and labels naming exactly one platform.
  const named = new Set<Platform>();
  for (const label of f.labels) {
    if (/\binstagram\b/i.test(label)) named.add('instagram');
    if (/\bfacebook\b/i.test(label)) named.add('facebook');
    if (/\byoutube\b/i.test(label)) named.add('youtube');
    if (/multi-?(?:platform|plateforme)/i.test(label)) named.add('multi');
  }
  return named.size == 1 ? [...named][0] : named.has('multi') ? 'multi' : undefined;
}

function pageOrUsernameOf(f: PageFacts, platform: Platform | undefined): string | undefined {
  const stated = f.data.username?.[0] || f.data['page-name']?.[0] || f.meta['osortoo:username'] || f.meta['osortoo:page-name'];
  if (stated) return stated;
  const organiserLinks = f.links.filter((l) => !l.inParticipants);
  if (platform != 'facebook' && platform != 'youtube') {
    for (const label of f.labels) {
      const m = HANDLE.exec(label);
      if (m) return '@' + m[1];
    }
    for (const link of organiserLinks) {
      const handle = INSTAGRAM_PROFILE.exec(link.href)?.[1];
      if (handle && !INSTAGRAM_RESERVED.test(handle)) return '@' + handle;
    }
  }
  if (platform != 'instagram' && platform != 'youtube') {
    for (const link of organiserLinks) {
      const slug = FACEBOOK_PAGE.exec(link.href)?.[1];
      if (slug && !FACEBOOK_RESERVED.test(slug)) return link.text && link.text.length <= 100 && !/^https?:/i.test(link.text) ? link.text : slug;
    }
  }
  return undefined;
}

function accountEmailOf(f: PageFacts): string | undefined {
  const candidates = [...(f.data['account-email'] || []), f.meta['osortoo:account-email'] || '', ...f.accountTexts];
  for (const text of candidates) {
    const email = EMAIL.exec(text)?.[0];
    if (email && !OSORTOO_EMAIL.test(email)) return email;
  }
  return undefined;
}

const short = (s: string | undefined) => (s ? s.slice(0, LIMITS.shortTextChars) : undefined);

/**
 * The contract's DrawContext from page facts. A local (dev) page counts as an Osortoo page
 * only when it carries Osortoo hook points, so the demo page behaves like the real app.
 */
export function drawContextFromFacts(f: PageFacts): DrawContext {
  const u = parse(f.url);
  const hooked = Object.keys(f.data).length > 0 || Object.keys(f.meta).length > 0;
  const onOsortooPage = isOsortooUrl(f.url) || (!!u && DEV_HOST.test(u.hostname) && hooked);
  if (!onOsortooPage) return { onOsortooPage: false };
  const platform = platformOf(f);
  const context: DrawContext = {
    onOsortooPage,
    url: canonicalDrawUrl(f.url),
    drawId: short(validId(f.data['draw-id']?.[0]) || validId(f.meta['osortoo:draw-id']) || drawIdFromUrl(f.url)),
    platform,
    pageOrUsername: short(pageOrUsernameOf(f, platform)),
    accountEmail: short(accountEmailOf(f)),
  };
  // Fields the page does not show are left out rather than sent as undefined.
  for (const key of Object.keys(context) as (keyof DrawContext)[]) if (context[key] === undefined) delete context[key];
  return context;
}

/** Reads the draw's context from a live page (the content script passes `document`). */
export function drawContextFromPage({ url, doc }: { url: string; doc: DocumentLike }): DrawContext {
  return drawContextFromFacts(readPageFacts(doc, url));
}
