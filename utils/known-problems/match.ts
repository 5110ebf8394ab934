/**
 * The one module that matches the catalogue against what was captured: the first problem (in
 * catalogue order) with a matcher that fires on a captured entry, and a short signature of what
 * matched for support (`network 400 graph.facebook.com error.code=190 error_subcode=463`). The
 * entries are already scrubbed by the worker (utils/diagnosis/scrub-page-answers.ts), which keeps
 * error codes and trace ids; the signature names a host, never a path.
 */
import type { DiagnosticEntry } from '../contract/schemas';
import { hasPath, readErrorFields, type ErrorFields } from './error-body';
import type { Catalogue, KnownProblem, Matcher } from './schema';

export interface ProblemMatch {
  problem: KnownProblem;
  /** What matched, for the ticket's `knownProblem.matched` (≤ 500 characters). */
  matched: string;
}

type Codes = NonNullable<Extract<Matcher, { on: 'network' }>['code']>;

const inCodes = (value: number | undefined, codes: Codes) =>
  value !== undefined && codes.some((c) => (typeof c === 'number' ? c === value : value >= c.min && value <= c.max));
const test = (pattern: string, text: string | undefined) => text !== undefined && new RegExp(pattern, 'i').test(text);
const lower = (words: string[]) => words.map((w) => w.toLowerCase());

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The app's own API: the draw page's origin, or any osortoo.com host. */
function isOwnApi(url: string, pageUrl: string | undefined): boolean {
  try {
    const target = new URL(url);
    if (/(^|\.)osortoo\.com$/i.test(target.hostname)) return true;
    return pageUrl !== undefined && target.origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}

type NetworkEntry = Extract<DiagnosticEntry, { kind: 'network' }>;

function networkFires(m: Extract<Matcher, { on: 'network' }>, e: NetworkEntry, f: ErrorFields, pageUrl?: string): boolean {
  if (m.status && !inCodes(e.status, m.status)) return false;
  if (m.url !== undefined && !test(m.url, e.url)) return false;
  if (m.ownApi && !isOwnApi(e.url, pageUrl)) return false;
  if (m.code && !inCodes(f.code, m.code)) return false;
  if (m.subcode && !inCodes(f.subcode, m.subcode)) return false;
  if (m.noSubcode && f.subcode !== undefined) return false;
  if (m.type && !lower(m.type).includes((f.type ?? '').toLowerCase())) return false;
  if (m.reason && !f.reasons.some((r) => lower(m.reason!).includes(r.toLowerCase()))) return false;
  if (m.has && !m.has.every((path) => hasPath(f, path))) return false;
  // The whole excerpt only when it did not parse (its keys would match words like "card").
  if (m.message !== undefined && !test(m.message, f.message ?? (f.json === undefined ? e.body : undefined))) return false;
  // A failed call only: a matcher with no status still needs one.
  return e.status === 0 || e.status >= 400;
}

function networkSignature(e: NetworkEntry, f: ErrorFields): string {
  const parts = [`network ${e.status}`, hostOf(e.url)];
  if (f.code !== undefined) parts.push(`error.code=${f.code}`);
  if (f.subcode !== undefined) parts.push(`error_subcode=${f.subcode}`);
  if (f.type) parts.push(`type=${f.type.slice(0, 60)}`);
  if (f.reasons.length) parts.push(`reason=${f.reasons.slice(0, 3).join(',').slice(0, 100)}`);
  return parts.filter(Boolean).join(' ');
}

/** The first catalogue problem that fires, with what matched; shown entries are looked at first. */
export function matchKnownProblem(catalogue: Catalogue, entries: readonly DiagnosticEntry[], pageUrl?: string): ProblemMatch | undefined {
  const ordered = [...entries.filter((e) => e.kind === 'shown'), ...entries.filter((e) => e.kind !== 'shown')];
  const bodies = new Map<DiagnosticEntry, ErrorFields>();
  const fieldsOf = (e: NetworkEntry) => {
    const known = bodies.get(e);
    if (known) return known;
    const f = readErrorFields(e.body);
    bodies.set(e, f);
    return f;
  };
  for (const problem of catalogue.problems) {
    for (const matcher of problem.matchers) {
      for (const e of ordered) {
        let matched: string | undefined;
        if (matcher.on === 'network' && e.kind === 'network') {
          if (networkFires(matcher, e, fieldsOf(e), pageUrl)) matched = networkSignature(e, fieldsOf(e));
        } else if (matcher.on !== 'network' && (e.kind === 'shown' || e.kind === 'console') && matcher.on === e.kind) {
          const source = e.kind === 'shown' ? `shown ${e.via}` : `console ${e.level}`;
          if (test(matcher.message, e.message)) matched = `${source} "${e.message.slice(0, 200)}"`;
        }
        if (matched !== undefined) return { problem, matched: matched.slice(0, 500) };
      }
    }
  }
  return undefined;
}
