/**
 * Builds a throwaway copy of the e2e extension with one more page, screenshot-lab.html, that
 * renders the screenshots panel alone. The panel then runs as an extension page (its origin,
 * its CSP) in real Chromium, without a lab entrypoint in the project that a release build
 * could pick up: WXT's per-entrypoint include/exclude select browsers, not build modes.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, EXTENSION_ID } from '../support/harness';
import { launchWithExtensions } from '../../support/chromium';

export const LAB_URL = `chrome-extension://${EXTENSION_ID}/screenshot-lab.html`;

/** The copied extension folder, with screenshot-lab.{html,js,css} added. */
export async function buildLabExtension(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'oso-shots-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  await build({
    entryPoints: { 'screenshot-lab': fileURLToPath(new URL('./lab.tsx', import.meta.url)) },
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    outdir: dir,
    // Development React, like the e2e build's popup: StrictMode then runs effects twice,
    // which is what once broke giving focus back when the editor closed.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'screenshot-lab.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Screenshot lab</title>' +
      '<link rel="stylesheet" href="screenshot-lab.css"></head>' +
      '<body style="font-family: system-ui, sans-serif; font-size: 14px"><div id="root"></div><script type="module" src="screenshot-lab.js"></script></body></html>',
  );
  return dir;
}

/** Chromium with that extension, off the network like the harness's. */
export async function launchWithLab(extensionDir: string, userDataDir: string): Promise<BrowserContext> {
  return launchWithExtensions(userDataDir, [extensionDir]);
}
