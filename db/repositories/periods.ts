import type { Kysely } from 'kysely';
import type { Period } from '../../shared/domain';
import type { Database } from '../schema';

const columns = ['id', 'planId', 'kind', 'label', 'startDate', 'asOf'] as const;

export async function listPeriods(db: Kysely<Database>, planId: number): Promise<Period[]> {
  return db.selectFrom('periods').select(columns).where('planId', '=', planId).orderBy('asOf').execute();
}

export async function getPeriod(db: Kysely<Database>, id: number): Promise<Period | undefined> {
  return db.selectFrom('periods').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The period whose reports count at `asOf`: the latest one due by then. */
export async function periodDueBy(db: Kysely<Database>, planId: number, asOf: string): Promise<Period | undefined> {
  return db.selectFrom('periods').select(columns).where('planId', '=', planId).where('asOf', '<=', asOf).orderBy('asOf', 'desc').executeTakeFirst();
}

export async function insertPeriod(db: Kysely<Database>, period: Omit<Period, 'id'>, now: string): Promise<Period> {
  return db.insertInto('periods').values({ ...period, createdAt: now }).returning(columns).executeTakeFirstOrThrow();
}

/**
 * A period whose latest revision is signed is frozen (DESIGN §6): corrections need a new revision,
 * which opens it again until that one is signed.
 */
export async function isPeriodSigned(db: Kysely<Database>, periodId: number): Promise<boolean> {
  const latest = await db.selectFrom('signOffs').select('state').where('periodId', '=', periodId).orderBy('revision', 'desc').executeTakeFirst();
  return latest?.state === 'signed';
}
