import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Scrub from './scrub';
import {
  budgetedInputs,
  fill,
  HOSTILE,
  KB,
  NEW_NAMES,
  reference as referencePass,
  referenceInput,
} from '../../tests/fixtures/hostile-text';
import { seededRandom } from '../../tests/support/seeded-random';

/**
 * The scrubber as the extension ships it: bundled by esbuild into one module, loaded by Node's own
 * `require`. Imported through vitest, every call from one of its modules into another becomes a
 * property read of vitest's module transform, and texts dense with values make a few such calls
 * per value: `pairs` took 8 to 9 reference passes there against 5 bundled, and its budget
 * measured vitest more than the scrubber. The correctness tests (scrub.test.ts) import it as
 * usual.
 */
let scrubText: typeof Scrub.scrubText;
let scrubUrl: typeof Scrub.scrubUrl;
let bundleDir = '';
beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./scrub.ts', import.meta.url))],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
  });
  bundleDir = mkdtempSync(join(tmpdir(), 'scrub-bundle-'));
  const file = join(bundleDir, 'scrub.cjs');
  writeFileSync(file, result.outputFiles[0]!.text);
  // Node's own `require` (an `import` written here would go through vitest's loader).
  ({ scrubText, scrubUrl } = createRequire(import.meta.url)(file) as typeof Scrub);
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const REFERENCE_INPUT = referenceInput();
/** One simple linear pass: a name-and-equals search over a megabyte of prose. */
const reference = (): string => referencePass(REFERENCE_INPUT);

/**
 * The scrubber runs in the extension's worker on what a page sent (utils/diagnosis/
 * scrub-page-answers.ts), and in the customer's tab no more: every rule must still be linear, and
 * fast on text dense with secrets. Times are CPU time (`process.cpuUsage`), which waiting for a
 * core does not inflate, and each megabyte is compared with a reference pass timed in the same
 * moment (one simple regular-expression search over a megabyte of prose, tests/fixtures/
 * hostile-text.ts): growth as medians, the budget as the fastest of a few runs of each.
 */

/**
 * Fastest CPU time of `run`, in milliseconds: the other jobs on a shared machine only ever add
 * time (caches, memory bandwidth, collections), so the fastest run is the closest to the cost of
 * the code itself; the budget test takes it for the scrub and its reference alike.
 */
function fastest(run: () => unknown, times: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const t0 = process.cpuUsage();
    run();
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Median CPU time of `run`, in milliseconds. */
function median(run: () => unknown, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = process.cpuUsage();
    run();
    const used = process.cpuUsage(t0);
    ms.push((used.user + used.system) / 1000);
  }
  return ms.sort((a, b) => a - b)[times >> 1]!;
}

/**
 * The target: 1 MB of adversarial text and a 2 MB URL each scrub in < 50 ms, which is 6
 * reference passes on this machine (2 cores, Node 20: the pass takes 8.0 to 8.6 ms at its
 * quietest). Not met by the inputs densest with secrets: standalone on the idle machine
 * (`npx tsx`), the slowest take 37 to 76 ms, which ones changing from one process to the next
 * (absolute times move by up to twice between runs, the pass's too: 8 to 17 ms), 4 to 8
 * passes; in this test, bundled, the densest take 6 to 7 passes
 * (in Chromium, where the worker scrubs, `npm run bench` times them: `scrub_worst_ms`). The
 * budget is therefore 9 passes (at least 50 ms): what the scrubber holds now with a margin for
 * a busy machine, and what the scrubber before this one missed (`labels`: 237 to 252 ms, 15 to
 * 30 passes; the cookie rule before it: seconds).
 */
const TARGET_MS = 50;
const REFERENCES_PER_TARGET = 9;
/**
 * Names never seen before (NEW_NAMES in tests/fixtures/hostile-text.ts) miss the target by far:
 * each one is read back, hashed, split into words and decided, about 1.3 µs a name in Node (the
 * scrubber bundled, as the worker runs it), and a megabyte holds 80,000: in this test 77 to 108
 * ms, 10 to 14 passes (two runs, 2026-12-02). Their budget is what the scrubber holds now with a
 * margin, 25 passes: a guard that it gets no worse, not the target (`npm run bench` reports them
 * with the others in `scrub_worst_ms`). It was 45 while this test ran the scrubber through
 * vitest's module transform (20 to 32 passes there).
 */
const REFERENCES_FOR_NEW_NAMES = 25;

const ALL_HOSTILE = { ...HOSTILE, ...NEW_NAMES };

