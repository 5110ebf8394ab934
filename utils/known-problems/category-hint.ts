/**
 * The category the form pre-selects from what was captured when no known problem matched: a
 * failed billing call means billing, any other failed call an API error. The customer can
 * change it; without a failed call nothing is suggested (the form keeps its default).
 */
import type { Category, DiagnosticEntry } from '../contract/schemas';

/** Paths of billing calls (the app's own, a payment provider's); easy to correct as they become known. */
export const BILLING_URL = /billing|payment|checkout|subscription|invoice|stripe|paypal|\/plans?\b/i;

/** The category suggested by the captured entries, if any. */
export function categoryHint(entries: readonly DiagnosticEntry[]): Category | undefined {
  const failed = entries.filter((e) => e.kind === 'network' && (e.status === 0 || e.status >= 400));
  if (failed.some((e) => e.kind === 'network' && BILLING_URL.test(e.url))) return 'billing';
  return failed.length > 0 ? 'api_error' : undefined;
}
