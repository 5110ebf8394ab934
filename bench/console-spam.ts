/**
 * `console_spam_ratio`: 100,000 console.error calls timed by the page itself, in Chromium
 * started directly (no Playwright, no CDP: an attached debugger makes every console call
 * expensive and would measure itself). The page POSTs its timing to this server. The reference
 * is the same page in a Chromium started without the extension, in the same run; runs
 * alternate (with, without, with, …) so that drift on a shared machine cancels out.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { QUIET_FLAGS } from '../tests/support/chromium';

export const SPAM_CALLS = 100_000;

/** The bench page: checks whether the hook is installed, floods the console, reports. */
function spamPage(expectHook: boolean): string {
  return `<!doctype html><meta charset="utf-8"><title>Console spam</title><script>
addEventListener('load', function () {
  var hooked = !/\\[native code\\]/.test(Function.prototype.toString.call(console.error));
  var tries = Number(sessionStorage.tries || 0);
  if (${expectHook} && !hooked && tries < 5) { sessionStorage.tries = tries + 1; return setTimeout(function () { location.reload(); }, 300); }
  var t0 = performance.now();
  for (var i = 0; i < ${SPAM_CALLS}; i++) console.error('Erreur de chargement du commentaire #' + i, i);
  var ms = performance.now() - t0;
  fetch('/report', { method: 'POST', body: JSON.stringify({ ms: ms, hooked: hooked }) });
});
</script><p>Console spam benchmark</p>`;
}

interface Report {
  ms: number;
  hooked: boolean;
}

/** Runs one Chromium on the page and resolves with the page's report. */
async function runOnce(chromium: string, extensionDir: string | undefined, env: NodeJS.ProcessEnv): Promise<Report> {
  let resolveReport!: (r: Report) => void;
  const reported = new Promise<Report>((resolve) => (resolveReport = resolve));
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.end('ok');
        resolveReport(JSON.parse(body) as Report);
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(spamPage(Boolean(extensionDir)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/spam`;
  const profile = mkdtempSync(join(tmpdir(), 'oso-spam-'));
  const flags = ['--headless', ...QUIET_FLAGS, `--user-data-dir=${profile}`];
  if (extensionDir) flags.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  // Its own process group, so that the browser's helper processes end with it.
  const child = spawn(chromium, [...flags, url], { env, stdio: 'ignore', detached: true });
  try {
    return await Promise.race([
      reported,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('console spam page did not report within 120 s')), 120_000)),
    ]);
  } finally {
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
    server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Alternates runs with and without the extension; medians of each, and their ratio. */
export async function measureConsoleSpam(options: {
  chromium: string;
  extensionDir: string;
  pairs: number;
  env: NodeJS.ProcessEnv;
}): Promise<{ withMs: number; withoutMs: number; runs: { with: number[]; without: number[] } }> {
  const runs = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < options.pairs; i++) {
    const order = i % 2 ? [false, true] : [true, false];
    for (const withExtension of order) {
      const report = await runOnce(options.chromium, withExtension ? options.extensionDir : undefined, options.env);
      if (withExtension && !report.hooked) throw new Error('the page hook was not installed in the bench page');
      if (!withExtension && report.hooked) throw new Error('console.error was wrapped without the extension');
      (withExtension ? runs.with : runs.without).push(report.ms);
    }
  }
  return { withMs: median(runs.with), withoutMs: median(runs.without), runs };
}
