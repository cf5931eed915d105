import { findQuantities } from '../text/quantities';
import type { ColumnMapping } from '../types/preview';

/**
 * A 年度目标 / 目标任务 column is read as a number column by its header, but offices fill it with the goal
 * in sentences ("全年救助不少于 70 人，基本实现…"). Such a column is the project's goal text: read for its
 * targets (issue #10), never dropped as an unreadable number. It becomes the 工作任务 column when the table
 * has none, else it is kept beside it as a remark.
 */

/** Whether a cell holds a sentence rather than a figure: more than the one quantity a number cell holds. */
function isSentence(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if ([...v].length > 14 || /[，。；、]/.test(v)) return true;
  return findQuantities(v).length === 0 && /[\u4e00-\u9fa5]{4,}/.test(v);
}

export function goalTextColumns(columns: ColumnMapping[], cells: readonly (readonly string[])[], firstData: number): ColumnMapping[] {
  const hasTask = columns.some((c) => c.field === 'task');
  let taskGiven = hasTask;
  return columns.map((c) => {
    if (c.field !== 'target') return c;
    const values = cells.slice(firstData).map((r) => r[c.index] ?? '').filter((v) => v.trim() !== '');
    if (values.length === 0 || values.filter(isSentence).length * 2 < values.length) return c;
    const field = taskGiven ? 'remark' : 'task';
    taskGiven = true;
    return { ...c, field };
  });
}
