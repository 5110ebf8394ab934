import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, StoredTicketSchema, TicketListSchema } from '../utils/contract/schemas';
import { CatalogueSchema, ProblemStatsSchema } from '../utils/known-problems/schema';
import { SEED_CATALOGUE } from '../utils/known-problems/seed';
import { runProblemsCommand } from './problems-command';
import { SUPPORT_TOKEN, postParts, startTestApi, supportAuth, ticketFor, ticketParts } from './test-support';

type Api = Awaited<ReturnType<typeof startTestApi>>;
const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('known problems over real HTTP', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const deflect = (problemId: unknown) =>
    fetch(`${api.url}/v1/deflections`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ problemId }) });

  it('serves the bundled seed, cacheable, and 304 on its ETag', async () => {
    const res = await fetch(`${api.url}/v1/known-problems`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(CatalogueSchema.parse(await res.json())).toEqual(SEED_CATALOGUE);
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${api.url}/v1/known-problems`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('counts "That solved it" per known problem, refuses unknown ids and bad bodies, and rate-limits', async () => {
    expect((await deflect('meta-rate-limit')).status).toBe(204);
    expect((await deflect('no-such-problem')).status).toBe(404);
    const bad = await deflect('Not An Id!');
    expect(bad.status).toBe(400);
    expect(ApiErrorSchema.parse(await bad.json()).error.issues?.[0]?.path).toBe('body.problemId');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await deflect('meta-rate-limit')).status);
    // 10 a minute per address: the first 10 calls of the minute were the three above and 7 here.
    expect(statuses.filter((s) => s === 429).length).toBe(3);
  });

  it("stores the ticket's known problem and gives weekly counts to support only", async () => {
    const ticket = ticketFor([], { knownProblem: { id: 'meta-rate-limit', matched: 'network 400 graph.facebook.com error.code=4' } });
    expect((await postParts(api.url, ticketParts(ticket, []))).status).toBe(201);
    // The list gives summaries (the problem's id); the whole ticket keeps what matched.
    const list = TicketListSchema.parse(await (await fetch(`${api.url}/v1/tickets?limit=1`, { headers: supportAuth })).json());
    expect(list.tickets[0]?.knownProblem).toBe('meta-rate-limit');
    const full = await (await fetch(`${api.url}/v1/tickets/${list.tickets[0]?.id}/full`, { headers: supportAuth })).json();
    expect(StoredTicketSchema.parse(full).ticket.knownProblem).toEqual(ticket.knownProblem);

    expect((await fetch(`${api.url}/v1/stats`)).status).toBe(401);
    const stats = ProblemStatsSchema.parse(await (await fetch(`${api.url}/v1/stats`, { headers: supportAuth })).json());
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    expect(stats.weeks).toEqual([{ week: monday.toISOString().slice(0, 10), problemId: 'meta-rate-limit', tickets: 1, deflections: 8 }]);
  });

  it('lets support replace the catalogue (validated), and the command line shows and publishes it', async () => {
    const broken = { ...SEED_CATALOGUE, problems: [{ ...SEED_CATALOGUE.problems[0], help: { fr: 'http://x', en: 'nope' } }] };
    const refused = await fetch(`${api.url}/v1/known-problems`, {
      method: 'PUT',
      headers: { ...supportAuth, ...JSON_HEADERS },
      body: JSON.stringify(broken),
    });
    expect(refused.status).toBe(400);
    expect(ApiErrorSchema.parse(await refused.json()).error.issues?.map((i) => i.path)).toContain('body.problems.0.help.en');
    const anonymous = await fetch(`${api.url}/v1/known-problems`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(SEED_CATALOGUE),
    });
    expect(anonymous.status).toBe(401);

    const out: string[] = [];
    const err: string[] = [];
    const edited = { ...SEED_CATALOGUE, updatedAt: '2026-12-02T09:00:00Z', problems: SEED_CATALOGUE.problems.slice(0, 2) };
    const io = { fetch, out: (l: string) => out.push(l), err: (l: string) => err.push(l), readFile: async () => JSON.stringify(edited) };
    const env = { SUPPORT_API_URL: api.url, SUPPORT_TOKEN };
    expect(await runProblemsCommand(['put', 'edited.json'], env, io)).toBe(0);
    expect(await runProblemsCommand(['show'], env, io)).toBe(0);
    expect(out.at(-1)).toContain('2 problems');
    expect(out.at(-1)).toContain('meta-session-checkpoint');
    const served = CatalogueSchema.parse(await (await fetch(`${api.url}/v1/known-problems`)).json());
    expect(served.problems.map((p) => p.id)).toEqual(edited.problems.map((p) => p.id));
    // A file with a typo is refused before anything is sent, with the path of the mistake.
    const typo = { ...io, readFile: async () => JSON.stringify({ ...edited, problems: [{ ...edited.problems[0], category: 'bilings' }] }) };
    expect(await runProblemsCommand(['put', 'typo.json'], env, typo)).toBe(2);
    expect(err.at(-1)).toContain('problems.0.category');
    expect(await runProblemsCommand(['stats'], env, io)).toBe(0);
    expect(out.at(-1)).toMatch(/meta-rate-limit {2}tickets 1 {2}solved 8/);
  });
});
