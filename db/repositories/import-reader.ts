import type Sqlite from 'better-sqlite3';
import type { Project } from '../../shared/domain';
import type { ProjectLinks } from './projects';

/**
 * The import's read path, as `import-writer` is its write path. Planning next month's table loads every
 * project of the plan with its links, and the last period's narratives: 20,000 projects make ~100,000 rows, and
 * building an object of each row and camel-casing its keys costs Kysely a third more than reading the rows
 * (issue #13). These are the repositories' own queries (`listProjects`, `periodReports`), in the same order
 * (links by position, as there), read as plain arrays; they return what those return (checked by
 * import-reader.test.ts). A period's reports in full are read through Kysely: plain arrays were no faster.
 */
export interface ImportReader {
  /** `listProjects(db, planId)`. */
  projects(planId: number): Project[];
  /** Each narrative of the period, with its project: `periodReports(…).narratives` without the rest. */
  narrativeTexts(periodId: number): [projectId: number, narrative: string][];
  /** The plan and period of the latest import into a plan not deleted (undone or not): where the next one most likely goes. */
  lastImport(): { planId: number; periodId: number | null } | null;
}

const sql = {
  projects:
    'select id, plan_id, seq, section, title, goal, deadline, created_at, updated_at, seq_label from "projects" where "plan_id" = ? and "deleted_at" is null order by "seq", "id"',
  // A link as numbers (its project, whether it is of the first role, the unit or person), the names of those
  // read once each: 20,000 projects have ~70,000 links and a few hundred names, and each name or role read as
  // text is a string made per link (issue #13).
  units:
    'select "project_units"."project_id", "project_units"."role" = \'lead\', "project_units"."unit_id" from "project_units" inner join "projects" on "projects"."id" = "project_units"."project_id" where "projects"."plan_id" = ? order by "project_units"."position"',
  people:
    'select "project_people"."project_id", "project_people"."role" = \'responsible\', "project_people"."person_id" from "project_people" inner join "projects" on "projects"."id" = "project_people"."project_id" where "projects"."plan_id" = ? order by "project_people"."position"',
  unitNames: 'select "id", "name" from "units" where "id" in (select "value" from json_each(?))',
  personNames: 'select "id", "name" from "people" where "id" in (select "value" from json_each(?))',
  narrativeTexts:
    'select "progress_reports"."project_id", "progress_reports"."narrative" from "progress_reports" left join "units" on "units"."id" = "progress_reports"."unit_id" where "progress_reports"."period_id" = ?',
} as const;

const lastImportSql =
  'select "import_batches"."plan_id", "import_batches"."period_id" from "import_batches" inner join "plans" on "plans"."id" = "import_batches"."plan_id" where "plans"."deleted_at" is null order by "import_batches"."id" desc limit 1';

type Statements = { [K in keyof typeof sql]: Sqlite.Statement<[number | string], unknown[]> } & { lastImport: Sqlite.Statement<[], unknown[]> };
const prepared = new WeakMap<Sqlite.Database, Statements>();

function statements(sqlite: Sqlite.Database): Statements {
  let out = prepared.get(sqlite);
  if (!out) {
    out = Object.fromEntries(Object.entries(sql).map(([k, text]) => [k, sqlite.prepare<[number | string], unknown[]>(text).raw()])) as Statements;
    out.lastImport = sqlite.prepare<[], unknown[]>(lastImportSql).raw();
    prepared.set(sqlite, out);
  }
  return out;
}

type Link = [projectId: number, first: 0 | 1, id: number];

/** Links, in order, to the projects' lists of the two roles: each name is one string, shared by its projects. */
function addLinks(byId: Map<number, Project>, links: Link[], names: Sqlite.Statement<[number | string], unknown[]>, first: keyof ProjectLinks, second: keyof ProjectLinks): void {
  if (links.length === 0) return;
  const ids = [...new Set(links.map((l) => l[2]))];
  const nameOf = new Map(names.all(JSON.stringify(ids)) as [number, string][]);
  // Indexed, not destructured: this loop runs once, mostly before V8 compiles it, and destructuring an array
  // steps an iterator per element there.
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const name = nameOf.get(link[2]);
    if (name !== undefined) byId.get(link[0])?.[link[1] ? first : second].push(name);
  }
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
      addLinks(byId, s.units.all(planId) as Link[], s.unitNames, 'leadUnits', 'supportUnits');
      addLinks(byId, s.people.all(planId) as Link[], s.personNames, 'responsiblePeople', 'leaders');
      return [...byId.values()];
    },
    narrativeTexts(periodId) {
      return s.narrativeTexts.all(periodId) as [number, string][];
    },
    lastImport() {
      const row = s.lastImport.get() as [number, number | null] | undefined;
      return row ? { planId: row[0], periodId: row[1] } : null;
    },
  };
}
