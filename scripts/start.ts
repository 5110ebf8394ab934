/**
 * `npm start`: builds the development extension, starts the reference support API on its
 * embedded SQLite database and the demo draw page, then opens Chromium with the extension on
 * that page when there is a display. Without one it says how to load the extension by hand
 * and keeps serving. Ctrl+C stops everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFromEnv } from '../server/config';
import { describeHandoff } from '../server/handoff/describe';
import { handoffSettingsFromEnv } from '../server/handoff/settings';
import { startApiWithHandoff } from '../server/start-with-handoff';
import { startDemoServer } from '../tests/fixtures/demo-server';

const port = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8788);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const apiUrl = process.env.SUPPORT_API_URL ?? `http://127.0.0.1:${port}`;
// Support routes need a token; for this local demo one is made up and printed if none is set.
const supportToken = process.env.SUPPORT_TOKEN ?? `dev-${randomBytes(12).toString('hex')}`;
const extensionDir = resolve('.output/chrome-mv3-dev');

console.log('Building the development extension…');
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'development'], {
  stdio: 'inherit',
  env: { ...process.env, SUPPORT_API_URL: apiUrl },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Every other API setting (origins, rate limit, schedule) is read as `npm run api` reads it.
const { options } = configFromEnv({ ...process.env, PORT: String(port), DATA_DIR: dataDir, SUPPORT_TOKEN: supportToken });
const handoffSettings = handoffSettingsFromEnv(process.env);
// Mail and webhooks to support's own tools, when configured (server/README.md, "Handoff").
const server = await startApiWithHandoff(options, handoffSettings);
const { api, handoff } = server;
const demo = await startDemoServer(demoPort);

console.log(`
  Support API     ${api.url}   (data in ${dataDir})
  Support token   ${supportToken}
  Support inbox   ${api.url}/inbox   (sign in with the support token above)
  Demo draw page  ${demo.drawUrl}
  Extension       ${extensionDir}

  Support's view: curl -H "Authorization: Bearer ${supportToken}" ${api.url}/v1/tickets

  Handoff to support's tools (${handoff ? 'configured' : 'NOT configured: tickets stay in this API only'}):
${describeHandoff(handoffSettings, api.url)
  .map((line) => `    ${line}`)
  .join('\n')}
`);

const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((bin) => spawnSync('which', [bin]).status === 0);
if (display && chromium) {
  const profile = resolve(dataDir, 'chromium-profile');
  if (!existsSync(profile)) mkdirSync(profile, { recursive: true });
  console.log(`Opening ${chromium} with the extension on the demo page…`);
  // Chromium refuses to run as root with its sandbox (containers, CI boxes): say so and go on.
  const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const browser = spawn(
    chromium,
    [
      ...rootFlags,
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      demo.drawUrl,
    ],
    { stdio: 'ignore', detached: false },
  );
  browser.on('exit', () => console.log('Chromium closed; the API and the demo page keep serving (Ctrl+C to stop).'));
} else {
  console.log(`No ${display ? 'Chromium' : 'display'} found, so no browser is opened. To try the extension by hand:
  1. open chrome://extensions in Chrome or Chromium and turn on Developer mode;
  2. "Load unpacked" and choose ${extensionDir};
  3. open ${demo.drawUrl} and click the Osortoo Support button in the toolbar.
The API and the demo page keep serving until Ctrl+C.`);
}

const stop = async () => {
  await Promise.allSettled([server.close(), demo.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
