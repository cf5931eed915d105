import type { DiffEntry, DiffKind, FieldChange, Indicator, ImportDiff, Project } from '../../../../shared/domain';
import { groupProjectRows, type ProjectRows } from '../../../../shared/import/group';
import type { PreviewRow, TablePreview } from '../../../../shared/import/understand';
import { matchRows } from '../../../../shared/matching';
import { uniqueNames } from '../../../../shared/names';
import { trimNumber } from '../../../../shared/status/format';
import type { Kysely } from 'kysely';
import { aliasNames } from '../../../../db/repositories/directory';
import { listPlanIndicators } from '../../../../db/repositories/indicators';
import { isPeriodSigned } from '../../../../db/repositories/periods';
import { latestActuals, periodReports, type NarrativeRow, type ValueRow } from '../../../../db/repositories/progress';
import { listProjects } from '../../../../db/repositories/projects';
import type { Database } from '../../../../db/schema';
import type { ImportTarget } from './target';

/** One row, with the project it updates (null: a new one) and what would change. */
export interface RowPlan {
  row: PreviewRow;
  /** The project's tasks, when its rows were several (a name merged down over its tasks). */
  tasks: ProjectRows['tasks'];
  project: Project | null;
  entry: DiffEntry;
  /** The row's units, people and leaders as the directory names them. */
  names: { leadUnits: string[]; supportUnits: string[]; responsiblePeople: string[]; leaders: string[] };
  /** Narratives to write: per unit when the cell was split by unit, else for the whole project; with what they replace. */
  narratives: { unit: string | null; text: string; previous: NarrativeRow | null }[];
  indicators: { name: string; target: number | null; unit: string; actual: number | null; existing: Indicator | null; previous: ValueRow | null }[];
}

const linkLabels = { leadUnits: '主要责任单位', supportUnits: '相关责任单位', responsiblePeople: '责任人', leaders: '分管领导' } as const;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Works out, without writing anything, what importing these rows into the target would do. */
export async function planRows(db: Kysely<Database>, table: TablePreview, target: ImportTarget): Promise<RowPlan[]> {
  const projects = new Map((target.plan ? await listProjects(db, target.plan.id) : []).map((p) => [p.id, p]));
  const indicators = new Map((target.plan ? await listPlanIndicators(db, target.plan.id) : []).map((i) => [`${i.projectId}\t${i.name}`, i]));
  const earlierActuals = target.plan ? await latestActuals(db, target.plan.id, dayBefore(target.asOf)) : new Map();
  const signed = target.period ? await isPeriodSigned(db, target.period.id) : false;
  const reported = target.period ? await periodReports(db, target.period.id) : { narratives: [], values: [] };
  const narrativesNow = new Map(reported.narratives.map((n) => [`${n.projectId}\t${n.unit ?? ''}`, n]));
  const valuesNow = new Map(reported.values.filter((v) => v.unitId === null).map((v) => [v.indicatorId, v]));
  // Rows of one project (its name merged down over its tasks) are one project with those tasks.
  const groups = groupProjectRows(table.rows);
  const rows = groups.map((g) => g.row);
  const matches = matchRows(rows, [...projects.values()]);
  const unitNames = rows.flatMap((r) => uniqueNames([...r.leadUnits, ...r.supportUnits, ...r.unitProgress.map((u) => u.unit)]));
  const aliases = await aliasNames(db, unitNames);
  // Names as the directory knows them: an alias becomes its unit's name.
  const canonical = (names: string[]) => [...new Set(uniqueNames(names).map((n) => aliases.get(n) ?? n))];

  return rows.map((row, index) => {
    const project = projects.get(matches[index] ?? -1) ?? null;
    const names = {
      leadUnits: canonical(row.leadUnits),
      supportUnits: canonical(row.supportUnits),
      responsiblePeople: uniqueNames(row.responsiblePeople),
      leaders: uniqueNames(row.leaders),
    };
    const split = row.unitProgress.length ? row.unitProgress.map((u) => ({ unit: aliases.get(u.unit) ?? u.unit, text: u.text })) : null;
    const narratives = (split ?? (row.progress ? [{ unit: null, text: row.progress }] : [])).map((n) => ({
      ...n,
      previous: project ? (narrativesNow.get(`${project.id}\t${n.unit ?? ''}`) ?? null) : null,
    }));
    const rowIndicators = row.indicators.map((i) => {
      const existing = project ? (indicators.get(`${project.id}\t${i.name}`) ?? null) : null;
      return { ...i, existing, previous: existing ? (valuesNow.get(existing.id) ?? null) : null };
    });

    const changes: FieldChange[] = [];
    let conflict: string | null = signed ? `报送期“${target.periodLabel}”已签发，不能再导入；如需更正请新建修订版。` : null;
    for (const key of Object.keys(linkLabels) as (keyof typeof linkLabels)[]) {
      const [before, after] = [project ? project[key].join('、') : '', names[key].join('、')];
      if (names[key].length && before !== after) changes.push({ field: key, label: linkLabels[key], before, after });
    }
    for (const n of narratives) {
      const before = n.previous?.narrative ?? '';
      if (before !== n.text) changes.push({ field: 'progress', label: n.unit ? `进展（${n.unit}）` : '进展情况', before, after: n.text });
    }
    for (const i of rowIndicators) {
      if (i.actual === null) continue;
      const before = i.previous?.actual ?? null;
      if (before !== i.actual) {
        changes.push({ field: 'actual', label: `完成值（${i.name}）`, before: before === null ? '' : trimNumber(before), after: trimNumber(i.actual) });
      }
      const earlier = i.existing ? earlierActuals.get(i.existing.id)?.actual : undefined;
      if (earlier !== undefined && i.actual < earlier) {
        conflict ??= `“${i.name}”完成值从上期的 ${trimNumber(earlier)} 降为 ${trimNumber(i.actual)}，请核实后再导入。`;
      }
    }
    const kind: DiffKind = conflict ? 'conflict' : !project ? 'new' : changes.length ? 'changed' : 'unchanged';
    return {
      row,
      tasks: groups[index]?.tasks ?? [],
      project,
      names,
      narratives,
      indicators: rowIndicators,
      entry: { sourceRow: row.sourceRow, kind, projectId: project?.id ?? null, seq: row.seq, title: project?.title ?? row.project, changes, conflict },
    };
  });
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
