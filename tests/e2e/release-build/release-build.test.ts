/**
 * `npm run build` is what ships: it must ask for as little as possible. No broad host
 * permission, no localhost, no fixed development key, and nothing of the tests' API override.
 * Neither it nor the development build (`npm start`) may carry the e2e build's test-only doors
 * (test-doors.d.ts): both are built here, each into its own folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
let manifest: Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; world?: string }[];
};

/** The e2e build under test (scripts/test.sh builds it first), where the doors must be. */
const E2E_DIR = process.env.E2E_EXTENSION_DIR ?? fileURLToPath(new URL('../../../.output/chrome-mv3-e2e', import.meta.url));

function build(mode: 'production' | 'development'): void {
  const result = spawnSync('npx', ['wxt', 'build', '--mode', mode], {
    env: { ...process.env, WXT_OUT_DIR: outDir, SUPPORT_API_URL: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${mode} build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Every script of a built extension, by its path in the build. */
function scripts(dir: string): [file: string, text: string][] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]);
}

/** Every script of a built extension, as one text. */
function code(dir: string): string {
  return scripts(dir)
    .map(([, text]) => text)
    .join('\n');
}

/** `file: door` for each of `doors` found in a script of the build. */
function doorsIn(dir: string, doors: string[]): string[] {
  return scripts(dir).flatMap(([file, text]) => doors.filter((door) => text.includes(door)).map((door) => `${file}: ${door}`));
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'oso-release-'));
  build('production');
  build('development');
  manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8'));
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('release build', () => {
  it('asks for no host permission and only the permissions it uses', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Exactly these, each for a use named here: a new permission must be added to this list on purpose.
    // activeTab: the screenshot and full-page capture after the toolbar click; alarms: the outbox's
    // retry backstop; scripting: injecting the full-page capture; storage: settings, session, cache.
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    expect(manifest).not.toHaveProperty('key');
  });

  it('runs on Osortoo pages only', () => {
    const matches = new Set(manifest.content_scripts!.flatMap((script) => script.matches));
    expect([...matches].sort()).toEqual(['https://*.osortoo.com/*', 'https://osortoo.com/*']);
  });

  it('talks to the configured production API and carries no test-only path', () => {
    const release = code(join(outDir, 'chrome-mv3'));
    expect(release).toContain('https://support-api.osortoo.com');
    expect(release).not.toContain('127.0.0.1:8787');
    expect(release).not.toContain('devApiUrl');
  });

  it('gives the toolbar button no popup of its own, so that a click reaches the worker first', () => {
    expect(manifest.action).toEqual({ default_title: 'Osortoo Support' });
  });
});

describe('test doors', () => {
  // The doors' global, their build constant, the toolbar's plain popup and the form's report
  // keys are compiled away; the e2e build shows that the check can see them.
  const DOORS = ['__osortooTest', '__TEST_DOORS__', 'osortooTest:', 'openPlainPopup', 'osortoo-e2e-click'];
  it.each([
    ['release', 'chrome-mv3'],
    ['development', 'chrome-mv3-dev'],
  ])("the %s build carries none of the e2e build's test doors", (_, folder) => {
    // Named by file and door, so that a failure says where a door leaked (not the whole bundle).
    expect(doorsIn(join(outDir, folder), DOORS)).toEqual([]);
  });

  it('the e2e build does carry them', () => {
    // Without the e2e build this check would prove nothing: it fails rather than skips.
    expect(existsSync(join(E2E_DIR, 'manifest.json')), `no e2e build at ${E2E_DIR}: run npm run build:e2e`).toBe(true);
    const e2e = code(E2E_DIR);
    expect(DOORS.filter((door) => door !== '__TEST_DOORS__' && !e2e.includes(door))).toEqual([]);
  });
});
