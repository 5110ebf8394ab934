/**
 * `npm run check:paths` (run by `npm test`): every repo-relative path that a comment or a doc
 * names (`utils/contract/schemas.ts`, `tests/e2e/`, `docs/…`) must exist in this repository, so
 * that moving a file without updating what points at it fails, and so does pointing outside the
 * repo (at a `shared` folder beside it: what such a file says belongs in docs/, in our own words,
 * with its source named). It reads *.ts, *.tsx, *.md and the top-level configs; paths with `*`,
 * a placeholder or a regular expression's backslash are patterns, not files, and are skipped.
 * Relative paths (`./x.ts`, `../y`) are the compiler's job.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folders a repo-relative path starts with; `shared` is not ours: naming it is always an error. */
const ROOTS = ['utils', 'components', 'entrypoints', 'server', 'tests', 'scripts', 'docs', 'shared', 'bench', 'public'];
/** A root at the start of a word (not inside `../utils/…`, `components/shared/…` or a URL), then path characters. */
const MENTION = new RegExp(String.raw`(?<![\w./@~-])((?:${ROOTS.join('|')})/[\w./<>{}*…$-]*)`, 'g');
const SCANNED = /\.(tsx?|md|cjs|jsonc)$/;
/** Build output, dependencies, caches and generated files: not ours to check. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.wxt', '.bench', '.data', '.tmp', '.vitest', 'test-results']);

export interface Mention {
  line: number;
  path: string;
}

/** The repo-relative paths `text` names, by line (1-based); patterns and placeholders left out. */
export function pathMentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    for (const match of line.matchAll(MENTION)) {
      const raw = match[1] ?? '';
      const next = line[(match.index ?? 0) + raw.length];
      if (/[*<>{}$]/.test(raw) || next === '\\') continue;
      // Prose punctuation and an ellipsis end the path: `see tests/e2e/…`, `in server/README.md.`
      const path = raw.replace(/….*$/, '').replace(/[.]+$/, '');
      found.push({ line: index + 1, path });
    }
  }
  return found;
}

/** Whether `path` names a file or folder of the repo at `root` (a module may be named without its extension). */
export function existsInRepo(root: string, path: string): boolean {
  const full = join(root, path);
  return ['', '.ts', '.tsx'].some((ext) => existsSync(full + ext));
}

function* scannedFiles(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.output')) continue;
      yield* scannedFiles(root, full);
    } else if (SCANNED.test(entry.name) && statSync(full).size < 2_000_000) {
      yield relative(root, full);
    }
  }
}

/** Every mention under `root` that names nothing, as `file:line: path`. */
export function brokenMentions(root: string): string[] {
  const broken: string[] = [];
  for (const file of scannedFiles(root)) {
    for (const { line, path } of pathMentions(readFileSync(join(root, file), 'utf8'))) {
      if (!existsInRepo(root, path)) broken.push(`${file}:${line}: ${path}`);
    }
  }
  return broken;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const broken = brokenMentions(root);
  if (broken.length > 0) {
    console.error(`${broken.length} path(s) named in comments or docs do not exist in this repository:\n${broken.join('\n')}`);
    process.exit(1);
  }
  console.log('check:paths: every path named in comments and docs exists');
}
