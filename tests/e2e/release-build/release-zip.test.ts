/**
 * `npm run zip` (scripts/release-zip.ts): refuses a release still aimed at the placeholder API;
 * otherwise writes the Chrome, Firefox and sources zips into one folder, and the sources zip,
 * unpacked where nothing else is and built as its BUILD.md says, gives the Firefox zip's files
 * byte for byte (what an addons.mozilla.org reviewer checks).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { GECKO_ID } from '../../../utils/extension/gecko-id';

/** Three builds in one test (~25 s of CPU): on two cores shared with other suites it takes minutes. */
const THREE_BUILDS_MS = 300_000;

const root = resolve(import.meta.dirname, '../../..');
const API = 'https://support.example.test';
let scratch: string;

function zip(env: Record<string, string>): { status: number | null; output: string; releaseDir: string } {
  const releaseDir = join(scratch, `release-${Object.keys(env).join('-') || 'none'}`);
  const result = spawnSync('npx', ['tsx', 'scripts/release-zip.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      SUPPORT_API_URL: '',
      ALLOW_PLACEHOLDER_API: '',
      ...env,
      RELEASE_DIR: releaseDir,
      RELEASE_WORK_DIR: join(scratch, 'work'),
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, releaseDir };
}

function unzip(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'oso-zip-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run zip', () => {
  it('refuses a release whose support API address is still the placeholder, and says how to proceed', () => {
    for (const env of [{}, { SUPPORT_API_URL: 'https://support-api.osortoo.com/' }] as Record<string, string>[]) {
      const { status, output, releaseDir } = zip(env);
      expect(status).toBe(2);
      expect(output).toContain('refused');
      expect(output).toContain('SUPPORT_API_URL');
      expect(output).toContain('ALLOW_PLACEHOLDER_API=1');
      expect(() => readdirSync(releaseDir)).toThrow();
    }
  });

  it(
    'writes the Chrome, Firefox and sources zips into one folder; the sources rebuild the Firefox zip',
    () => {
      const { status, output, releaseDir } = zip({ SUPPORT_API_URL: API });
      expect(status, output).toBe(0);
      const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
      expect(readdirSync(releaseDir).sort()).toEqual(
        ['chrome', 'firefox', 'sources'].map((kind) => `osortoo-support-${version}-${kind}.zip`),
      );
      const chrome = unzip(join(releaseDir, `osortoo-support-${version}-chrome.zip`));
      const firefox = unzip(join(releaseDir, `osortoo-support-${version}-firefox.zip`));
      const sources = unzip(join(releaseDir, `osortoo-support-${version}-sources.zip`));
      expect(JSON.parse(strFromU8(chrome['manifest.json']!))).not.toHaveProperty('browser_specific_settings');
      const manifest = JSON.parse(strFromU8(firefox['manifest.json']!));
      expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
      expect(strFromU8(firefox['background.js']!)).toContain(API);

      // The sources: the extension's code and build, not the API, the tests or anyone's secrets.
      const names = Object.keys(sources);
      expect(names).toEqual(
        expect.arrayContaining(['BUILD.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background/index.ts']),
      );
      expect(names.filter((name) => /^(server|tests|bench|node_modules|\.)|\.test\.tsx?$|(^|\/)\.env/.test(name))).toEqual([]);
      const instructions = strFromU8(sources['BUILD.md']!);
      expect(instructions).toContain(`SUPPORT_API_URL=${API} npx wxt build -b firefox --mv3`);

      // A reviewer's rebuild: the unpacked sources alone (with the installed packages `npm ci` gives).
      const rebuild = join(scratch, 'sources');
      for (const [name, bytes] of Object.entries(sources)) {
        mkdirSync(dirname(join(rebuild, name)), { recursive: true });
        writeFileSync(join(rebuild, name), bytes);
      }
      symlinkSync(join(root, 'node_modules'), join(rebuild, 'node_modules'));
      // A reviewer's shell, not vitest's: no NODE_ENV (vitest sets it to 'test'), no WXT_OUT_DIR.
      const { NODE_ENV: _node, WXT_OUT_DIR: _out, ...shell } = process.env;
      const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
        cwd: rebuild,
        encoding: 'utf8',
        env: { ...shell, SUPPORT_API_URL: API },
      });
      expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
      const out = join(rebuild, '.output', 'firefox-mv3');
      const rebuilt = readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(out, join(entry.parentPath, entry.name)));
      const files = Object.keys(firefox).filter((name) => !name.endsWith('/'));
      expect(rebuilt.sort()).toEqual(files.sort());
      for (const name of files) {
        expect(Buffer.from(readFileSync(join(out, name))).equals(Buffer.from(firefox[name]!)), `${name} differs`).toBe(true);
      }
    },
    THREE_BUILDS_MS,
  );
});
