import type { Kysely } from 'kysely';
import type { StatusOverride } from '../../shared/status/types';
import type { Database } from '../schema';

/**
 * Each project's standing override for one period (the newest not revoked): an override made while judging
 * 09-30 says nothing of 07-25. Overrides from before periods were named (period NULL) still stand everywhere.
 */
export async function activeOverrides(db: Kysely<Database>, planId: number, periodId: number | null): Promise<Map<number, StatusOverride>> {
  const rows = await db
    .selectFrom('statusOverrides')
    .innerJoin('projects', 'projects.id', 'statusOverrides.projectId')
    .select(['statusOverrides.projectId', 'statusOverrides.status', 'statusOverrides.reason', 'statusOverrides.actor', 'statusOverrides.createdAt'])
    .where('projects.planId', '=', planId)
    .where('statusOverrides.revokedAt', 'is', null)
    .where((eb) => (periodId === null ? eb('statusOverrides.periodId', 'is', null) : eb.or([eb('statusOverrides.periodId', '=', periodId), eb('statusOverrides.periodId', 'is', null)])))
    .orderBy('statusOverrides.id')
    .execute();
  return new Map(rows.map((r) => [r.projectId, { status: r.status, reason: r.reason, by: r.actor, at: r.createdAt }]));
}

export async function insertOverride(
  db: Kysely<Database>,
  override: { projectId: number; periodId: number | null; status: StatusOverride['status']; reason: string; actor: string },
  now: string,
): Promise<void> {
  await revokeOverrides(db, override.projectId, now, override.periodId);
  await db.insertInto('statusOverrides').values({ ...override, createdAt: now, revokedAt: null }).execute();
}

/** Overrides are revoked, never deleted: the record of who decided what stays. */
export async function revokeOverrides(db: Kysely<Database>, projectId: number, now: string, periodId: number | null): Promise<number> {
  const result = await db
    .updateTable('statusOverrides')
    .set({ revokedAt: now })
    .where('projectId', '=', projectId)
    .where((eb) => (periodId === null ? eb('periodId', 'is', null) : eb('periodId', '=', periodId)))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
