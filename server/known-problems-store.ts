/**
 * Storage of the known-problem feature: support's current catalogue (absent: the bundled seed
 * is served), the anonymous "That solved it" counts, and the weekly statistics that put them
 * beside the tickets that carried each problem (read from the stored ticket JSON).
 */
import type Database from 'better-sqlite3';
import { CatalogueSchema, type Catalogue, type ProblemStats } from '../utils/known-problems/schema';
import { SEED_CATALOGUE } from '../utils/known-problems/seed';

/** Monday (UTC) of an ISO instant's week, as SQLite computes it: `weekday 0` is the next Sunday. */
const WEEK_OF = (column: string) => `date(${column}, 'weekday 0', '-6 days')`;

export class KnownProblemsStore {
  constructor(private readonly db: Database.Database) {}

  /** The catalogue support stored, else the seed. A stored copy that no longer parses falls back too. */
  catalogue(): Catalogue {
    const row = this.db.prepare('SELECT catalogue_json FROM known_problem_catalogue WHERE id = 1').get() as
      | { catalogue_json: string }
      | undefined;
    if (!row) return SEED_CATALOGUE;
    const parsed = CatalogueSchema.safeParse(JSON.parse(row.catalogue_json));
    return parsed.success ? parsed.data : SEED_CATALOGUE;
  }

  replace(catalogue: Catalogue, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO known_problem_catalogue (id, catalogue_json, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET catalogue_json = excluded.catalogue_json, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(catalogue), now.toISOString());
  }

  addDeflection(problemId: string, now: Date): void {
    this.db.prepare('INSERT INTO deflections (problem_id, at) VALUES (?, ?)').run(problemId, now.toISOString());
  }

  /** Per week and known problem: tickets that carried it and deflections. Newest week first. */
  stats(): ProblemStats {
    const rows = this.db
      .prepare(
        `SELECT week, problem_id AS problemId, sum(tickets) AS tickets, sum(deflections) AS deflections FROM (
           SELECT ${WEEK_OF('received_at')} AS week, json_extract(ticket_json, '$.knownProblem.id') AS problem_id, 1 AS tickets, 0 AS deflections
             FROM tickets WHERE json_extract(ticket_json, '$.knownProblem.id') IS NOT NULL
           UNION ALL
           SELECT ${WEEK_OF('at')}, problem_id, 0, 1 FROM deflections
         ) GROUP BY week, problem_id ORDER BY week DESC, problem_id`,
      )
      .all() as ProblemStats['weeks'];
    return { weeks: rows };
  }
}
