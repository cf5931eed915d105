import { LedgerError } from '../../../../shared/errors';
import type { ImportBatch, Project } from '../../../../shared/domain';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../db/repositories/audit';
import { batchItems, listBatches, markUndone, type BatchItem } from '../../../../db/repositories/import-batches';
import { deleteIndicatorRow, deleteIndicatorRows } from '../../../../db/repositories/indicators';
import { isPeriodSigned } from '../../../../db/repositories/periods';
import { getPlan } from '../../../../db/repositories/plans';
import { deleteNarrative, deleteNarratives, deleteValue, deleteValues, saveActual, saveNarrative, type NarrativeRow, type ValueRow } from '../../../../db/repositories/progress';
import { updateProjectRow } from '../../../../db/repositories/projects';
import { deleteStated, deleteStatedOf, restoreStated, type StatedRow } from '../../../../db/repositories/stated';
import { createdOf, isCreatedEntry } from '../../../../db/repositories/created-log';
import type { Database } from '../../../../db/schema';
import type { BackendContext } from '../../context';

interface Keyed<K, V> {
  key: K;
  previous: V | null;
}

/** Puts back, in reverse order, everything one import batch created or changed. */
export async function undoImport(ctx: BackendContext, batchId: number): Promise<ImportBatch> {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = (await listBatches(trx)).find((b) => b.id === batchId);
    if (!batch) throw new LedgerError('NOT_FOUND', `找不到编号为 ${batchId} 的导入记录。`);
    if (batch.undoneAt) throw new LedgerError('CONFLICT', '这次导入已经撤销过了。');
    if (batch.planId === null || !(await getPlan(trx, batch.planId))) {
      throw new LedgerError('CONFLICT', '这次导入所在的计划已删除；如需撤销，请先恢复该计划。');
    }
    if (!batch.undoable) throw new LedgerError('CONFLICT', '之后又导入过同一计划的表格，请先撤销较新的那次导入。');
    if (batch.periodId !== null && (await isPeriodSigned(trx, batch.periodId))) {
      throw new LedgerError('CONFLICT', '这次导入的报送期已经签发，不能撤销。');
    }
    for (const item of (await batchItems(trx, batchId)).reverse()) await undoItem(trx, item, batch.planId);
    const now = ctx.now();
    await markUndone(trx, batchId, now);
    await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'import', entityId: batchId, before: batch }, now);
    return (await listBatches(trx)).find((b) => b.id === batchId)!;
  });
}

async function undoItem(trx: Kysely<Database>, item: BatchItem, planId: number): Promise<void> {
  if (isCreatedEntry(item)) return deleteCreated(trx, item);
  const { entity, entityId } = item;
  const before: unknown = item.beforeJson === null ? null : JSON.parse(item.beforeJson);
  switch (entity) {
    case 'value': {
      const { key, previous } = before as Keyed<{ indicatorId: number; periodId: number; unitId: number | null }, ValueRow>;
      await deleteValue(trx, key.indicatorId, key.periodId, key.unitId);
      if (previous) await saveActual(trx, key.indicatorId, previous.actual, previous.sourceText, { ...key, actor: previous.actor, now: previous.updatedAt });
      return;
    }
    case 'progress': {
      const { key, previous } = before as Keyed<{ projectId: number; periodId: number; unitId: number | null }, NarrativeRow>;
      await deleteNarrative(trx, key.projectId, key.periodId, key.unitId);
      if (previous) await saveNarrative(trx, key.projectId, previous.narrative, { ...key, actor: previous.actor, now: previous.updatedAt });
      return;
    }
    case 'stated': {
      const { key, previous } = before as Keyed<{ projectId: number; periodId: number }, StatedRow>;
      await deleteStated(trx, key.projectId, key.periodId);
      if (previous) await restoreStated(trx, previous);
      return;
    }
    case 'indicator':
      return deleteIndicatorRow(trx, entityId);
    case 'project': {
      if (before === null) {
        // The projects the import created, a run of ids in its plan (the plan: ids free again may be reused elsewhere).
        await trx.deleteFrom('projects').where('id', '>=', entityId).where('id', '<=', item.lastEntityId ?? entityId).where('planId', '=', planId).execute();
        return;
      }
      const { leadUnits, supportUnits, responsiblePeople, leaders, updatedAt } = before as Project;
      return updateProjectRow(trx, entityId, {}, { leadUnits, supportUnits, responsiblePeople, leaders }, updatedAt);
    }
    case 'period':
      await trx.deleteFrom('periods').where('id', '=', entityId).execute();
      return;
    case 'plan':
      await trx.deleteFrom('plans').where('id', '=', entityId).execute();
      return;
  }
}

/** Rows the import created where there were none (`createdLog`): deletes what is at their keys. */
async function deleteCreated(trx: Kysely<Database>, item: BatchItem): Promise<void> {
  const { entity, key, ids } = createdOf(item);
  switch (entity) {
    case 'indicator':
      return deleteIndicatorRows(trx, ids);
    case 'progress':
      return deleteNarratives(trx, ids, key!);
    case 'value':
      return deleteValues(trx, ids, key!);
    case 'stated':
      return deleteStatedOf(trx, ids, key!.periodId);
  }
}
