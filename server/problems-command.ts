import { readFile } from 'node:fs/promises';
import { CatalogueSchema, ProblemStatsSchema, type Catalogue } from '../utils/known-problems/schema';
import type { CommandIo } from './status-command';

/** Usage of `npm run api:problems`. */
export const PROBLEMS_USAGE = `Usage:
  npm run api:problems -- show              list the served catalogue (id, category, title)
  npm run api:problems -- get > file.json   print the served catalogue as JSON, to edit it
  npm run api:problems -- put file.json     validate and publish an edited catalogue
  npm run api:problems -- stats             tickets and "That solved it" per week and problem
Env: SUPPORT_API_URL (default http://127.0.0.1:8787), SUPPORT_TOKEN (required for put and stats).`;

/**
 * `npm run api:problems`: support's catalogue of known problems through the RUNNING API
 * (GET/PUT /v1/known-problems, GET /v1/stats), like `api:status` (server/status-command.ts):
 * one writer, the same validation and token as any support tool. `put` validates the file
 * here first, so a typo is reported with its path before anything is sent.
 *
 * @returns the process exit code.
 */
export async function runProblemsCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIo & { readFile?: (path: string) => Promise<string> },
): Promise<number> {
  const base = (env.SUPPORT_API_URL?.trim() || 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const token = env.SUPPORT_TOKEN?.trim();
  const auth = token ? { Authorization: `Bearer ${token}` } : undefined;
  const [command, file] = args;
  try {
    if (command === 'show' || command === 'get') {
      const res = await io.fetch(`${base}/v1/known-problems`, { headers: { 'Cache-Control': 'no-cache' } });
      if (!res.ok) return fail(io, res.status, await res.text());
      const catalogue = CatalogueSchema.parse(await res.json());
      io.out(command === 'get' ? JSON.stringify(catalogue, null, 2) : describe(catalogue));
      return 0;
    }
    if ((command === 'put' || command === 'stats') && !auth) {
      io.err('SUPPORT_TOKEN is not set: it is required for put and stats.');
      return 2;
    }
    if (command === 'put' && file) {
      const text = await (io.readFile ?? ((path) => readFile(path, 'utf8')))(file);
      const parsed = CatalogueSchema.safeParse(JSON.parse(text));
      if (!parsed.success) {
        io.err(`${file} is not a valid catalogue:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
        return 2;
      }
      const res = await io.fetch(`${base}/v1/known-problems`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(parsed.data),
      });
      if (!res.ok) return fail(io, res.status, await res.text());
      io.out(describe(CatalogueSchema.parse(await res.json())));
      return 0;
    }
    if (command === 'stats') {
      const res = await io.fetch(`${base}/v1/stats`, { headers: { ...auth } });
      if (!res.ok) return fail(io, res.status, await res.text());
      const { weeks } = ProblemStatsSchema.parse(await res.json());
      io.out(
        weeks.length
          ? weeks.map((w) => `${w.week}  ${w.problemId}  tickets ${w.tickets}  solved ${w.deflections}`).join('\n')
          : 'no counts yet',
      );
      return 0;
    }
    io.err(PROBLEMS_USAGE);
    return 2;
  } catch (error) {
    io.err(`api:problems failed against ${base}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function fail(io: CommandIo, status: number, body: string): number {
  io.err(`The API answered ${status}: ${body.slice(0, 500)}`);
  return 1;
}

function describe(catalogue: Catalogue): string {
  const lines = catalogue.problems.map((p) => `${p.id}  [${p.category}${p.platform ? `, ${p.platform}` : ''}]  ${p.title.en}`);
  return [`updated: ${catalogue.updatedAt}; ${catalogue.problems.length} problems`, ...lines].join('\n');
}
