import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface AuditEntry {
  actor: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Who changed what, when, before and after; written in the same transaction as the change. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, at: string): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
      afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
