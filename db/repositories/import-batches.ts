import type { Kysely, Selectable } from 'kysely';
import type { DiffKind, ImportBatch } from '../../shared/domain';
import type { ColumnMapping } from '../../shared/import/understand';
import type { Database, ImportBatchesTable, ImportBatchItemsTable } from '../schema';

export async function findProfile(db: Kysely<Database>, department: string, signature: string): Promise<ColumnMapping[] | null> {
  const row = await db
    .selectFrom('importProfiles')
    .select('mappingJson')
    .where('department', '=', department)
    .where('headerSignature', '=', signature)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mappingJson) as ColumnMapping[]) : null;
}

export async function saveProfile(db: Kysely<Database>, department: string, signature: string, mapping: ColumnMapping[], now: string): Promise<void> {
  const mappingJson = JSON.stringify(mapping);
  await db
    .insertInto('importProfiles')
    .values({ department, headerSignature: signature, mappingJson, updatedAt: now })
    .onConflict((oc) => oc.columns(['department', 'headerSignature']).doUpdateSet({ mappingJson, updatedAt: now }))
    .execute();
}

export type NewBatch = Omit<Selectable<ImportBatchesTable>, 'id' | 'undoneAt'>;

export async function insertBatch(db: Kysely<Database>, batch: NewBatch): Promise<number> {
  return (await db.insertInto('importBatches').values({ ...batch, undoneAt: null }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setBatchCounts(db: Kysely<Database>, id: number, counts: Record<DiffKind, number>, planId: number, periodId: number): Promise<void> {
  await db.updateTable('importBatches').set({ countsJson: JSON.stringify(counts), planId, periodId }).where('id', '=', id).execute();
}

export type BatchItem = Omit<Selectable<ImportBatchItemsTable>, 'id'>;

export async function batchItems(db: Kysely<Database>, batchId: number): Promise<BatchItem[]> {
  return db.selectFrom('importBatchItems').select(['batchId', 'entity', 'entityId', 'action', 'beforeJson', 'lastEntityId']).where('batchId', '=', batchId).orderBy('id').execute();
}

export async function markUndone(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('importBatches').set({ undoneAt: now }).where('id', '=', id).execute();
}

/** Newest first; undoable while it is the latest batch still in force of a plan that is not deleted. */
export async function listBatches(db: Kysely<Database>, planId?: number): Promise<ImportBatch[]> {
  let query = db
    .selectFrom('importBatches')
    .leftJoin('plans', 'plans.id', 'importBatches.planId')
    .selectAll('importBatches')
    .select('plans.deletedAt as planDeletedAt')
    .orderBy('importBatches.id', 'desc');
  if (planId !== undefined) query = query.where('importBatches.planId', '=', planId);
  const rows = await query.execute();
  const latestLive = new Map<number | null, number>();
  for (const row of rows) if (row.undoneAt === null && !latestLive.has(row.planId)) latestLive.set(row.planId, row.id);
  return rows.map(({ mappingJson: _m, countsJson, planDeletedAt, ...row }) => ({
    ...row,
    counts: JSON.parse(countsJson) as Record<DiffKind, number>,
    undoable: row.undoneAt === null && row.planId !== null && planDeletedAt === null && latestLive.get(row.planId) === row.id,
  }));
}
