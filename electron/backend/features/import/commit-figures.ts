import type { AcceptedFigures } from '../../../../shared/import/figures';
import type { BatchItem } from '../../../../db/repositories/import-batches';
import type { ImportWriter } from '../../../../db/repositories/import-writer';
import type { RowPlan } from './plan-rows';

type Log = (entity: BatchItem['entity'], entityId: number, before?: unknown) => void;

/**
 * Writes the figures a person accepted for one row, inside the import's transaction and its undo log:
 * proposed targets become indicators that remember their words, actuals are saved (per unit when the
 * progress was split by unit) with the words they were read from, and the stated completion is kept for
 * the period.
 */
export function writeFigures(writer: ImportWriter, row: RowPlan, projectId: number, periodId: number, accepted: AcceptedFigures, log: Log): void {
  const created = new Map<string, number>();
  for (const t of accepted.targets) {
    const id = writer.insertIndicator(projectId, {
      name: t.label,
      kind: t.kind,
      comparator: t.comparator,
      target: t.target,
      unit: t.unit,
      approximate: t.approximate,
      deadline: t.deadline,
      sourceText: t.words,
    });
    created.set(t.key, id);
    log('indicator', id);
  }
  for (const a of accepted.actuals) {
    const indicatorId = 'id' in a.indicator ? a.indicator.id : created.get(a.indicator.target);
    if (indicatorId === undefined) continue;
    const unitId = a.unit === null ? null : writer.unitId(a.unit);
    const previous = row.periodValues.get(`${indicatorId}\t${unitId ?? ''}`) ?? null;
    writer.saveActual(indicatorId, periodId, a.value, a.words, unitId);
    log('value', indicatorId, { key: { indicatorId, periodId, unitId }, previous });
  }
  const s = accepted.stated;
  if (s) {
    writer.saveStated(projectId, periodId, { share: s.share, done: s.done, words: s.span.text });
    log('stated', projectId, { key: { projectId, periodId }, previous: row.previousStated });
  }
}
