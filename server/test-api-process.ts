/**
 * Tests that measure the API as it runs in production (memory, latency under load) start
 * `npm run api`'s entry point in a child Node process, so the test's own work does not count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Starts server/main.ts on a free port over `dataDir`; resolves with its URL once it listens. */
export async function startApiProcess(dataDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, RATE_LIMIT_PER_MIN: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening: ${out}`)));
  });
  return { child, url };
}
