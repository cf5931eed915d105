import type { Kysely, Selectable } from 'kysely';
import type { PeriodSnapshot } from '../../shared/snapshot';
import type { Database, ReceivedTablesTable } from '../schema';

export type ReceivedRow = Omit<Selectable<ReceivedTablesTable>, 'snapshotJson'>;

export async function listReceived(db: Kysely<Database>): Promise<ReceivedRow[]> {
  return db
    .selectFrom('receivedTables')
    .select(['id', 'fileName', 'sha256', 'office', 'fingerprint', 'valid', 'changes', 'signer', 'planName', 'periodAsOf', 'receivedAt'])
    .orderBy('periodAsOf', 'desc')
    .orderBy('office')
    .execute();
}

export async function receivedSnapshots(db: Kysely<Database>, ids: readonly number[]): Promise<(ReceivedRow & { snapshot: PeriodSnapshot })[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('receivedTables').selectAll().where('id', 'in', [...ids]).orderBy('office').execute();
  return rows.map(({ snapshotJson, ...row }) => ({ ...row, snapshot: JSON.parse(snapshotJson) as PeriodSnapshot }));
}

/** Receiving the same file again replaces the earlier copy (same bytes, same SHA-256). */
export async function saveReceived(db: Kysely<Database>, row: Omit<Selectable<ReceivedTablesTable>, 'id'>): Promise<number> {
  await db.deleteFrom('receivedTables').where('sha256', '=', row.sha256).execute();
  return (await db.insertInto('receivedTables').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteReceived(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('receivedTables').where('id', '=', id).execute();
}
