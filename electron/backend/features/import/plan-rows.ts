import type { DiffEntry, DiffKind, FieldChange, Indicator, ImportDiff, Project } from '../../../../shared/domain';
import type { PreviewRow, TablePreview } from '../../../../shared/import/understand';
import { matchRows } from '../../../../shared/matching';
import { uniqueNames } from '../../../../shared/names';
import { trimNumber } from '../../../../shared/status/format';
import type { Kysely } from 'kysely';
import { aliasNames } from '../../../../db/repositories/directory';
import { listPlanIndicators } from '../../../../db/repositories/indicators';
import { isPeriodSigned } from '../../../../db/repositories/periods';
import { getProgressRecord, latestActuals } from '../../../../db/repositories/progress';
import { listProjects } from '../../../../db/repositories/projects';
import type { Database } from '../../../../db/schema';
import type { ImportTarget } from './target';

/** One row, with the project it updates (null: a new one) and what would change. */
export interface RowPlan {
  row: PreviewRow;
  project: Project | null;
  entry: DiffEntry;
  /** The row's units, people and leaders as the directory names them. */
  names: { leadUnits: string[]; supportUnits: string[]; responsiblePeople: string[]; leaders: string[] };
  /** Narratives to write: per unit when the cell was split by unit, else for the whole project. */
  narratives: { unit: string | null; text: string }[];
  indicators: { name: string; target: number | null; unit: string; actual: number | null; existing: Indicator | null }[];
}

const linkLabels = { leadUnits: '主要责任单位', supportUnits: '相关责任单位', responsiblePeople: '责任人', leaders: '分管领导' } as const;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Works out, without writing anything, what importing these rows into the target would do. */
export async function planRows(db: Kysely<Database>, table: TablePreview, target: ImportTarget): Promise<RowPlan[]> {
  const projects = target.plan ? await listProjects(db, target.plan.id) : [];
  const indicators = target.plan ? await listPlanIndicators(db, target.plan.id) : [];
  const previous = target.plan ? await latestActuals(db, target.plan.id, dayBefore(target.asOf)) : new Map();
  const signed = target.period ? await isPeriodSigned(db, target.period.id) : false;
  const matches = matchRows(table.rows, projects);
  const aliases = await aliasNames(db, table.rows.flatMap((r) => uniqueNames([...r.leadUnits, ...r.supportUnits])));
  // Names as the directory knows them: an alias becomes its unit's name.
  const canonical = (names: string[]) => [...new Set(uniqueNames(names).map((n) => aliases.get(n) ?? n))];

  const plans: RowPlan[] = [];
  for (const [index, row] of table.rows.entries()) {
    const project = projects.find((p) => p.id === matches[index]) ?? null;
    const names = {
      leadUnits: canonical(row.leadUnits),
      supportUnits: canonical(row.supportUnits),
      responsiblePeople: uniqueNames(row.responsiblePeople),
      leaders: uniqueNames(row.leaders),
    };
    const narratives = row.unitProgress.length
      ? row.unitProgress.map((u) => ({ unit: u.unit, text: u.text }))
      : row.progress
        ? [{ unit: null, text: row.progress }]
        : [];
    const rowIndicators = row.indicators.map((i) => ({
      ...i,
      existing: project ? (indicators.find((x) => x.projectId === project.id && x.name === i.name) ?? null) : null,
    }));

    const changes: FieldChange[] = [];
    let conflict: string | null = signed ? `报送期“${target.periodLabel}”已签发，不能再导入；如需更正请新建修订版。` : null;
    if (!project) {
      // A new project: show what it will be created with.
      for (const key of Object.keys(linkLabels) as (keyof typeof linkLabels)[]) {
        if (names[key].length) changes.push({ field: key, label: linkLabels[key], before: '', after: names[key].join('、') });
      }
      for (const n of narratives) changes.push({ field: 'progress', label: n.unit ? `进展（${n.unit}）` : '进展情况', before: '', after: n.text });
      for (const i of rowIndicators) {
        if (i.actual !== null) changes.push({ field: 'actual', label: `完成值（${i.name}）`, before: '', after: trimNumber(i.actual) });
      }
    } else {
      for (const key of Object.keys(linkLabels) as (keyof typeof linkLabels)[]) {
        const [before, after] = [project[key].join('、'), names[key].join('、')];
        if (names[key].length && before !== after) changes.push({ field: key, label: linkLabels[key], before, after });
      }
      const record = target.period ? await getProgressRecord(db, project.id, target.period.id) : null;
      for (const n of narratives) {
        const before = record?.narratives.find((x) => x.unit === n.unit)?.narrative ?? '';
        if (before !== n.text) changes.push({ field: 'progress', label: n.unit ? `进展（${n.unit}）` : '进展情况', before, after: n.text });
      }
      for (const i of rowIndicators) {
        if (i.actual === null) continue;
        const before = i.existing ? record?.actuals.find((a) => a.indicatorId === i.existing!.id && a.unit === null)?.actual : undefined;
        if (before !== i.actual) {
          changes.push({ field: 'actual', label: `完成值（${i.name}）`, before: before == null ? '' : trimNumber(before), after: trimNumber(i.actual) });
        }
        const earlier = i.existing ? previous.get(i.existing.id)?.actual : undefined;
        if (earlier !== undefined && i.actual < earlier) {
          conflict ??= `“${i.name}”完成值从上期的 ${trimNumber(earlier)} 降为 ${trimNumber(i.actual)}，请核实后再导入。`;
        }
      }
    }
    const kind: DiffKind = conflict ? 'conflict' : !project ? 'new' : changes.length ? 'changed' : 'unchanged';
    plans.push({
      row,
      project,
      names,
      narratives,
      indicators: rowIndicators,
      entry: { sourceRow: row.sourceRow, kind, projectId: project?.id ?? null, seq: row.seq, title: project?.title ?? row.project, changes, conflict },
    });
  }
  return plans;
}

export function diffOf(target: ImportTarget, rows: RowPlan[]): ImportDiff {
  const counts = { new: 0, changed: 0, unchanged: 0, conflict: 0 };
  for (const r of rows) counts[r.entry.kind]++;
  return {
    plan: { id: target.plan?.id ?? null, year: target.planYear, name: target.planName },
    period: { id: target.period?.id ?? null, label: target.periodLabel, asOf: target.asOf },
    entries: rows.map((r) => r.entry),
    counts,
  };
}
