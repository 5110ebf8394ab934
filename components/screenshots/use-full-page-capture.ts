/**
 * The whole-page capture as the panel runs it: one at a time, with its progress (fraction and
 * stage, as reported by the capture, never invented) and a Cancel that aborts it. What to do
 * with the result stays with the panel.
 */
import { useRef, useState } from 'react';
import type { FullPageStage } from '../../utils/screenshots/full-page';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';

export type FullPageOutcome = FormScreenshot | { error: string } | { cancelled: true };
export type CaptureFullPage = (
  onProgress: (fraction: number, stage: FullPageStage) => void,
  signal: AbortSignal,
) => Promise<FullPageOutcome>;

export interface FullPageProgress {
  fraction: number;
  stage: FullPageStage;
}

export function useFullPageCapture(capture: CaptureFullPage | undefined) {
  const [progress, setProgress] = useState<FullPageProgress>();
  const controller = useRef<AbortController>(undefined);

  const start = async (): Promise<FullPageOutcome | undefined> => {
    if (!capture || controller.current) return undefined;
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ fraction: 0, stage: 'injecting' });
    try {
      const outcome = await capture((fraction, stage) => {
        if (!abort.signal.aborted) setProgress({ fraction, stage });
      }, abort.signal).catch((error: unknown): FullPageOutcome => ({ error: String(error) }));
      return abort.signal.aborted ? { cancelled: true } : outcome;
    } finally {
      controller.current = undefined;
      setProgress(undefined);
    }
  };

  return { progress, start, cancel: () => controller.current?.abort() };
}
