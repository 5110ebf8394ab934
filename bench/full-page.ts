/**
 * `fullpage_*`: the form's own `captureFullPage` (inject, clone, draw, compress, from the form)
 * on draw pages built the way real ones are (tests/fixtures/in-flow-draw-page.ts: comments in
 * the document flow, cards with shadows and avatars), classic and modern (oklch()…) CSS, 380
 * and 2,000 comments, plus the old demo page whose 2,000 comments sit in a scroll box. Beside
 * each: plain `html2canvas(document.body)` (1.4.1) on the same page in the same run, or, where
 * it throws (modern CSS), on the page's classic twin (same markup, same size).
 *
 * Every run is a fresh tab (a customer's first capture pays for a cold library and cold caches;
 * a second capture on the same tab is 2-3× faster and would flatter the figure). In the tab, a
 * `longtask` PerformanceObserver records the main-thread tasks of 50 ms or more while the
 * capture runs: the longest is `fullpage_longest_task_ms`.
 */
import { join } from 'node:path';
import type { Browser } from '../tests/e2e/support/harness';

type Harness = typeof import('../tests/e2e/support/harness');

export interface FullPageRow {
  page: string;
  pageHeight: number;
  ms: number;
  longestTaskMs: number;
  bytes: number;
  width: number;
  height: number;
  cut?: { capturedPx: number; pagePx: number };
  plainMs: number;
  plainLongestTaskMs: number;
  /** Where plain html2canvas was measured: this page, or its classic twin when it throws here. */
  plainOn: 'same page' | 'classic twin';
}

export const FULLPAGE_PAGES = [
  { name: 'in-flow 380, classic', query: 'flow=380&css=classic' },
  { name: 'in-flow 380, modern', query: 'flow=380&css=modern', twin: 'flow=380&css=classic' },
  { name: 'in-flow 2,000, classic', query: 'flow=2000&css=classic' },
  { name: 'in-flow 2,000, modern', query: 'flow=2000&css=modern', twin: 'flow=2000&css=classic' },
  { name: 'scroll box 2,000', query: 'comments=2000&quiet=1' },
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Registered in the tab before anything is measured; `__longTasks` is reset per measure. */
const OBSERVE = () => {
  const w = globalThis as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
};
const RESET = () => {
  (globalThis as unknown as { __longTasks: number[] }).__longTasks = [];
};
const LONGEST = () => Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks);

export async function measureFullPage(
  harness: Harness,
  browser: Browser,
  drawUrl: string,
  { runs, root }: { runs: number; root: string },
): Promise<FullPageRow[]> {
  const open = async (query: string) => {
    const url = `${drawUrl}?${query}`;
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('load');
    await page.evaluate(OBSERVE);
    await page.waitForTimeout(300); // let the load's own tasks pass
    return { page, url };
  };
  /** Ours, from the form, in a fresh tab. */
  const ours = async (query: string) => {
    const { page, url } = await open(query);
    const tabId = await harness.tabIdOf(browser.worker, url);
    const opened = Date.now();
    const form = await harness.openForm(browser, tabId);
    await form.waitForFunction(() => '__osortooTest' in globalThis);
    // The form's own collection at opening (the page's snapshot) is not the capture: it must be
    // over before the capture's tasks are counted; its longest task is logged apart.
    await harness.formReport(browser, (r) => r.openedAt >= opened - 1000 && r.marks['form-filled'] !== undefined, 60_000);
    await page.waitForTimeout(300);
    const atOpening = await page.evaluate(LONGEST);
    // The form draws and compresses the image: its own longest task says how responsive it stays.
    await form.evaluate(OBSERVE);
    // tsx names the functions it compiles with a `__name` helper the page does not have.
    await form.evaluate('globalThis.__name ??= (f) => f');
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.evaluate(RESET);
    const r = await form.evaluate(async (id) => {
      const t0 = performance.now();
      // When each stage was first reported, from the click: where the time goes.
      const stages: Record<string, number> = {};
      const capture = await __osortooTest.form.captureFullPage(id, {
        budgetMs: 60_000,
        onProgress: (_fraction: number, stage: string) => {
          stages[stage] ??= Math.round(performance.now() - t0);
        },
      });
      if (!capture.ok) throw new Error(`full page failed: ${capture.reason} ${capture.detail ?? ''}`);
      return { ms: performance.now() - t0, meta: capture.meta, stages };
    }, tabId);
    await page.waitForTimeout(200); // the observer reports after the task ends
    const longest = await page.evaluate(LONGEST);
    const formLongest = await form.evaluate(LONGEST);
    await form.close();
    await page.close();
    return { ...r, longest, pageHeight, atOpening, formLongest };
  };
  /** Plain html2canvas(document.body) in a fresh tab; undefined when it throws (modern CSS). */
  const plain = async (query: string) => {
    const { page } = await open(query);
    await page.addScriptTag({ path: join(root, 'node_modules/html2canvas/dist/html2canvas.min.js') });
    await page.evaluate(RESET);
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      try {
        await (globalThis as unknown as { html2canvas: (e: HTMLElement) => Promise<unknown> }).html2canvas(document.body);
      } catch {
        return undefined;
      }
      return performance.now() - t0;
    });
    await page.waitForTimeout(200);
    const longest = await page.evaluate(LONGEST);
    await page.close();
    return ms === undefined ? undefined : { ms, longest };
  };

  const rows: FullPageRow[] = [];
  for (const spec of FULLPAGE_PAGES) {
    const mine: Awaited<ReturnType<typeof ours>>[] = [];
    const theirs: { ms: number; longest: number }[] = [];
    let plainOn: FullPageRow['plainOn'] = 'same page';
    // Alternating, so that the shared machine's load drifts on both alike.
    for (let i = 0; i < runs; i++) {
      mine.push(await ours(spec.query));
      let reference = await plain(spec.query);
      if (!reference && 'twin' in spec) {
        plainOn = 'classic twin';
        reference = await plain(spec.twin);
      }
      if (!reference) throw new Error(`plain html2canvas failed on ${spec.name}`);
      theirs.push(reference);
    }
    const last = mine.at(-1)!;
    rows.push({
      page: spec.name,
      pageHeight: last.pageHeight,
      ms: median(mine.map((m) => m.ms)),
      longestTaskMs: median(mine.map((m) => m.longest)),
      bytes: median(mine.map((m) => m.meta.bytes)),
      width: last.meta.width,
      height: last.meta.height,
      cut: last.meta.cut,
      plainMs: median(theirs.map((t) => t.ms)),
      plainLongestTaskMs: median(theirs.map((t) => t.longest)),
      plainOn,
    });
    console.log(
      `  ${spec.name} (${last.pageHeight} px): ours ${mine.map((m) => Math.round(m.ms)).join(', ')} ms (longest task ${mine.map((m) => Math.round(m.longest)).join(', ')}), plain html2canvas ${theirs.map((t) => Math.round(t.ms)).join(', ')} ms (longest task ${theirs.map((t) => Math.round(t.longest)).join(', ')}) on the ${plainOn}; longest task while the form opened (not counted) ${mine.map((m) => Math.round(m.atOpening)).join(', ')}; the form's own longest task ${mine.map((m) => Math.round(m.formLongest)).join(', ')}; stages (ms from the click) ${JSON.stringify(last.stages)}`,
    );
  }
  return rows;
}
