import { sql, type Kysely } from 'kysely';
import type { UnitEntry } from '../../shared/domain';
import type { Database } from '../schema';

export async function listUnits(db: Kysely<Database>): Promise<UnitEntry[]> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .select((eb) =>
      eb
        .selectFrom('projectUnits')
        .innerJoin('projects', 'projects.id', 'projectUnits.projectId')
        .whereRef('projectUnits.unitId', '=', 'units.id')
        .where('projects.deletedAt', 'is', null)
        .select(sql<number>`count(DISTINCT project_id)`.as('n'))
        .as('projectCount'),
    )
    .orderBy('name')
    .execute();
  const aliases = await db.selectFrom('unitAliases').select(['alias', 'unitId']).orderBy('alias').execute();
  return units.map((u) => ({ ...u, projectCount: Number(u.projectCount ?? 0), aliases: aliases.filter((a) => a.unitId === u.id).map((a) => a.alias) }));
}

export async function getUnit(db: Kysely<Database>, id: number): Promise<UnitEntry | undefined> {
  return (await listUnits(db)).find((u) => u.id === id);
}

/** Which name, if any, already stands for a unit: its own name or an alias. */
export async function nameInUse(db: Kysely<Database>, name: string): Promise<boolean> {
  const unit = await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
  const alias = await db.selectFrom('unitAliases').select('unitId').where('alias', '=', name).executeTakeFirst();
  return Boolean(unit ?? alias);
}

export async function insertAlias(db: Kysely<Database>, unitId: number, alias: string): Promise<void> {
  await db.insertInto('unitAliases').values({ unitId, alias }).execute();
}

/** Periods in which both units reported for the same project: merging them would mix two reports into one. */
export async function mergeClashes(db: Kysely<Database>, fromId: number, intoId: number): Promise<number> {
  const reports = await sql<{ n: number }>`
    SELECT count(*) AS n FROM progress_reports a JOIN progress_reports b
      ON a.project_id = b.project_id AND a.period_id = b.period_id
    WHERE a.unit_id = ${fromId} AND b.unit_id = ${intoId}`.execute(db);
  const values = await sql<{ n: number }>`
    SELECT count(*) AS n FROM indicator_values a JOIN indicator_values b
      ON a.indicator_id = b.indicator_id AND a.period_id = b.period_id
    WHERE a.unit_id = ${fromId} AND b.unit_id = ${intoId}`.execute(db);
  return (reports.rows[0]?.n ?? 0) + (values.rows[0]?.n ?? 0);
}

/** Points everything at `intoId`, keeps the old name as an alias, and removes the duplicate unit. */
export async function mergeUnitRows(db: Kysely<Database>, fromId: number, intoId: number, fromName: string): Promise<void> {
  for (const table of ['project_units', 'task_units'] as const) {
    // A project already linked to both keeps one link.
    await sql`UPDATE OR IGNORE ${sql.table(table)} SET unit_id = ${intoId} WHERE unit_id = ${fromId}`.execute(db);
    await sql`DELETE FROM ${sql.table(table)} WHERE unit_id = ${fromId}`.execute(db);
  }
  await db.updateTable('progressReports').set({ unitId: intoId }).where('unitId', '=', fromId).execute();
  await db.updateTable('indicatorValues').set({ unitId: intoId }).where('unitId', '=', fromId).execute();
  await db.updateTable('unitAliases').set({ unitId: intoId }).where('unitId', '=', fromId).execute();
  await db.deleteFrom('units').where('id', '=', fromId).execute();
  await db.insertInto('unitAliases').values({ alias: fromName, unitId: intoId }).execute();
}
