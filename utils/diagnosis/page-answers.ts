/**
 * Where what a page sent enters the extension's trusted side. The content script's snapshot is
 * page-controlled (a hostile page can forge the hook's events, or answer in place of the content
 * script's data) and raw: the worker scrubs every text in it (utils/diagnosis/scrub-page-answers.ts)
 * and validates it here, against the contract, before anything else reads it. Pure: no
 * extension APIs.
 */
import { DiagnosticEntrySchema, DrawContextSchema, type DiagnosticEntry, type Diagnostics } from '../contract/schemas';
import { LIMITS } from '../contract/limits';
import { NO_PAGE, type PageAnswers, type PageMeasurements } from '../extension/messaging';
import { scrubContext, scrubEntryTexts } from './scrub-page-answers';

/**
 * Keeps the entries that match the contract, scrubbed; anything else the page sent is counted as
 * dropped. Stops at the contract's number of entries: a forged list costs no more than that.
 */
export function validateDiagnostics(raw: unknown): Diagnostics {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as { entries?: unknown; dropped?: unknown };
  const list = Array.isArray(input.entries) ? input.entries : [];
  const entries: DiagnosticEntry[] = [];
  for (const entry of list) {
    if (entries.length === LIMITS.entries) break;
    const parsed = DiagnosticEntrySchema.safeParse(scrubEntryTexts(entry));
    if (parsed.success) entries.push(parsed.data);
  }
  const dropped =
    (typeof input.dropped === 'number' && Number.isSafeInteger(input.dropped) && input.dropped >= 0 ? input.dropped : 0) +
    (list.length - entries.length);
  return { entries, dropped, leftOut: 0 };
}

const finite = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback);

/** The page's own measurements, as numbers whatever it sent. */
function validatePageMeasurements(raw: unknown): PageMeasurements | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { viewport, screen, devicePixelRatio, online } = raw as Record<string, { width?: unknown; height?: unknown } | undefined>;
  return {
    viewport: { width: finite(viewport?.width, 0), height: finite(viewport?.height, 0) },
    screen: { width: finite(screen?.width, 0), height: finite(screen?.height, 0) },
    devicePixelRatio: finite(devicePixelRatio, 1) || 1,
    online: (online as unknown) !== false,
  };
}

/**
 * What a tab whose content script did not answer in time contributes (a busy page: the content
 * script shares its main thread): nothing of the page's own, and a note in the ticket that the
 * page's part is missing, so support does not read "no errors" where none could be collected.
 */
export function latePageAnswers(): PageAnswers {
  return { ...NO_PAGE, diagnostics: { ...NO_PAGE.diagnostics, missing: ['page-snapshot'] } };
}

/**
 * Validates a tab's snapshot. The page rules decide whether this is an Osortoo page: in
 * development builds the content scripts also answer on any localhost page, which must not
 * pass for a draw page. Another site's errors are none of support's business: diagnostics
 * come from Osortoo pages only.
 */
export function validatePageAnswers(snapshot: unknown): PageAnswers {
  if (typeof snapshot !== 'object' || snapshot === null) return NO_PAGE;
  const raw = snapshot as { context?: unknown; diagnostics?: unknown; page?: unknown };
  const page = validatePageMeasurements(raw.page);
  const context = DrawContextSchema.safeParse(scrubContext(raw.context));
  if (!context.success || !context.data.onOsortooPage) return { ...NO_PAGE, page };
  return { onOsortooPage: true, context: context.data, diagnostics: validateDiagnostics(raw.diagnostics), page };
}
