import { describe, expect, it } from 'vitest';
import { type ModuleOutcome, summarize } from './summary-reporter';

const module = (state: string, tests: string[]): ModuleOutcome => ({
  state: () => state,
  children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) },
});

describe('summarize', () => {
  it('counts passed, failed and skipped tests of files that ran', () => {
    expect(summarize([module('passed', ['passed', 'passed', 'skipped']), module('failed', ['passed', 'failed'])])).toEqual({
      passed: 3,
      failed: 1,
      skipped: 1,
    });
  });

  it('counts the tests of a file whose set-up failed as failed, not skipped', () => {
    // A beforeAll that throws (no browser at CHROMIUM_PATH) leaves its tests "skipped" in vitest.
    expect(summarize([module('failed', ['skipped', 'skipped'])])).toEqual({ passed: 0, failed: 2, skipped: 0 });
  });

  it('counts a file that failed before declaring any test, and errors outside tests', () => {
    expect(summarize([module('failed', [])], 2)).toEqual({ passed: 0, failed: 3, skipped: 0 });
  });
});
