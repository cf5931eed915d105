import type { Kysely, Updateable } from 'kysely';
import type { SignOffRevision } from '../../shared/domain';
import type { SnapshotDetail } from '../../shared/bulletin/source';
import type { PeriodSnapshot } from '../../shared/snapshot';
import type { Database, SignOffsTable } from '../schema';

const columns = ['id', 'periodId', 'revision', 'state', 'reason', 'preparer', 'preparedAt', 'reviewer', 'reviewedAt', 'signer', 'signedAt'] as const;

export async function listRevisions(db: Kysely<Database>, periodId: number): Promise<SignOffRevision[]> {
  return db.selectFrom('signOffs').select(columns).where('periodId', '=', periodId).orderBy('revision').execute();
}

export async function getRevision(db: Kysely<Database>, id: number): Promise<SignOffRevision | undefined> {
  return db.selectFrom('signOffs').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function revisionSnapshot(db: Kysely<Database>, id: number): Promise<PeriodSnapshot | null> {
  const row = await db.selectFrom('signOffs').select('snapshotJson').where('id', '=', id).executeTakeFirst();
  return row?.snapshotJson ? (JSON.parse(row.snapshotJson) as PeriodSnapshot) : null;
}

export async function insertRevision(db: Kysely<Database>, periodId: number, revision: number, reason: string): Promise<number> {
  const row = await db
    .insertInto('signOffs')
    .values({
      periodId,
      revision,
      state: 'draft',
      reason,
      preparer: '',
      preparedAt: null,
      reviewer: '',
      reviewedAt: null,
      signer: '',
      signedAt: null,
      snapshotJson: null,
      sealJson: null,
      detailJson: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The database's triggers refuse any change to a signed revision; this never tries. */
export async function updateRevision(db: Kysely<Database>, id: number, changes: Updateable<SignOffsTable>): Promise<void> {
  await db.updateTable('signOffs').set(changes).where('id', '=', id).execute();
}

/** What a bulletin needs beyond the snapshot, frozen with it; null for a revision submitted before it was kept. */
export async function revisionDetail(db: Kysely<Database>, id: number): Promise<SnapshotDetail | null> {
  const row = await db.selectFrom('signOffs').select('detailJson').where('id', '=', id).executeTakeFirst();
  return row?.detailJson ? (JSON.parse(row.detailJson) as SnapshotDetail) : null;
}

/** The latest non-empty name in each role, over every period and plan. */
export async function lastSignOffNames(db: Kysely<Database>): Promise<{ preparer: string; reviewer: string; signer: string }> {
  const latest = async (role: 'preparer' | 'reviewer' | 'signer') => {
    const row = await db.selectFrom('signOffs').select(role).where(role, '!=', '').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return (row?.[role] as string | undefined) ?? '';
  };
  return { preparer: await latest('preparer'), reviewer: await latest('reviewer'), signer: await latest('signer') };
}
