/**
 * `npm run build` is what ships: it must ask for as little as possible. No broad host
 * permission, no localhost, no fixed development key, and nothing of the tests' API override.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
let manifest: Record<string, unknown> & { permissions?: string[]; host_permissions?: string[]; content_scripts?: { matches: string[]; world?: string }[] };

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'oso-release-'));
  const build = spawnSync('npx', ['wxt', 'build'], { env: { ...process.env, WXT_OUT_DIR: outDir, SUPPORT_API_URL: '' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`release build failed:\n${build.stdout}\n${build.stderr}`);
  manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8'));
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('release build', () => {
  it('asks for no host permission and only the permissions it uses', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions?.sort()).toEqual(expect.arrayContaining(['activeTab', 'alarms', 'storage']));
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest).not.toHaveProperty('key');
  });

  it('runs on Osortoo pages only', () => {
    const matches = new Set(manifest.content_scripts!.flatMap((script) => script.matches));
    expect([...matches].sort()).toEqual(['https://*.osortoo.com/*', 'https://osortoo.com/*']);
  });

  it('talks to the configured production API and carries no test-only path', () => {
    const dir = join(outDir, 'chrome-mv3');
    const scripts = [...readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f)), ...readdirSync(join(dir, 'chunks')).map((f) => join(dir, 'chunks', f))];
    const code = scripts.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(code).toContain('https://support-api.osortoo.com');
    expect(code).not.toContain('127.0.0.1:8787');
    expect(code).not.toContain('devApiUrl');
    // The e2e doors (toolbar click, form reports, outbox) are compiled away.
    for (const door of ['osortooToolbar', 'osortooTest']) expect(code).not.toContain(door);
  });

  it('gives the toolbar button no popup of its own, so that a click reaches the worker first', () => {
    expect(manifest.action).toEqual({ default_title: 'Osortoo Support' });
  });
});
