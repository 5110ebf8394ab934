/**
 * The names named-values.ts (and cookie-strings.ts) have read before, with their kinds
 * (secret-names.ts) and their markers, found again in place: a name that repeats is compared
 * where it stands in the text, with no string cut out of it, no lookup by string and no marker
 * made again.
 *
 * Three levels. The name read last is compared first, by where it ends (`lastAt`): a log or a
 * query string repeats one name (`token=…&token=…`), and this needs no read back to where the
 * name starts. Otherwise the name is read back, its hash summed on the way (name-start.ts), and
 * compared by hash with the last few names (`remember`): JSON and query strings alternate a few
 * (`"secret"…"password"`). Behind them, a table indexed by the hash: a page cycles through more
 * names than that (`token=…&secret=…&pwd=…&…`), and a hostile megabyte holds 90,000 names never
 * seen before (`x1_token=…&x2_token=…`), for which two `Map`s (a kind and a marker by name) cost
 * as much as deciding the kind. A table slot holds one name: a collision replaces it, and the
 * name costs a decision again, never a different answer.
 *
 * Only the name read last is compared in place: comparing each recent name there cost a name
 * never seen before four failed comparisons, more than reading it back once.
 */
import { removed } from './markers';
import { hashOf, isNameChar, sameAt, startsAtName } from './name-start';
import { type NameKind, nameKind } from './secret-names';

/** How a value follows its name: `name=value`, `"name": "value"`, `name: value`. */
export type Form = 'pair' | 'json' | 'label';

/** A name read before, its kind and its markers by form. */
export interface KnownName {
  name: string;
  /** `hashOf` the name: names are told apart by it before their characters are compared. */
  hash: number;
  kind: NameKind | undefined;
  /**
   * Its markers by form, made on first use ('' until then: a field that goes from undefined to
   * a string changes the entries' shape under compiled code, which throws it away).
   */
  pair: string;
  json: string;
  label: string;
  /** Only name characters, 64 or fewer: found again in place where `nameStart` would find it, see `startsAtName`. */
  plain: boolean;
  /**
   * Whether its marker after a label must be lowered: true unless the name is plain and
   * `nameStart` read no capital in it (`lowered` would give the name itself: an 80,000-name
   * megabyte of labels spent 5 % of its time reading each name again to find that out).
   */
  capitals: boolean;
}

/** The marker of a name's value in this form (a field each: a keyed access per value costs more). */
export function markerOf(known: KnownName, kind: NameKind, form: Form): string {
  const marker = form === 'pair' ? known.pair : form === 'json' ? known.json : known.label;
  if (marker) return marker;
  const made = removed(
    kind === 'cookie' ? 'cookie' : (kind === 'authorization' || form === 'label') && known.capitals ? lowered(known.name) : known.name,
  );
  if (form === 'pair') known.pair = made;
  else if (form === 'json') known.json = made;
  else known.label = made;
  return made;
}

/**
 * `name.toLowerCase()`, or the name itself when it has nothing to lower: `toLowerCase` makes a
 * new string even then, and a megabyte can hold 80,000 labels never seen before (`x1_token: …`).
 */
function lowered(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return name.toLowerCase();
  }
  return name;
}

/** How many recent names are compared by hash before the table. */
const RECENT = 4;

/**
 * Swaps the `i`th recent name with the first. Not by destructuring (`[a, b] = [b, a]`): JSON
 * alternates two names (`"secret"…"password"`), so this runs once per value, and a destructuring
 * swap builds an array and iterates it.
 */
function moveFirst(recent: KnownName[], i: number): void {
  const known = recent[i]!;
  recent[i] = recent[0]!;
  recent[0] = known;
}

/** The name read last, if it ends at `nameEnd` too, found in place (see `startsAtName`); or undefined. */
export function lastAt(recent: KnownName[], text: string, nameEnd: number): KnownName | undefined {
  const known = recent[0];
  if (!known) return undefined;
  const start = nameEnd - known.name.length;
  return known.plain && start >= 0 && sameAt(text, start, known.name) && startsAtName(text, start, nameEnd) ? known : undefined;
}

