import type { ImportBatch, PlanLevel } from '../../../../shared/domain';
import { figureAcceptor, type acceptedFigures, type FigureAcceptance } from '../../../../shared/import/figures';
import { headerSignature, type TablePreview } from '../../../../shared/import/understand';
import { kindOfUnit } from '../../../../shared/text/units';
import { recordAudit } from '../../../../db/repositories/audit';
import { insertBatch, listBatches, saveProfile, setBatchCounts, type BatchItem } from '../../../../db/repositories/import-batches';
import type { CreatedEntity } from '../../../../db/repositories/created-log';
import { importWriter, type ImportWriter } from '../../../../db/repositories/import-writer';
import { insertPeriod, listPeriods } from '../../../../db/repositories/periods';
import { findPlanByName, insertPlan } from '../../../../db/repositories/plans';
import type { BackendContext } from '../../context';
import { periodStart } from '../periods';
import { withCheckpointAfter } from '../../../../db/checkpoint';
import { withStatementJournalInMemory } from '../../../../db/statement-journal';
import { writeFigures } from './commit-figures';
import { diffOf, planRows, type RowPlan } from './plan-rows';
import { ledgerVersion, type Planned } from './planned';
import { takeReadAhead } from './prefetch';
import { rememberDepartmentPlan } from './department-plan';
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
export async function commitImport(...args: Parameters<typeof writeBatch>): Promise<ImportBatch> {
  const sqlite = args[0].ledger.sqlite;
  return withCheckpointAfter(sqlite, () => withStatementJournalInMemory(sqlite, () => writeBatch(...args)));
}

async function writeBatch(
  ctx: BackendContext,
  file: StagedFile,
  table: TablePreview,
  target: ImportTarget,
  figures?: FigureAcceptance,
  planned?: Pick<Planned, 'rows' | 'version'> | null,
): Promise<ImportBatch> {
  return ctx.db.transaction().execute(async (trx) => {
    // Under the write lock: the diff's rows stand if nobody has written since they were planned; or what was
    // read ahead while the file was parsed, if nobody has written since, before this transaction writes.
    const version = ledgerVersion(ctx.ledger.sqlite);
    const reused = planned && version === planned.version ? planned.rows : null;
    const ahead = takeReadAhead(ctx.ledger.sqlite, version);
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
    // Read again under the write lock: another window or the command line may have created this plan or period
    // since the target was worked out, and the rows belong in theirs.
    let plan = target.plan ?? (await findPlanByName(trx, target.planYear, target.planName)) ?? null;
    let period = target.period ?? (plan ? ((await listPeriods(trx, plan.id)).find((p) => p.asOf === target.asOf) ?? null) : null);
    const created: BatchItem['entity'][] = [];
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
      created.push('plan');
    }
    if (!period) {
      period = await insertPeriod(
        trx,
        { planId: plan.id, kind: target.periodKind, label: target.periodLabel, startDate: periodStart(target.periodKind, target.asOf, plan.startDate), asOf: target.asOf },
        now,
      );
      created.push('period');
    }

    // Plan and period exist now: work out the rows against them, exactly as the diff showed.
    const resolved = { ...target, plan, period };
    // A plan made here may have taken the id of a deleted one of its name, removed just now (insertPlan).
    const ledger = { db: trx, sqlite: ctx.ledger.sqlite, ahead: created.includes('plan') ? null : ahead };
    const rows = reused ?? (await planRows(ledger, table, resolved, { figures: figures !== undefined }));
    const writer = importWriter(ctx.ledger.sqlite, { planId: plan.id, batchId, actor: ctx.actor, now });
    for (const entity of created) writer.recordItem({ entity, entityId: entity === 'plan' ? plan.id : period.id, action: 'create', beforeJson: null });
    const acceptFigures = figureAcceptor(figures);
    for (const row of rows) {
      const accepted = acceptFigures(row.figures, row.row.sourceRow);
      const anyFigure = accepted.targets.length > 0 || accepted.actuals.length > 0 || accepted.stated !== null;
      if (row.entry.kind === 'new' || row.entry.kind === 'changed') writeRow(writer, row, plan.id, period.id, accepted);
      // A table sent again unchanged may still bring figures nobody accepted the first time.
      else if (row.entry.kind === 'unchanged' && anyFigure && row.project) writeFigures(writer, row, row.project.id, period.id, accepted, logTo(writer));
    }
    writer.finish();
    const counts = diffOf(resolved, rows).counts;
    await setBatchCounts(trx, batchId, counts, plan.id, period.id);
    await saveProfile(trx, table.reportingUnit ?? '', headerSignature(table), table.columns, now);
    await rememberDepartmentPlan(trx, table.reportingUnit, plan.id);
    await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'import', entityId: batchId, after: { file: file.fileName, counts } }, now);
    return (await listBatches(trx, plan.id)).find((b) => b.id === batchId)!;
  });
}