describe('scrubText speed', () => {
  it.each(Object.keys(ALL_HOSTILE).map((k) => [k]))('grows linearly with the input: %s', (name) => {
    const small = ALL_HOSTILE[name]!(32 * KB);
    const large = ALL_HOSTILE[name]!(256 * KB);
    scrubText(small); // compile the patterns first
    const smallMs = median(() => scrubText(small), 5);
    const largeMs = median(() => scrubText(large), 3);
    // Eight times the input: about eight times the time. A rule that rescans from each match
    // (what the old cookie rule did) grows with the square: 64 times, seconds here. The margin
    // (three times the linear figure, plus one garbage collection's pause) absorbs the noise of
    // a busy machine on runs of a few milliseconds.
    expect(largeMs).toBeLessThan(24 * Math.max(smallMs, 1) + 25);
  });

  it('grows linearly on texts no one wrote for it: units of fragments of every rule, repeated', () => {
    // What the hostile inputs above were written against: prefixes, keywords, separators, quotes,
    // escapes, digits and spaces of every rule, put together at random. A unit repeated makes
    // any rule that reads on from each occurrence of something quadratic (`eyJeyJ…` took 6 s at
    // 64 KB). Eight times the text must take about eight times as long, as above.
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const slow: string[] = [];
    for (let i = 0; i < 150; i++) {
      let unit = '';
      // Every other unit of word characters only: runs with no end in sight, in which a prefix recurs.
      const fragments = i % 2 ? FRAGMENTS : FRAGMENTS.filter((f) => /^[\w-]+$/.test(f));
      for (let k = 1 + Math.floor(random() * 5); k > 0; k--) unit += pick(fragments);
      const small = fill(unit, 16 * KB);
      const large = fill(unit, 128 * KB);
      scrubText(small);
      const smallMs = median(() => scrubText(small), 3);
      const largeMs = median(() => scrubText(large), 1);
      if (largeMs >= 24 * Math.max(smallMs, 1) + 25)
        slow.push(`${JSON.stringify(unit)}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  }, 60_000);

  it('writes "at least n" as `{n}` then `*`, which V8\'s regexp interpreter reads fast (see scrub/token-shapes.ts)', () => {
    // A pattern's first runs, and its runs after V8 drops its compiled code, are interpreted:
    // there `[…]{20,}` costs 90 ns a character of a long run, 19 times `[…]{20}[…]*`. The CI
    // run of 2026-12-02 failed on it; a timing test sees it in one process of ten.
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sources = ['scrub.ts', ...readdirSync(join(dir, 'scrub')).map((f) => join('scrub', f))].filter((f) => !f.endsWith('.test.ts'));
    const counted = sources.flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\{\d+,\}/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(sources.length).toBeGreaterThan(10);
    expect(counted).toEqual([]);
  });

  it('scrubs 1 MB of each hostile input and a 2 MB URL within 9 reference passes (at least 50 ms), new names within 25', () => {
    const rows: string[] = [];
    const slow: string[] = [];
    for (const [name, make] of budgetedInputs()) {
      const input = make();
      const run = () => (name.includes('URL') ? scrubUrl(input) : scrubText(input));
      // Rounds of reference, scrub, reference, back to back: the load of that moment is the
      // slower of the two references around the scrub. The input meets its budget if one round
      // does (a neighbour's burst can take one run's core, not every run's).
      let best = { ms: Number.POSITIVE_INFINITY, ref: 0 };
      const budget = (referenceMs: number): number =>
        name in NEW_NAMES ? REFERENCES_FOR_NEW_NAMES * referenceMs : Math.max(TARGET_MS, REFERENCES_PER_TARGET * referenceMs);
      for (let round = 0; round < ROUNDS && !(best.ms <= budget(best.ref)); round++) {
        const before = fastest(reference, 2);
        const ms = fastest(run, 1);
        const ref = Math.max(before, fastest(reference, 2));
        if (ms / budget(ref) < best.ms / Math.max(budget(best.ref), 1)) best = { ms, ref };
      }
      const { ms, ref } = best;
      rows.push(`${name.padEnd(24)} ${ms.toFixed(1).padStart(6)} ${ref.toFixed(1).padStart(6)} ${budget(ref).toFixed(0).padStart(6)}`);
      if (ms > budget(ref)) slow.push(`${name}: ${ms.toFixed(1)} ms, reference ${ref.toFixed(1)} ms, budget ${budget(ref).toFixed(0)} ms`);
    }
    // The lead quotes this table: CPU ms of the scrub, of the reference, and the budget.
    console.log(['input                     scrub    ref budget (ms, CPU time)', ...rows].join('\n'));
    expect(slow).toEqual([]);
  }, 120_000);
});

/** The pieces the fuzzed texts are made of: what each rule starts from, stops at or skips. */
const FRAGMENTS = [
  ...['token', 'password', 'secret', 'Cookie: ', 'Set-Cookie: ', 'document.cookie', 'Authorization: ', 'Bearer ', 'Basic '],
  ...['mot de passe', 'clé API', "jeton d'accès", 'api key', 'code pin', 'PHPSESSID', 'a=b', 'null', 'requis'],
  ...['=', '=>', ':', ': ', '"', "'", '\\"', '[', ']', '{', '}', '&', ';', ',', ' ', '\n', '\t', '-', '_', '.', '/', '//', '@', '|'],
  ...['%', '%3D', '%253D', '%26', '%2526', '%5D', '%2F', 'é', '\u00a0', '\u202f', 'a', 'x1', 'Ab1/', 'ABCDEFGHIJKLMNOPQRST'],
  ...['4111', '4', '0123456789', '12345678', 'eyJ', 'EAA', 'IGQV', 'AIza', 'ya29.', '1//0', '4/0A', 'GOCSPX-', 'sk_live_', 'whsec_'],
  ...['pi_', '_secret_', 'AKIA', 'ghp_', 'github_pat_', 'glpat-', 'xoxb-', 'npm_', 'SG.', 'shpat_', 'sk-proj-', 'sk-ant-'],
  ...['-----BEGIN PRIVATE KEY-----', '-----END ', 'https://', 'hooks.slack.com/services/', 'discord.com/api/webhooks/', '[removed: '],
];

/** Rounds per input at most: the first one that meets the budget ends them. */
const ROUNDS = 6;