/** Slots of the table: a page's names fit, with room to spare against collisions; a power of two. */
const SLOTS = 4096;

/**
 * Names by a hash of their characters, kept from one text to the next (pages log the same names
 * over and over). Bounded by its slots, so a page cannot grow it. The hashes have their own
 * array: a name never seen before is told apart by its hash alone, without a read of the entry
 * in the slot (most often far away in memory: a hostile megabyte fills the table 20 times).
 * Built on first use (see utils/contract/scrub.ts).
 */
let TABLE: { hashes: Int32Array; names: (KnownName | undefined)[] } | undefined;

/** Whether `name` is only name characters, and 64 or fewer (see `KnownName.plain`): asked once, when its entry is made. */
function isPlain(name: string): boolean {
  if (name.length > 64) return false;
  for (let i = 0; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

/** Whether `known` is the name `text[start, end)`, whose `hashOf` is `hash`: by hash and length first, then in place. */
const isNameAt = (known: KnownName, hash: number, text: string, start: number, end: number): boolean =>
  known.hash === hash && known.name.length === end - start && sameAt(text, start, known.name);

/**
 * The name `text[start, nameEnd)`, whose `hashOf` is `hash`, from the recent names or the table,
 * or a new entry for it (`plain` and `capitals` as `nameStart` read them: see `NameAt`); made the
 * first recent name.
 */
export function remember(
  recent: KnownName[],
  text: string,
  start: number,
  nameEnd: number,
  hash: number,
  plain: boolean | undefined,
  capitals: boolean,
): KnownName {
  for (let i = 0; i < recent.length; i++) {
    const known = recent[i]!;
    if (!isNameAt(known, hash, text, start, nameEnd)) continue;
    if (i) moveFirst(recent, i);
    return known;
  }
  const known = tableEntry(text, start, nameEnd, hash, plain, capitals);
  if (recent.length === RECENT) recent[RECENT - 1] = known;
  else recent.push(known);
  moveFirst(recent, recent.length - 1);
  return known;
}

/**
 * The kind of the name `text[start, end)`, from the table (cookie-strings.ts: a megabyte of
 * `document.cookie` is 200,000 names, a few of them over and over).
 */
export function kindAt(text: string, start: number, end: number): NameKind | undefined {
  return tableEntry(text, start, end, hashOf(text, start, end), undefined, true).kind;
}

/**
 * `text.slice(start, end)`, made a string of its own. V8 keeps a slice of 13 characters or more as
 * a window on the whole text, and the table outlives the text: five texts of 8 MB, each with a
 * `client_secret_N` in it, stayed in memory (64 MB) after they were scrubbed and dropped. The
 * slice of a rope made of a space and the name is a window on a copy the length of the name.
 */
function ownCopy(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  return name.length < 13 ? name : ` ${name}`.slice(1);
}

/**
 * The table's entry for `text[start, end)` (`hash` its `hashOf`), made and kept there if it has
 * none; whether it is plain read from the name unless the caller knows. `capitals` is the
 * caller's: true unless it read the whole name and no capital in it (`nameStart` says true
 * whenever it does not know the name plain; see `KnownName.capitals`).
 */
function tableEntry(text: string, start: number, end: number, hash: number, plain: boolean | undefined, capitals: boolean): KnownName {
  TABLE ||= { hashes: new Int32Array(SLOTS), names: new Array<KnownName | undefined>(SLOTS).fill(undefined) };
  const slot = hash & (SLOTS - 1);
  // The slot's hash first, from its own array: the entry is read only when the hashes agree.
  const known = TABLE.hashes[slot] === hash ? TABLE.names[slot] : undefined;
  if (known && isNameAt(known, hash, text, start, end)) return known;
  const name = ownCopy(text, start, end);
  const made: KnownName = {
    name,
    hash,
    kind: name ? nameKind(name) : undefined,
    pair: '',
    json: '',
    label: '',
    plain: plain ?? isPlain(name),
    capitals,
  };
  TABLE.hashes[slot] = hash;
  TABLE.names[slot] = made;
  return made;
}