/** What a write at a key replaced: `previous` null when the ledger had no row there. */
interface Replaced {
  key: { periodId: number; unitId?: number | null };
  previous: unknown;
}
const createdKinds = new Set<BatchItem['entity']>(['indicator', 'progress', 'value', 'stated']);

/**
 * Logs a write: what it replaced, to be put back, in an entry of its own; a row where there was none, with the
 * others of its kind (`recordCreated`), so a monthly table of new progress costs no entry per row.
 */
function logTo(writer: ImportWriter) {
  return (entity: BatchItem['entity'], entityId: number, before: unknown = null) => {
    const replaced = before as Replaced | null;
    if (createdKinds.has(entity) && (replaced === null || replaced.previous === null)) {
      const key = replaced?.key;
      return writer.recordCreated(entity as CreatedEntity, entityId, key ? { periodId: key.periodId, unitId: key.unitId ?? null } : null);
    }
    writer.recordItem({ entity, entityId, action: before === null ? 'create' : 'update', beforeJson: before === null ? null : JSON.stringify(before) });
  };
}

/**
 * Writes one new or changed row, logging what each write replaced so the batch can be undone. A new project
 * is logged by the writer, with all the others this import creates: undoing deletes them, and with them
 * everything written under them.
 */
function writeRow(writer: ImportWriter, row: RowPlan, planId: number, periodId: number, accepted: ReturnType<typeof acceptedFigures>): void {
  const log = row.project ? logTo(writer) : () => {};

  let projectId: number;
  if (row.project) {
    projectId = row.project.id;
    // Only the roles whose names changed are rewritten: a monthly table mostly brings new progress only (and
    // then no links are worked out at all).
    const changed = new Set(row.entry.changes.map((c) => c.field));
    const links = Object.keys(row.names).some((role) => changed.has(role))
      ? (Object.fromEntries(Object.entries(row.names).map(([role, names]) => [role, changed.has(role) ? names : []])) as RowPlan['names'])
      : null;
    if (links && Object.values(links).some((names) => names.length > 0)) {
      writer.updateLinks(projectId, links);
      log('project', projectId, row.project);
    }
  } else {
    const seq = writer.seqFor(Number(row.row.seq));
    // The number as written is kept where it is not the plain order (一、二 or （三）, not 1, 2).
    const written = row.row.seqText ?? '';
    const seqLabel = written !== '' && written !== String(seq) ? written : '';
    projectId = writer.insertProject({ planId, seq, seqLabel, section: row.row.section ?? '', title: row.row.project, goal: row.row.task }, row.names);
    // Its tasks go with it: undoing the import deletes the project, and its tasks with it.
    row.tasks.forEach((task, i) => writer.insertTask(projectId, i + 1, task.title, task.leadUnits));
  }

  // What the table repeats unchanged keeps its author and time.
  for (const n of row.narratives) {
    if (n.previous?.narrative === n.text) continue;
    const unitId = n.unit === null ? null : writer.unitId(n.unit);
    writer.saveNarrative(projectId, periodId, unitId, n.text);
    log('progress', projectId, { key: { projectId, periodId, unitId }, previous: n.previous });
  }

  for (const i of row.indicators) {
    let indicatorId = i.existing?.id;
    if (indicatorId === undefined) {
      const kind = i.unit === '' ? 'count' : kindOfUnit(i.unit);
      indicatorId = writer.insertIndicator(projectId, { name: i.name, kind, comparator: '>=', target: i.target, unit: i.unit, approximate: false, deadline: null });
      log('indicator', indicatorId);
    }
    if (i.actual === null || i.previous?.actual === i.actual) continue;
    writer.saveActual(indicatorId, periodId, i.actual, '');
    log('value', indicatorId, { key: { indicatorId, periodId, unitId: null }, previous: i.previous });
  }
  writeFigures(writer, row, projectId, periodId, accepted, log);
}
