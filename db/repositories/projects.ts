import type { Kysely } from 'kysely';
import type { PersonRole, Project, UnitRole } from '../../shared/domain';
import type { Database, NewProject, ProjectRow, ProjectUpdate } from '../schema';
import { ensurePeople, ensureUnits } from './directory';

export interface ProjectLinks {
  leadUnits: string[];
  supportUnits: string[];
  responsiblePeople: string[];
  leaders: string[];
}

const unitRoleOf: Record<UnitRole, keyof ProjectLinks> = { lead: 'leadUnits', support: 'supportUnits' };
const personRoleOf: Record<PersonRole, keyof ProjectLinks> = { responsible: 'responsiblePeople', leader: 'leaders' };

export async function listProjects(db: Kysely<Database>, planId: number): Promise<Project[]> {
  const rows = await db.selectFrom('projects').selectAll().where('planId', '=', planId).where('deletedAt', 'is', null).orderBy('seq').orderBy('id').execute();
  return withLinks(db, rows, { planId });
}

export async function getProject(db: Kysely<Database>, id: number, options: { includeDeleted?: boolean } = {}): Promise<Project | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.deletedAt !== null && !options.includeDeleted)) return undefined;
  const [project] = await withLinks(db, [row], { projectId: id });
  return project;
}

export async function nextProjectSeq(db: Kysely<Database>, planId: number): Promise<number> {
  const { max } = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('planId', '=', planId)
    .executeTakeFirstOrThrow();
  return (max ?? 0) + 1;
}

export async function insertProject(db: Kysely<Database>, project: NewProject, links: ProjectLinks, now: string): Promise<number> {
  const { id } = await db.insertInto('projects').values(project).returning('id').executeTakeFirstOrThrow();
  await replaceLinks(db, id, links, now, true);
  return id;
}

/** Marks a project deleted (or, with null, restores it); its data stays for the undo. */
export async function setProjectDeleted(db: Kysely<Database>, id: number, deletedAt: string | null): Promise<void> {
  await db.updateTable('projects').set({ deletedAt }).where('id', '=', id).execute();
}

export async function updateProjectRow(
  db: Kysely<Database>,
  id: number,
  changes: ProjectUpdate,
  links: Partial<ProjectLinks>,
  now: string,
): Promise<void> {
  await db.updateTable('projects').set({ ...changes, updatedAt: now }).where('id', '=', id).execute();
  await replaceLinks(db, id, links, now);
}

/** Replaces the listed roles' links, keeping the order the user gave; a new project has none to remove. */
async function replaceLinks(db: Kysely<Database>, projectId: number, links: Partial<ProjectLinks>, now: string, fresh = false): Promise<void> {
  for (const role of Object.keys(unitRoleOf) as UnitRole[]) {
    const names = links[unitRoleOf[role]];
    if (!names) continue;
    if (!fresh) await db.deleteFrom('projectUnits').where('projectId', '=', projectId).where('role', '=', role).execute();
    const ids = [...new Set(await ensureUnits(db, names, now))];
    if (ids.length) {
      await db.insertInto('projectUnits').values(ids.map((unitId, position) => ({ projectId, unitId, role, position }))).execute();
    }
  }
  for (const role of Object.keys(personRoleOf) as PersonRole[]) {
    const names = links[personRoleOf[role]];
    if (!names) continue;
    if (!fresh) await db.deleteFrom('projectPeople').where('projectId', '=', projectId).where('role', '=', role).execute();
    const ids = [...new Set(await ensurePeople(db, names, now))];
    if (ids.length) {
      await db.insertInto('projectPeople').values(ids.map((personId, position) => ({ projectId, personId, role, position }))).execute();
    }
  }
}

/** Which projects' links to load: a whole plan's, or one project's. */
type Scope = { planId: number } | { projectId: number };

async function withLinks(db: Kysely<Database>, rows: ProjectRow[], scope: Scope): Promise<Project[]> {
  if (rows.length === 0) return [];
  const units = await db
    .selectFrom('projectUnits')
    .innerJoin('projects', 'projects.id', 'projectUnits.projectId')
    .innerJoin('units', 'units.id', 'projectUnits.unitId')
    .select(['projectUnits.projectId', 'projectUnits.role', 'units.name'])
    .where((eb) => ('planId' in scope ? eb('projects.planId', '=', scope.planId) : eb('projects.id', '=', scope.projectId)))
    .orderBy('projectUnits.position')
    .execute();
  const people = await db
    .selectFrom('projectPeople')
    .innerJoin('projects', 'projects.id', 'projectPeople.projectId')
    .innerJoin('people', 'people.id', 'projectPeople.personId')
    .select(['projectPeople.projectId', 'projectPeople.role', 'people.name'])
    .where((eb) => ('planId' in scope ? eb('projects.planId', '=', scope.planId) : eb('projects.id', '=', scope.projectId)))
    .orderBy('projectPeople.position')
    .execute();

  const byId = new Map<number, Project>(
    rows.map(({ deletedAt: _deleted, ...row }) => [row.id, { ...row, leadUnits: [], supportUnits: [], responsiblePeople: [], leaders: [] }]),
  );
  for (const link of units) byId.get(link.projectId)?.[unitRoleOf[link.role]].push(link.name);
  for (const link of people) byId.get(link.projectId)?.[personRoleOf[link.role]].push(link.name);
  return [...byId.values()];
}
