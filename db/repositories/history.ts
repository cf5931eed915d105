import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  entity: string;
  beforeJson: string | null;
  afterJson: string | null;
}

/** Everything the audit log holds about one project, its indicators, progress and overrides, oldest first. */
export async function projectAuditTrail(db: Kysely<Database>, projectId: number): Promise<AuditRow[]> {
  return db
    .selectFrom('auditLog')
    .select(['at', 'actor', 'action', 'entity', 'beforeJson', 'afterJson'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', 'in', ['project', 'progress', 'override']), eb('entityId', '=', projectId)]),
        eb.and([
          eb('entity', 'in', ['indicator', 'task']),
          eb.or([
            eb(sql`json_extract(after_json, '$.projectId')`, '=', projectId),
            eb(sql`json_extract(before_json, '$.projectId')`, '=', projectId),
          ]),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
}
