/**
 * The API and, when it is configured, the handoff beside it: what `npm run api` (server/main.ts)
 * and `npm start` (scripts/start.ts) both run. One function, so that both tell the inbox the same
 * thing about the handoff and stop the two in the same order.
 */
import { startHandoff, type RunningHandoff } from './handoff/handoff';
import { handoffConfigured, type HandoffSettings } from './handoff/settings';
import { startApi, type RunningApi } from './start';
import type { StartApiOptions } from './start-options';

export interface RunningSupportServer {
  api: RunningApi;
  /** Absent when neither mail nor webhooks are configured: tickets stay in this API only. */
  handoff?: RunningHandoff;
  /** Stops the handoff first (it reads the API's database), then the API. */
  close(): Promise<void>;
}

export async function startApiWithHandoff(options: StartApiOptions, settings: HandoffSettings): Promise<RunningSupportServer> {
  const configured = handoffConfigured(settings);
  const api = await startApi({ ...options, handoffConfigured: configured });
  // The handoff subscribes to the API's ticket events; off, tickets stay in this database only.
  const handoff = configured ? startHandoff({ api, dataDir: options.dataDir, settings, timeZone: options.timezone }) : undefined;
  return {
    api,
    handoff,
    async close() {
      await handoff?.close();
      await api.close();
    },
  };
}
