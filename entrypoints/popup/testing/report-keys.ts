/**
 * What the e2e build's form reports (form-report.ts writes it, the e2e harness and the benchmark
 * read it): the `storage.session` keys and the report's shape, with no side effect so that
 * Node can import it.
 */
import type { ReadyDetail } from '../../../utils/diagnosis/diagnose';

export const REPORT_KEY = 'osortooTest:form';
export const CLOSE_KEY = 'osortooTest:closeForms';

/** What a form reports once its diagnostics are ready (times in epoch ms, one clock). */
export interface FormReport extends ReadyDetail {
  url: string;
  /** When the form's document started (its navigation). */
  openedAt: number;
  /** When its diagnostics were ready. */
  readyAt: number;
  /** The form's own `osortoo:*` performance marks, in ms since it opened. */
  marks: Record<string, number>;
}
