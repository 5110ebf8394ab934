/**
 * Every rule that recognises an Osortoo page by its URL lives here, so that it is easy to
 * correct when the app's real URL patterns are known (they are not public). Node-safe and
 * DOM-free: wxt.config.ts (Node) reads the match patterns, the content scripts' entry points
 * run on them, and the content script derives the draw's context with them
 * (utils/page/draw-context.ts). The canonical draw link, which needs the scrubber, has its own
 * module (utils/contract/draw-link.ts): the content script must not bundle the scrubber.
 *
 * What is an assumption (guessed, to be checked against the real app):
 * - the app lives on osortoo.com and its subdomains;
 * - draw pages live under `/giveaways/:id`, `/giveaway/:id/results`, `/draw(s)/:id`,
 *   `/tirage(s)/:id`, `/concours/:id` or `/project(s)/:id`, or carry `?giveaway=`, `?draw=`,
 *   `?project=` (and their `…Id` / `…_id` spellings), or `?id=` on a results path.
 * What the page itself may say (its DOM hook points) is read in utils/page/page-clues.ts.
 */
import type { Platform } from './ticket';

export { OSORTOO_PAGE_MATCHES, DEV_PAGE_MATCHES } from './page-matches';

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

/** Words that name a platform, in data attributes, meta tags and visible labels. */
const PLATFORM_WORDS: [RegExp, Platform][] = [
  [/^(?:multi|multiple|multi-?platform|multi-?plateforme|mixed)$/i, 'multi'],
  [/^(?:facebook|fb|meta)$/i, 'facebook'],
  [/^(?:instagram|ig|insta)$/i, 'instagram'],
  [/^(?:youtube|yt)$/i, 'youtube'],
];

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
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && OSORTOO_HOST.test(u.hostname);
}

/** Whether a URL is on the local demo page's hosts (an Osortoo page only if the page says so). */
export function isDevHostUrl(url: string): boolean {
  const u = parse(url);
  return !!u && DEV_HOST.test(u.hostname);
}

/** The id if it has the shape of a draw id (and is not a path word such as `new` or `results`). */
export function validDrawId(id: string | null | undefined): string | undefined {
  return id && ID_SHAPE.test(id) && !NOT_AN_ID.test(id) ? id : undefined;
}

/** The draw id a URL carries, by the assumed patterns (see the module comment). */
export function drawIdFromUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u) return undefined;
  for (const pattern of DRAW_PATHS) {
    const id = validDrawId(pattern.exec(u.pathname)?.[1]);
    if (id) return id;
  }
  for (const [name, value] of u.searchParams) {
    if (DRAW_PARAMS.includes(name.toLowerCase())) {
      const id = validDrawId(value);
      if (id) return id;
    }
  }
  return RESULTS_PATH.test(u.pathname) ? validDrawId(u.searchParams.get('id')) : undefined;
}

/** Maps a label such as "Instagram", "fb" or "multi-platform" to a platform. */
export function platformFromWord(word: string): Platform | undefined {
  const w = word.trim();
  return PLATFORM_WORDS.find(([re]) => re.test(w))?.[1];
}
