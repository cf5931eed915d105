import type { ImportBatch, PlanLevel } from '../../../../shared/domain';
import { headerSignature, type TablePreview } from '../../../../shared/import/understand';
import { kindOfUnit } from '../../../../shared/text/units';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../db/repositories/audit';
import { ensureUnits } from '../../../../db/repositories/directory';
import { insertBatch, listBatches, recordItems, saveProfile, setBatchCounts, type BatchItem } from '../../../../db/repositories/import-batches';
import { insertIndicator } from '../../../../db/repositories/indicators';
import { insertPeriod } from '../../../../db/repositories/periods';
import { insertPlan } from '../../../../db/repositories/plans';
import { findNarrative, findValue, saveActual, saveNarrative } from '../../../../db/repositories/progress';
import { insertProject, nextProjectSeq, updateProjectRow } from '../../../../db/repositories/projects';
import type { Database } from '../../../../db/schema';
import type { BackendContext } from '../../context';
import { periodStart } from '../periods';
import { diffOf, planRows, type RowPlan } from './plan-rows';
import type { ImportTarget } from './target';

export interface StagedFile {
  fileName: string;
  sha256: string;
  format: string;
  sheet: string;
}

/** The level a new plan gets, read from the office that sent the table. */
function levelOf(text: string): PlanLevel {
  if (/(乡|镇|街道)/.test(text)) return 'township';
  if (/县/.test(text)) return 'county';
  if (/区/.test(text)) return 'district';
  if (/市/.test(text)) return 'city';
  return /省/.test(text) ? 'province' : 'county';
}

/**
 * Writes one imported table in one transaction, recording every row it creates or changes so the
 * batch can be undone. Conflicting and unchanged rows are left alone.
 */
export async function commitImport(ctx: BackendContext, file: StagedFile, table: TablePreview, target: ImportTarget): Promise<ImportBatch> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const batchId = await insertBatch(trx, {
      planId: target.plan?.id ?? null,
      periodId: target.period?.id ?? null,
      fileName: file.fileName,
      sha256: file.sha256,
      format: file.format,
      sheet: file.sheet,
      mappingJson: JSON.stringify(table.columns),
      countsJson: '{}',
      actor: ctx.actor,
      importedAt: now,
    });
    // The undo log is collected here and written once, at the end of the same transaction.
    const items: BatchItem[] = [];
    const item = (entity: BatchItem['entity'], entityId: number, before: unknown = null) => {
      items.push({ batchId, entity, entityId, action: before === null ? 'create' : 'update', beforeJson: before === null ? null : JSON.stringify(before) });
    };

    let plan = target.plan;
    if (!plan) {
      plan = await insertPlan(trx, {
        year: target.planYear,
        level: levelOf(`${table.reportingUnit ?? ''}${target.planName}`),
        name: target.planName,
        region: '',
        startDate: `${target.planYear}-01-01`,
        endDate: `${target.planYear}-12-31`,
        createdAt: now,
        updatedAt: now,
      });
      item('plan', plan.id);
    }
    let period = target.period;
    if (!period) {
      period = await insertPeriod(
        trx,
        { planId: plan.id, kind: target.periodKind, label: target.periodLabel, startDate: periodStart(target.periodKind, target.asOf, plan.startDate), asOf: target.asOf },
        now,
      );
      item('period', period.id);
    }

    // Plan and period exist now: work out the rows against them, exactly as the diff showed.
    const rows = await planRows(trx, table, { ...target, plan, period });
    for (const row of rows) {
      if (row.entry.kind === 'new' || row.entry.kind === 'changed') await writeRow(trx, ctx, row, plan.id, period.id, batchId, item, now);
    }
    await recordItems(trx, items);
    const counts = diffOf({ ...target, plan, period }, rows).counts;
    await setBatchCounts(trx, batchId, counts, plan.id, period.id);
    await saveProfile(trx, table.reportingUnit ?? '', headerSignature(table), table.columns, now);
    await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'import', entityId: batchId, after: { file: file.fileName, counts } }, now);
    return (await listBatches(trx, plan.id)).find((b) => b.id === batchId)!;
  });
}

type Item = (entity: 'project' | 'indicator' | 'progress' | 'value', entityId: number, before?: unknown) => void;

async function writeRow(trx: Kysely<Database>, ctx: BackendContext, row: RowPlan, planId: number, periodId: number, batchId: number, item: Item, now: string) {
  let projectId: number;
  if (row.project) {
    projectId = row.project.id;
    const links = Object.fromEntries(Object.entries(row.names).filter(([, names]) => names.length > 0));
    await updateProjectRow(trx, projectId, {}, links, now);
    item('project', projectId, row.project);
  } else {
    const seq = Number(row.row.seq);
    const free = Number.isInteger(seq) && seq > 0 && !(await trx.selectFrom('projects').select('id').where('planId', '=', planId).where('seq', '=', seq).executeTakeFirst());
    projectId = await insertProject(
      trx,
      { planId, seq: free ? seq : await nextProjectSeq(trx, planId), section: row.row.section ?? '', title: row.row.project, goal: row.row.task, deadline: null, createdAt: now, updatedAt: now },
      row.names,
      now,
    );
    item('project', projectId);
  }

  for (const n of row.narratives) {
    const unitId = n.unit === null ? null : ((await ensureUnits(trx, [n.unit], now))[0] ?? null);
    const previous = await findNarrative(trx, projectId, periodId, unitId);
    await saveNarrative(trx, projectId, n.text, { periodId, unitId, actor: ctx.actor, now }, batchId);
    item('progress', projectId, { key: { projectId, periodId, unitId }, previous });
  }

  for (const i of row.indicators) {
    let indicatorId = i.existing?.id;
    if (indicatorId === undefined) {
      indicatorId = await insertIndicator(
        trx,
        projectId,
        { name: i.name, kind: i.unit === '' ? 'count' : kindOfUnit(i.unit), comparator: '>=', target: i.target, unit: i.unit, approximate: false, deadline: null },
        now,
      );
      item('indicator', indicatorId);
    }
    if (i.actual === null) continue;
    const previous = await findValue(trx, indicatorId, periodId, null);
    await saveActual(trx, indicatorId, i.actual, '', { periodId, unitId: null, actor: ctx.actor, now }, batchId);
    item('value', indicatorId, { key: { indicatorId, periodId, unitId: null }, previous });
  }
}

