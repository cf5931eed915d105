/**
 * Rows that are one project: a project name merged down over its tasks (or a document's project repeated on
 * each task's row) gives several preview rows with the same number, name and section. The ledger keeps one
 * project with those tasks; its units, progress and figures are those of all its rows.
 */
import { uniqueNames } from '../names';
import type { PreviewRow } from '../types/preview';

export interface ProjectRows {
  /** The project as one row: the first row's number and name, every row's units, progress and figures. */
  row: PreviewRow;
  /** The tasks, in order, when the project has more than one row; empty for a project of one row. */
  tasks: { title: string; leadUnits: string[] }[];
}

const sameProject = (a: PreviewRow, b: PreviewRow): boolean => a.project !== '' && a.project === b.project && a.seq === b.seq && a.section === b.section;

const distinctTexts = (texts: readonly string[]): string[] => [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];

function merged(rows: readonly PreviewRow[]): PreviewRow {
  const first = rows[0]!;
  if (rows.length === 1) return first;
  const tasks = distinctTexts(rows.map((r) => r.task));
  const unitProgress = new Map<string, string[]>();
  for (const r of rows) for (const u of r.unitProgress) unitProgress.set(u.unit, [...(unitProgress.get(u.unit) ?? []), u.text]);
  return {
    ...first,
    task: tasks.length > 1 ? tasks.map((t, i) => `（${i + 1}）${t}`).join('\n') : (tasks[0] ?? ''),
    leadUnits: uniqueNames(rows.flatMap((r) => r.leadUnits)),
    supportUnits: uniqueNames(rows.flatMap((r) => r.supportUnits)).filter((u) => !rows.some((r) => r.leadUnits.includes(u))),
    responsiblePeople: uniqueNames(rows.flatMap((r) => r.responsiblePeople)),
    leaders: uniqueNames(rows.flatMap((r) => r.leaders)),
    // Progress merged down over the tasks is one text; each task's own progress is kept, in order.
    progress: distinctTexts(rows.map((r) => r.progress)).join('\n'),
    unitProgress: [...unitProgress].map(([unit, texts]) => ({ unit, text: distinctTexts(texts).join('\n') })),
    indicators: rows.flatMap((r) => r.indicators).filter((ind, i, all) => all.findIndex((o) => o.name === ind.name && o.target === ind.target && o.actual === ind.actual) === i),
    remark: distinctTexts(rows.map((r) => r.remark)).join('\n'),
    deadline: rows.find((r) => r.deadline !== null)?.deadline ?? null,
  };
}

/** Consecutive rows of the same project, as one project with its tasks. */
export function groupProjectRows(rows: readonly PreviewRow[]): ProjectRows[] {
  const groups: PreviewRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && sameProject(last[0]!, row)) last.push(row);
    else groups.push([row]);
  }
  return groups.map((group) => {
    // Most projects are one row: that row as it is, with no tasks of its own.
    if (group.length === 1) return { row: group[0]!, tasks: [] };
    const tasks = group.filter((r) => r.task.trim() !== '').map((r) => ({ title: r.task.trim(), leadUnits: r.leadUnits }));
    const distinct = tasks.filter((t, i) => tasks.findIndex((o) => o.title === t.title) === i);
    return { row: merged(group), tasks: distinct.length > 1 ? distinct : [] };
  });
}
