import type { Kysely } from 'kysely';
import type { StatusOverride } from '../../shared/status/types';
import type { Database } from '../schema';

/** Each project's standing override (the newest not revoked). */
export async function activeOverrides(db: Kysely<Database>, planId: number): Promise<Map<number, StatusOverride>> {
  const rows = await db
    .selectFrom('statusOverrides')
    .innerJoin('projects', 'projects.id', 'statusOverrides.projectId')
    .select(['statusOverrides.projectId', 'statusOverrides.status', 'statusOverrides.reason', 'statusOverrides.actor', 'statusOverrides.createdAt'])
    .where('projects.planId', '=', planId)
    .where('statusOverrides.revokedAt', 'is', null)
    .orderBy('statusOverrides.id')
    .execute();
  return new Map(rows.map((r) => [r.projectId, { status: r.status, reason: r.reason, by: r.actor, at: r.createdAt }]));
}

export async function insertOverride(
  db: Kysely<Database>,
  override: { projectId: number; periodId: number | null; status: StatusOverride['status']; reason: string; actor: string },
  now: string,
): Promise<void> {
  await revokeOverrides(db, override.projectId, now);
  await db.insertInto('statusOverrides').values({ ...override, createdAt: now, revokedAt: null }).execute();
}

/** Overrides are revoked, never deleted: the record of who decided what stays. */
export async function revokeOverrides(db: Kysely<Database>, projectId: number, now: string): Promise<number> {
  const result = await db
    .updateTable('statusOverrides')
    .set({ revokedAt: now })
    .where('projectId', '=', projectId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
