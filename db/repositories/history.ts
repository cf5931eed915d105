import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { namesId } from './created-log';

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

export interface ImportTouch {
  fileName: string;
  importedAt: string;
  actor: string;
  undoneAt: string | null;
  /** The import created the project (rather than updating it). */
  created: boolean;
}

/** The imports that created or changed one project, its indicators or their values, oldest first. */
export async function projectImports(db: Kysely<Database>, projectId: number): Promise<ImportTouch[]> {
  const rows = await db
    .selectFrom('importBatchItems as i')
    .innerJoin('importBatches as b', 'b.id', 'i.batchId')
    .select(['b.fileName', 'b.importedAt', 'b.actor', 'b.undoneAt'])
    .select(sql<number>`max(i.entity = 'project' AND i.action = 'create')`.as('created'))
    .where((eb) =>
      eb.or([
        eb.and([eb('i.entity', 'in', ['project', 'progress']), eb('i.entityId', '=', projectId)]),
        // The run of projects an import created (migration 8).
        eb.and([eb('i.entity', '=', 'project'), eb('i.lastEntityId', 'is not', null), eb('i.entityId', '<=', projectId), eb('i.lastEntityId', '>=', projectId)]),
        eb.and([eb('i.entity', 'in', ['indicator', 'value']), eb('i.entityId', 'in', eb.selectFrom('indicators').select('id').where('projectId', '=', projectId))]),
        // The progress it wrote where there was none, one entry for many projects (created-log.ts): this one among them.
        eb.and([
          eb('i.entity', '=', 'progress'),
          eb('i.lastEntityId', 'is not', null),
          eb('i.entityId', '<=', projectId),
          eb('i.lastEntityId', '>=', projectId),
          namesId(projectId),
        ]),
        // The indicators it created, or values it wrote where there were none, for many indicators: one of this project's among them.
        eb.and([
          eb('i.entity', 'in', ['indicator', 'value']),
          eb('i.lastEntityId', 'is not', null),
          sql<boolean>`EXISTS (SELECT 1 FROM indicators x WHERE x.project_id = ${projectId} AND x.id BETWEEN i.entity_id AND i.last_entity_id AND ${namesId(sql`x.id`)})`,
        ]),
      ]),
    )
    .groupBy('b.id')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ ...r, created: r.created === 1 }));
}
