/**
 * Ends every vitest run with one plain line, `Tests: N passed, N failed, N skipped`, that any
 * CI can read whatever it knows of vitest's own output.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** What the count reads of a test module (vitest's TestModule has it; tests build it by hand). */
export interface ModuleOutcome {
  state(): string;
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

/**
 * The counts. A test that did not run because its file failed around it (a `beforeAll` that
 * threw: no browser, no build) counts as failed, not skipped: a line reading "0 failed" must
 * mean nothing went wrong.
 */
export function summarize(modules: Iterable<ModuleOutcome>, unhandledErrors = 0): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = unhandledErrors;
  let skipped = 0;
  for (const module of modules) {
    const moduleFailed = module.state() === 'failed';
    const tests = [...module.children.allTests()];
    if (moduleFailed && tests.length === 0) failed += 1;
    for (const test of tests) {
      const state = test.result().state;
      if (state === 'passed') passed += 1;
      else if (state === 'failed' || moduleFailed) failed += 1;
      else skipped += 1;
    }
  }
  return { passed, failed, skipped };
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const { passed, failed, skipped } = summarize(testModules, unhandledErrors.length);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
