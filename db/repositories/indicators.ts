import type { Kysely, Selectable } from 'kysely';
import type { Indicator } from '../../shared/domain';
import type { Database, IndicatorsTable } from '../schema';
import { idList } from './created-log';

const toIndicator = ({ taskId: _t, createdAt: _c, updatedAt: _u, approximate, sourceText, ...row }: Selectable<IndicatorsTable>): Indicator => ({
  ...row,
  approximate: approximate === 1,
  // Only indicators read from the words say where they came from.
  ...(sourceText ? { sourceText } : {}),
});

export async function listIndicators(db: Kysely<Database>, projectId: number): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicators').selectAll().where('projectId', '=', projectId).orderBy('position').orderBy('id').execute();
  return rows.map(toIndicator);
}

export async function listPlanIndicators(db: Kysely<Database>, planId: number): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('indicators')
    .innerJoin('projects', 'projects.id', 'indicators.projectId')
    .selectAll('indicators')
    .where('projects.planId', '=', planId)
    .where('projects.deletedAt', 'is', null)
    .orderBy('indicators.position')
    .orderBy('indicators.id')
    .execute();
  return rows.map(toIndicator);
}

export async function getIndicator(db: Kysely<Database>, id: number): Promise<Indicator | undefined> {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toIndicator(row);
}

type IndicatorFields = Omit<Indicator, 'id' | 'position' | 'projectId'>;

export async function insertIndicator(db: Kysely<Database>, projectId: number, fields: IndicatorFields, now: string): Promise<number> {
  const { max } = await db
    .selectFrom('indicators')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('indicators')
    .values({ ...fields, approximate: fields.approximate ? 1 : 0, projectId, taskId: null, position: (max ?? -1) + 1, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateIndicatorRow(db: Kysely<Database>, id: number, fields: Partial<IndicatorFields>, now: string): Promise<void> {
  const { approximate, ...rest } = fields;
  await db
    .updateTable('indicators')
    .set({ ...rest, ...(approximate === undefined ? {} : { approximate: approximate ? 1 : 0 }), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteIndicatorRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}

/** Many indicators, by id (an import's undo). */
export async function deleteIndicatorRows(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  await db.deleteFrom('indicators').where('id', 'in', idList(ids)).execute();
}
