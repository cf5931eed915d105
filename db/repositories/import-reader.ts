import type Sqlite from 'better-sqlite3';
import type { PersonRole, Project, UnitRole } from '../../shared/domain';
import type { ProjectLinks } from './projects';

/**
 * The import's read path, as `import-writer` is its write path. Planning next month's table loads every
 * project of the plan with its links, and the last period's narratives: 20,000 projects make ~100,000 rows, and
 * building an object of each row and camel-casing its keys costs Kysely a third more than reading the rows
 * (issue #13). These are the repositories' own queries (`listProjects`, `periodReports`), in the same SQL so
 * that rows come in the same order, read as plain arrays; they return what those return (checked by
 * import-reader.test.ts). A period's reports in full are read through Kysely: plain arrays were no faster.
 */
export interface ImportReader {
  /** `listProjects(db, planId)`. */
  projects(planId: number): Project[];
  /** Each narrative of the period, with its project: `periodReports(…).narratives` without the rest. */
  narrativeTexts(periodId: number): [projectId: number, narrative: string][];
}

const sql = {
  projects:
    'select id, plan_id, seq, section, title, goal, deadline, created_at, updated_at, seq_label from "projects" where "plan_id" = ? and "deleted_at" is null order by "seq", "id"',
  units:
    'select "project_units"."project_id", "project_units"."role", "units"."name" from "project_units" inner join "projects" on "projects"."id" = "project_units"."project_id" inner join "units" on "units"."id" = "project_units"."unit_id" where "projects"."plan_id" = ? order by "project_units"."position"',
  people:
    'select "project_people"."project_id", "project_people"."role", "people"."name" from "project_people" inner join "projects" on "projects"."id" = "project_people"."project_id" inner join "people" on "people"."id" = "project_people"."person_id" where "projects"."plan_id" = ? order by "project_people"."position"',
  narrativeTexts:
    'select "progress_reports"."project_id", "progress_reports"."narrative" from "progress_reports" left join "units" on "units"."id" = "progress_reports"."unit_id" where "progress_reports"."period_id" = ?',
} as const;

const roleOf: Record<UnitRole | PersonRole, keyof ProjectLinks> = { lead: 'leadUnits', support: 'supportUnits', responsible: 'responsiblePeople', leader: 'leaders' };

type Statements = { [K in keyof typeof sql]: Sqlite.Statement<[number], unknown[]> };
const prepared = new WeakMap<Sqlite.Database, Statements>();

function statements(sqlite: Sqlite.Database): Statements {
  let out = prepared.get(sqlite);
  if (!out) {
    out = Object.fromEntries(Object.entries(sql).map(([k, text]) => [k, sqlite.prepare<[number], unknown[]>(text).raw()])) as Statements;
    prepared.set(sqlite, out);
  }
  return out;
}

export function importReader(sqlite: Sqlite.Database): ImportReader {
  const s = statements(sqlite);
  return {
    projects(planId) {
      const byId = new Map<number, Project>();
      for (const r of s.projects.all(planId) as [number, number, number, string, string, string, string | null, string, string, string][]) {
        // The keys in the order `select *` gives them, as the repository's objects have them.
        byId.set(r[0], {
          id: r[0],
          planId: r[1],
          seq: r[2],
          section: r[3],
          title: r[4],
          goal: r[5],
          deadline: r[6],
          createdAt: r[7],
          updatedAt: r[8],
          seqLabel: r[9],
          leadUnits: [],
          supportUnits: [],
          responsiblePeople: [],
          leaders: [],
        });
      }
      if (byId.size === 0) return [];
      for (const statement of [s.units, s.people]) {
        for (const [projectId, role, name] of statement.all(planId) as [number, UnitRole | PersonRole, string][]) byId.get(projectId)?.[roleOf[role]].push(name);
      }
      return [...byId.values()];
    },
    narrativeTexts(periodId) {
      return s.narrativeTexts.all(periodId) as [number, string][];
    },
  };
}
