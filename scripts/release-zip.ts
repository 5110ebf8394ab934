/**
 * `npm run zip`: what goes to the stores, from one command, into one folder (`.output/release/`,
 * or RELEASE_DIR): the Chrome Web Store zip, the addons.mozilla.org zip, and the sources zip that
 * addons.mozilla.org asks for (WXT's `wxt zip` makes it for Firefox), with BUILD.md telling a
 * reviewer how to rebuild the Firefox zip from it.
 *
 * A release must talk to Osortoo's real support API: while SUPPORT_API_URL is unset, or is still
 * the placeholder address, the command refuses, unless ALLOW_PLACEHOLDER_API=1 says so on purpose
 * (a rehearsal of the release, never an upload).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { RELEASE_API_PLACEHOLDER } from '../utils/extension/release-api-placeholder';
import { buildInstructions } from './release-build-instructions';

const root = resolve(import.meta.dirname, '..');
const releaseDir = resolve(root, process.env.RELEASE_DIR || '.output/release');
// The builds behind the zips, apart from everyone's `.output` builds (WXT zips into this folder).
const workDir = resolve(root, process.env.RELEASE_WORK_DIR || '.output-release');

const apiUrl = (process.env.SUPPORT_API_URL ?? '').trim();
const placeholder = !apiUrl || apiUrl.replace(/\/+$/, '') === RELEASE_API_PLACEHOLDER;
if (placeholder && process.env.ALLOW_PLACEHOLDER_API !== '1') {
  console.error(
    `npm run zip: refused. The release would send tickets to ${RELEASE_API_PLACEHOLDER}, a placeholder.\n` +
      'Set SUPPORT_API_URL to the production support API (https://…), or set ALLOW_PLACEHOLDER_API=1 for a rehearsal that is never uploaded.',
  );
  process.exit(2);
}
if (!placeholder && !/^https:\/\/[^/\s]+/.test(apiUrl)) {
  console.error(`npm run zip: refused. SUPPORT_API_URL must be an https:// address, not "${apiUrl}".`);
  process.exit(2);
}

/** Runs `wxt zip` with `args`, into workDir; stops the release on failure. */
function wxtZip(args: string[]): void {
  const result = spawnSync('npx', ['wxt', 'zip', ...args], {
    cwd: root,
    stdio: 'inherit',
    // NODE_ENV=production whatever the caller's shell says: under NODE_ENV=test (vitest) or
    // development, Vite bundles React's development build, and the zip would differ from the
    // reviewer's rebuild.
    env: { ...process.env, NODE_ENV: 'production', WXT_OUT_DIR: workDir, SUPPORT_API_URL: apiUrl },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(workDir, { recursive: true, force: true });
rmSync(releaseDir, { recursive: true, force: true });
wxtZip([]);
wxtZip(['-b', 'firefox', '--mv3']);

mkdirSync(releaseDir, { recursive: true });
const zips = readdirSync(workDir).filter((file) => file.endsWith('.zip'));
for (const file of zips) renameSync(join(workDir, file), join(releaseDir, file));
rmSync(workDir, { recursive: true, force: true });

const sources = zips.find((file) => file.endsWith('-sources.zip'));
const firefox = zips.find((file) => file.endsWith('-firefox.zip'));
if (!sources || !firefox || !zips.some((file) => file.endsWith('-chrome.zip'))) {
  console.error(`npm run zip: expected the Chrome, Firefox and sources zips, got ${zips.join(', ') || 'none'}`);
  process.exit(1);
}
// The reviewer's instructions carry this release's own values (the API address it was built with).
const sourcesPath = join(releaseDir, sources);
const files = unzipSync(readFileSync(sourcesPath));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
files['BUILD.md'] = strToU8(buildInstructions({ apiUrl: placeholder ? '' : apiUrl, firefoxZip: firefox, version }));
writeFileSync(sourcesPath, zipSync(files, { level: 9 }));

if (placeholder) console.warn(`\nALLOW_PLACEHOLDER_API=1: these zips talk to ${RELEASE_API_PLACEHOLDER}. Do not upload them.`);
console.log(`\nRelease in ${releaseDir}:`);
for (const file of readdirSync(releaseDir).sort()) console.log(`  ${file}`);
if (!existsSync(sourcesPath)) process.exit(1);
