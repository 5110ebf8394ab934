import { SupportModeSchema, SupportStatusSchema, type SupportStatus } from '../utils/contract/schemas';

/** Usage of `npm run api:status`. */
export const STATUS_USAGE = `Usage:
  npm run api:status -- show
  npm run api:status -- normal
  npm run api:status -- peak "Many draws this week" [--until 2026-12-24T17:00:00-05:00]
  npm run api:status -- incident "Instagram API outage" [--until <ISO instant>]
Env: SUPPORT_API_URL (default http://127.0.0.1:8787), SUPPORT_TOKEN (required to change the mode).`;

/** Where the command writes; injectable for tests. */
export interface CommandIo {
  fetch: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `npm run api:status`: shows or changes the support mode through the RUNNING API
 * (GET/PUT /v1/status), not by writing DATA_DIR's database directly. Going through the API
 * keeps one writer, the same validation and authentication as any support tool, works against
 * a remote server too, and the new mode is served at once (the API reads its status per request).
 *
 * @returns the process exit code.
 */
export async function runStatusCommand(args: string[], env: Record<string, string | undefined>, io: CommandIo): Promise<number> {
  const base = (env.SUPPORT_API_URL?.trim() || 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help') {
    io.out(STATUS_USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    if (command === 'show') {
      const res = await io.fetch(`${base}/v1/status`, { headers: { 'Cache-Control': 'no-cache' } });
      if (!res.ok) return fail(io, res.status, await res.text());
      io.out(describe(SupportStatusSchema.parse(await res.json())));
      return 0;
    }
    const mode = SupportModeSchema.safeParse(command);
    if (!mode.success) {
      io.err(`Unknown command "${command}".\n${STATUS_USAGE}`);
      return 2;
    }
    let until: string | undefined;
    const words: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--until') {
        const value = rest[++i];
        const date = value ? new Date(value) : undefined;
        if (!date || Number.isNaN(date.getTime())) {
          io.err('--until needs a date, e.g. 2026-12-24T17:00:00-05:00');
          return 2;
        }
        until = date.toISOString();
      } else {
        words.push(rest[i]!);
      }
    }
    const message = words.join(' ').trim() || undefined;
    const token = env.SUPPORT_TOKEN?.trim();
    if (!token) {
      io.err('SUPPORT_TOKEN is not set: it is required to change the mode.');
      return 2;
    }
    const res = await io.fetch(`${base}/v1/status`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: mode.data, ...(message ? { message } : {}), ...(until ? { until } : {}) }),
    });
    if (!res.ok) return fail(io, res.status, await res.text());
    io.out(describe(SupportStatusSchema.parse(await res.json())));
    return 0;
  } catch (error) {
    io.err(`Cannot reach the support API at ${base}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function fail(io: CommandIo, status: number, body: string): number {
  io.err(`The API answered ${status}: ${body.slice(0, 500)}`);
  return 1;
}

function describe(status: SupportStatus): string {
  const lines = [`mode: ${status.mode}`];
  if (status.message) lines.push(`message: ${status.message}`);
  if (status.until) lines.push(`until: ${status.until}`);
  lines.push(`updated: ${status.updatedAt}`);
  lines.push(`timezone: ${status.schedule.timezone}; closed days ahead: ${status.schedule.closedDays.join(', ') || 'none'}`);
  return lines.join('\n');
}
