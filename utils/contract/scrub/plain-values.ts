/**
 * Whether a value after a credential's name is ordinary words rather than the credential:
 * `password: required`, `mot de passe : requis`, `authorization: none`, `Le secret : bien choisir`,
 * `{"password": ["This field is required."]}` are what pages and APIs say about credentials, and
 * support needs them word for word. And whether a short name's value is random (an OAuth code)
 * or reads as an error code (`IG_PERMISSION_MISSING`, `quotaExceeded`, `auth/popup-closed-by-user`).
 *
 * Every check reads a bounded slice (names and words are short), so none of them can make a
 * rule slower than linear.
 */

/** Single words that answer "password:" without being one (English and French). */
const STATUS_WORDS =
  'required requis requise obligatoire mandatory missing manquant manquante absent absente none aucun aucune null nil undefined empty vide blank ' +
  'invalid invalide incorrect incorrecte wrong erroné erronée expired expiré expirée revoked révoqué révoquée forgotten forgot oublié oubliée ' +
  'reset réinitialisé réinitialisée changed changé changée modifié modifiée updated weak faible strong fort forte short court courte long longue ' +
  'ok okay yes oui no non not pas true false vrai faux hidden caché cachée masked masqué masquée redacted optional facultatif facultative optionnel ' +
  'optionnelle needed necessary nécessaire set unset defined défini définie present présent présente valid valide denied refusé refusée rejected ' +
  'accepted accepté acceptée disabled désactivé désactivée enabled activé activée unknown inconnu inconnue unavailable indisponible pending error ' +
  'erreur failed échec failure mismatch protected protégé protégée encrypted chiffré chiffrée saved enregistré enregistrée sent envoyé envoyée ' +
  'removed supprimé supprimée same identique unchanged inchangé inchangée different différent différente supported unsupported allowed autorisé ' +
  'autorisée forbidden interdit interdite unauthorized unauthorised authorized default défaut auto automatic automatique provided fourni fournie ' +
  'omitted omis ignored ignoré see voir below above ci-dessous ci-dessus n/a na tbd bien trop too rien nothing personne nobody';

/** Authorization schemes: `Authorization: Bearer …` is a credential however it reads. */
const SCHEMES = /^(?:bearer|basic|digest|token|oauth|negotiate|ntlm|hawk|apikey|api-key|aws4-hmac-sha256|sharedkey|mac|dpop|gnap)$/i;

let STATUS: Set<string> | undefined;
const statusWords = (): Set<string> => (STATUS ||= new Set(STATUS_WORDS.split(' ')));

/** A word: letters (accented too), inner apostrophes and hyphens, no camelCase hump inside. */
const isWord = (w: string): boolean => w.length <= 24 && /^\p{L}[\p{L}'’-]*$/u.test(w) && !/\p{Ll}\p{Lu}/u.test(w);
const trimPunctuation = (w: string): string => w.replace(/^[([«"'“]+/, '').replace(/[.,;:!?…)\]»"'”]+$/, '');

/**
 * For a name written as a label in prose or a header dump (`password: …`): whether what follows
 * reads as words. A status word (`required`, `requis`, `none`), or a word followed by more text
 * on the line (`bien choisir`, `Session has expired`), or a small number followed by a word
 * (`8 caractères minimum`). A lone word that is not a status word is taken for a password
 * (`password: letmein`); anything with digits or symbols in it is a credential.
 */
export function readsAsProse(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at < 80 && !isSpace(text.charCodeAt(end))) end++;
  if (end === at) return true;
  const first = text.slice(at, end);
  const word = trimPunctuation(first);
  if (!word || statusWords().has(word.toLowerCase())) return true;
  // More text on the line: spaces or tabs, then a letter (or anything, after a word).
  let next = end;
  while (text[next] === ' ' || text[next] === '\t') next++;
  const more = next > end && next < text.length && !isSpace(text.charCodeAt(next));
  if (isWord(word)) return (more && !SCHEMES.test(word)) || /[.!?…]$/.test(first);
  return more && /^\d{1,3}$/.test(word) && /\p{L}/u.test(text[next]!);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 12 || c === 11;

/**
 * For a quoted value (JSON, a JS object dump): whether it is a status word or a sentence, e.g. a
 * validation message `"This field is required."`. A sentence has three words or more, of letters
 * (one short number allowed), and ends like one; `"correct horse battery staple"` does not.
 */
export function quotedProse(value: string): boolean {
  const t = value.trim();
  if (!t) return true;
  if (t.length > 300) return false;
  if (statusWords().has(trimPunctuation(t).toLowerCase())) return true;
  const words = t.split(/\s+/);
  if (words.length < 3 || !/[.!?…)]$/.test(t)) return false;
  let numbers = 0;
  for (const w of words) {
    const core = trimPunctuation(w);
    if (isWord(core) || (/^\d{1,3}$/.test(core) && ++numbers === 1)) continue;
    return false;
  }
  return !SCHEMES.test(words[0]!);
}

/** JSON's and JS's literals: a credential's name with one of these holds nothing. */
export const isLiteral = (value: string): boolean => /^(?:null|true|false|undefined|none|nil|NaN|[*•●·—–-]+)$/i.test(value);

/**
 * One part of an error code: a number, a word in one case, a Capitalised or camelCase word, an
 * acronym before a word (`OAuthException`), each with an optional number at the end (`ERROR404`).
 */
const CODE_PART = /^(?:\d+|[A-Z]+\d*|[a-z]+\d*|[A-Z]*(?:[A-Z][a-z]+)+\d*|[a-z]+(?:[A-Z][a-z]+)+\d*)$/;

/**
 * Whether the value of a short name (`code`, `key`, `session`…) looks random, i.e. is a
 * credential: a part of eight characters or more that is not a part of an error code or a
 * dotted key (`IG_PERMISSION_MISSING`, `quotaExceeded`, `draw.results.title`, `2024-11-24`).
 * Random strings mix digits into letters (`AQDx9k2m`), change case at random (`AQDxkmLp`) or
 * run longer than words do.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 8) return false;
  // Words are short: a run of 17 letters in one case is not part of an error code.
  if (value.length > 80 || /[a-z]{17}|[A-Z]{17}/.test(value)) return true;
  // A random part is long: `8f3k2` in `participants-8f3k2.csv` is an id, `AQDx9k2mLpq` a code.
  return value.split(/[_./:-]+/).some((part) => part.length >= 8 && !CODE_PART.test(part));
}

/** Whether an `Authorization:`-like value names a scheme or reads as words (`none`, `required for this Page`). */
export function schemeFirst(text: string, at: number): boolean {
  const head = /^["']?([\w-]+)[ \t]+\S/.exec(text.slice(at, at + 40));
  return !!head && SCHEMES.test(head[1]!);
}
