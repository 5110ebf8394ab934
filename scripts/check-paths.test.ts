import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { existsInRepo, pathMentions } from './check-paths';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A path outside the repo, spelt in two pieces so that check:paths does not flag this file itself. */
const OUTSIDE = ['shared', 'policy.txt'].join('/');

describe('check-paths', () => {
  it('finds repo-relative paths in prose, links and comments, with their line', () => {
    const text = `See server/README.md.\n// moved to [the room](utils/contract/schemas.ts), tests in tests/e2e/…\nthe policy: ${OUTSIDE}`;
    expect(pathMentions(text)).toEqual([
      { line: 1, path: 'server/README.md' },
      { line: 2, path: 'utils/contract/schemas.ts' },
      { line: 2, path: 'tests/e2e/' },
      { line: 3, path: OUTSIDE },
    ]);
  });

  it('leaves out relative imports, nested folders, URLs, patterns and regular expressions', () => {
    const text = [
      "import { x } from '../../utils/contract/schemas';",
      'components/shared/use-settings.ts is named from its root only',
      'https://example.com/docs/page',
      "include: ['utils/**/*.test.ts'], components/<feature>/, docs/{name}.json",
      "path: '^utils/page/hook/', file: '^entrypoints/popup/style\\.css$'",
    ].join('\n');
    expect(pathMentions(text).map((m) => m.path)).toEqual(['components/shared/use-settings.ts', 'utils/page/hook/']);
  });

  it('accepts files, folders and modules named without their extension', () => {
    expect(existsInRepo(ROOT, 'scripts/check-paths.ts')).toBe(true);
    expect(existsInRepo(ROOT, 'scripts/check-paths')).toBe(true);
    expect(existsInRepo(ROOT, 'tests/e2e/')).toBe(true);
    expect(existsInRepo(ROOT, OUTSIDE)).toBe(false);
  });
});
