/**
 * The one sentence a customer reads first about what the page recorded ("Instagram refused
 * access; 2 images of the page did not load"), in plain words: no "console", no status codes,
 * no URLs. The raw entries stay available, folded under "Technical details". Counts are of
 * entries (an error repeated 25 times is one entry ×25), the same unit the fold lists, so the
 * numbers the customer reads agree with each other.
 */
import type { DiagnosticEntry, Locale, Platform } from '../contract/schemas';
import { format, plural } from '../i18n/format';
import { FORM_MESSAGES } from '../i18n/form';

/** Error codes in a refused call's body name the platform that refused (IG_PERMISSION_MISSING). */
const PLATFORM_CODES: Record<string, Exclude<Platform, 'multi'>> = { IG: 'instagram', FB: 'facebook', YT: 'youtube' };

function refusingPlatform(entry: DiagnosticEntry & { kind: 'network' }, fallback: Platform | undefined): Platform | undefined {
  const code = /\b(IG|FB|YT)_[A-Z_]+/.exec(entry.body ?? '')?.[1];
  return (code && PLATFORM_CODES[code]) || fallback;
}

/** What the page recorded, counted in entries by what it means for the customer. */
export function captureFacts(entries: readonly DiagnosticEntry[], platform?: Platform) {
  const facts = { refusedBy: [] as (Platform | undefined)[], server: 0, images: 0, files: 0, pageErrors: 0 };
  for (const entry of entries) {
    if (entry.kind === 'network') {
      if (entry.status === 401 || entry.status === 403) facts.refusedBy.push(refusingPlatform(entry, platform));
      else if (entry.status === 0 || entry.status >= 400) facts.server += 1;
    } else if (entry.kind === 'resource') {
      if (entry.tag.toLowerCase() === 'img') facts.images += 1;
      else facts.files += 1;
    } else if (entry.kind === 'csp') facts.files += 1;
    else if (entry.kind !== 'console' || entry.level === 'error') facts.pageErrors += 1;
  }
  return facts;
}

/** The summary sentence, ending with a full stop, first letter capitalised. */
export function summarizeCapture(entries: readonly DiagnosticEntry[], locale: Locale, platform?: Platform): string {
  const t = FORM_MESSAGES[locale];
  const facts = captureFacts(entries, platform);
  const parts: string[] = [];
  for (const who of new Set(facts.refusedBy)) {
    parts.push(format(t.summaryRefused, { platform: who && who !== 'multi' ? t.platforms[who] : t.summaryNetwork }));
  }
  if (facts.server) parts.push(plural(locale, t.summaryServer, facts.server));
  if (facts.images) parts.push(plural(locale, t.summaryImages, facts.images));
  if (facts.files) parts.push(plural(locale, t.summaryFiles, facts.files));
  if (facts.pageErrors) parts.push(plural(locale, t.summaryPageErrors, facts.pageErrors));
  if (parts.length === 0) return t.summaryNothing;
  const sentence = parts.join(locale === 'fr' ? ' ; ' : '; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
