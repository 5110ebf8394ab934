/**
 * The Firefox release build (`npm run build:firefox`) is what goes to addons.mozilla.org: Manifest
 * V3 with the add-on's id, Firefox 140 as its floor, the data-collection declaration, an event
 * page, no development key, no host permission, no test door (nor in the Firefox development
 * build), and `web-ext lint` without an error, each remaining warning explained in docs/store.md
 * ("web-ext lint") with its count, so that a new warning fails here until someone explains it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../utils/extension/gecko-id';

const root = resolve(import.meta.dirname, '../../..');
const FIREFOX_E2E_DIR = process.env.E2E_FIREFOX_DIR ?? join(root, '.output', 'firefox-mv3-e2e');
/** What only the e2e build may carry (test-doors.d.ts, entrypoints/background/testing/address-door.ts). */
const DOORS = ['__osortooTest', '__TEST_DOORS__', 'osortooTest:', 'openPlainPopup', 'osortoo-e2e-click'];

let outDir: string;
let manifest: Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  background?: Record<string, unknown>;
  action?: Record<string, unknown>;
  browser_specific_settings?: { gecko?: Record<string, unknown> };
};

function build(mode: 'production' | 'development'): void {
  // NODE_ENV as a release has it (vitest sets 'test', which would bundle React's development build).
  const { NODE_ENV: _node, ...env } = process.env;
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', mode], {
    cwd: root,
    env: { ...env, WXT_OUT_DIR: outDir, SUPPORT_API_URL: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${mode} build failed:\n${result.stdout}\n${result.stderr}`);
}

/** `file: door` for each door found in a script of the build at `dir`. */
function doorsIn(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  return files.flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return DOORS.filter((door) => text.includes(door)).map((door) => `${file}: ${door}`);
  });
}

/** A build file's name without WXT's content hash: chunks/extension-page-Bz-DPQCG.js → chunks/extension-page.js. */
function unhashed(file: string): string {
  return /^(chunks|assets)\//.test(file) ? file.replace(/-[\w-]{8}(\.\w+)$/, '$1') : file;
}

/** The warnings table of docs/store.md: `code file` → count. */
function explainedWarnings(): Record<string, number> {
  const doc = readFileSync(join(root, 'docs', 'store.md'), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('web-ext lint')) ?? '';
  const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| `([^`]+)` \| (\d+) \|/gm)];
  return Object.fromEntries(rows.map(([, code, file, count]) => [`${code} ${file}`, Number(count)]));
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'oso-firefox-release-'));
  build('production');
  build('development');
  manifest = JSON.parse(readFileSync(join(outDir, 'firefox-mv3', 'manifest.json'), 'utf8'));
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('Firefox release build', () => {
  it('is Manifest V3 with the add-on id, Firefox 140 as its floor and what a ticket holds declared', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: {
          required: ['personallyIdentifyingInfo', 'websiteContent', 'browsingActivity'],
          optional: ['technicalAndInteraction'],
        },
      },
    });
  });

  it('runs its background as an event page, and the toolbar button has no popup of its own', () => {
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.action).toEqual({ default_title: 'Osortoo Support' });
  });

  it('asks for the same permissions as the Chrome release, no host permission and no key', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('key');
    const code = readFileSync(join(outDir, 'firefox-mv3', 'background.js'), 'utf8');
    expect(code).toContain('https://support-api.osortoo.com');
    expect(code).not.toContain('devApiUrl');
  });

  it.each([
    ['release', 'firefox-mv3'],
    ['development', 'firefox-mv3-dev'],
  ])("the %s build carries none of the e2e build's test doors", (_, folder) => {
    expect(doorsIn(join(outDir, folder))).toEqual([]);
  });

  it('the Firefox e2e build does carry them (so the check above can see them)', () => {
    expect(existsSync(join(FIREFOX_E2E_DIR, 'manifest.json')), `no Firefox e2e build at ${FIREFOX_E2E_DIR}`).toBe(true);
    expect(doorsIn(FIREFOX_E2E_DIR).map((found) => found.split(': ')[1])).toEqual(
      expect.arrayContaining(DOORS.filter((d) => d !== '__TEST_DOORS__')),
    );
  });

  it('passes web-ext lint without an error; each warning is explained in docs/store.md', () => {
    const lint = spawnSync(
      join(root, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', join(outDir, 'firefox-mv3'), '--output', 'json', '--no-config-discovery'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(lint.stdout) as {
      errors: { code: string; file?: string; message: string }[];
      warnings: { code: string; file?: string }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file}: ${e.message}`)).toEqual([]);
    const warnings: Record<string, number> = {};
    for (const warning of report.warnings) {
      const key = `${warning.code} ${unhashed(warning.file ?? 'manifest.json')}`;
      warnings[key] = (warnings[key] ?? 0) + 1;
    }
    expect(warnings).toEqual(explainedWarnings());
    // addons-linter reads every file (~8 s of CPU); on two shared cores it has taken 80 s.
  }, 240_000);
});
