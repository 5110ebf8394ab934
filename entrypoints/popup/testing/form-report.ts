/**
 * The form's test-only door, e2e build only (main.tsx imports it behind `__TEST_DOORS__`, so the
 * release and development bundles drop it; see test-doors.d.ts):
 * - the toolbar's popup is not a page Playwright can attach to, so the form reports here, in
 *   `storage.session`, when its diagnostics were ready and what they held, and closes itself
 *   when a test asks; tests and the benchmark read the report from the worker;
 * - a form opened as a page (in a window) lets tests drive the full-page capture where it
 *   runs for real (`__osortooTest.form`).
 */
import { browser } from 'wxt/browser';
import type { ReadyDetail } from '../../../utils/diagnosis/diagnose';
import { captureFullPage } from '../../../utils/screenshots/full-page';
import { CLOSE_KEY, REPORT_KEY, type FormReport } from './report-keys';

export interface FormDoor {
  captureFullPage: typeof captureFullPage;
}

globalThis.__osortooTest = { ...globalThis.__osortooTest, form: { captureFullPage } };

function ownMarks(): Record<string, number> {
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('osortoo:'));
  return Object.fromEntries(marks.map((m) => [m.name.slice('osortoo:'.length), Math.round(m.startTime)]));
}

// Reported when the diagnostics are ready, and again when the form shows them filled in.
new PerformanceObserver((list) => {
  if (!list.getEntries().some((e) => e.name === 'osortoo:diagnostics-ready' || e.name === 'osortoo:form-filled')) return;
  const [ready] = performance.getEntriesByName('osortoo:diagnostics-ready') as PerformanceMark[];
  if (!ready) return;
  const report: FormReport = {
    ...(ready.detail as ReadyDetail),
    url: location.href,
    openedAt: performance.timeOrigin,
    readyAt: performance.timeOrigin + ready.startTime,
    marks: ownMarks(),
  };
  void browser.storage.session.set({ [REPORT_KEY]: report });
}).observe({ type: 'mark', buffered: true });

browser.storage.session.onChanged.addListener((changes) => {
  if (CLOSE_KEY in changes) window.close();
});
