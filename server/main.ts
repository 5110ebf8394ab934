/**
 * `npm run api`: the reference support API on one machine. Settings come from the environment;
 * see server/README.md and ./config.ts.
 */
import { join } from 'node:path';
import { configFromEnv } from './config';
import { describeHandoff } from './handoff/describe';
import { handoffSettingsFromEnv, type HandoffSettings } from './handoff/settings';
import { startApiWithHandoff } from './start-with-handoff';

async function main(): Promise<void> {
  let config: ReturnType<typeof configFromEnv>;
  let handoffSettings: HandoffSettings;
  try {
    config = configFromEnv(process.env);
    handoffSettings = handoffSettingsFromEnv(process.env);
  } catch (error) {
    console.error(`[support-api] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  for (const warning of config.warnings) {
    // Loud on purpose: a server without support routes looks healthy to the customers.
    console.warn(`\n[support-api] WARNING: ${warning}\n`);
  }
  const server = await startApiWithHandoff(config.options, handoffSettings);
  const { api } = server;
  const { options } = config;
  console.log(`[support-api] listening on ${api.url}`);
  console.log(
    `[support-api] support inbox: ${api.url}/inbox${options.supportToken ? ' (sign in with SUPPORT_TOKEN)' : ' (disabled: no SUPPORT_TOKEN)'}`,
  );
  console.log(`[support-api] database: ${join(options.dataDir, 'support.sqlite')}`);
  console.log(`[support-api] allowed origins: ${options.allowedOrigins?.join(', ') || '(none: non-browser clients only)'}`);
  console.log(`[support-api] rate limit: ${options.rateLimit ? `${options.rateLimit.max} ticket POSTs/min per address` : 'off'}`);
  for (const line of describeHandoff(handoffSettings, api.url)) console.log(`[support-api] handoff ${line}`);
  console.log(`[support-api] retention: closed tickets deleted ${options.retentionDays} days after closing`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[support-api] ${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[support-api] error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[support-api] failed to start', error);
  process.exit(1);
});
