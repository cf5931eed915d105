/**
 * Table shapes that spread one project over several rows in ways other than a merged name:
 * a Word table pasted into Excel (a row per paragraph of one cell, the other cells merged down), and a
 * category row holding only 序号 and a name with its (1)(2)… task rows under it.
 */
import type { ImportField, ImportWarning, PreviewRow } from '../types/preview';
import { isStatusSection, normalizeSeq } from './row-kinds';
import type { Table } from './table';

/** Fields whose paragraphs a pasted Word cell spreads over rows: they are joined again. */
const paragraphFields = new Set<ImportField>(['progress', 'remark', 'task']);

/**
 * Whether row `r` continues `previous` as the next paragraph of its cells: every other column it shows is
 * merged down from above, and what it has of its own is text of a paragraph field. If so, `previous` takes it.
 */
export function continuationOf(table: Table, r: number, previous: PreviewRow): boolean {
  // A continuation has some cell merged down into it: most rows have none.
  if (!table.anyMergedFromAbove(r)) return false;
  const row = table.cells[r] ?? [];
  const own = table.columns.filter((c) => (row[c.index] ?? '') !== '' && !table.mergedFromAbove(r, c.index));
  const merged = table.columns.filter((c) => c.field !== null && (row[c.index] ?? '') !== '' && table.mergedFromAbove(r, c.index));
  if (own.length === 0 || merged.length === 0) return false;
  if (!own.every((c) => c.field !== null && paragraphFields.has(c.field))) return false;
  // A task column of its own beside a name column is a task of the project, not a paragraph.
  if (own.some((c) => c.field === 'task') && table.col('project') !== undefined) return false;
  if (!merged.some((c) => c.field === 'seq' || c.field === 'project' || c.field === 'task')) return false;
  for (const c of own) {
    const text = row[c.index] ?? '';
    if (c.field === 'progress') previous.progress = previous.progress ? `${previous.progress}\n${text}` : text;
    else if (c.field === 'remark') previous.remark = previous.remark ? `${previous.remark}\n${text}` : text;
    else if (c.field === 'task') previous.task = previous.task ? `${previous.task}\n${text}` : text;
  }
  // The per-unit split was of the first paragraph only: it no longer stands.
  previous.unitProgress = [];
  return true;
}

const chineseSeq = /^[一二三四五六七八九十百]+$/;
const taskSeq = /^[（(]\s*\d{1,2}\s*[)）]$|^\d{1,2}[)）]$/;
const numberedHeading = /^([一二三四五六七八九十百]+)\s*[、.．]\s*(.+)$/s;

const hasDetail = (row: PreviewRow): boolean =>
  row.leadUnits.length > 0 || row.supportUnits.length > 0 || row.progress !== '' || row.indicators.length > 0 || row.deadline !== null;

/**
 * A category numbered 一、二 with only a name, followed by rows numbered (1)(2)…: the name is the project and the
 * rows its tasks (each keeps its units and progress). Categories that are a single row stay as they are. The
 * category row was read either as a row without details or, in a table not numbered 一、二 throughout, as a
 * section; a section that counts or groups by state (已完成实事（11件）) stays a section.
 */
export function tasksUnderCategories(rows: PreviewRow[], warnings: ImportWarning[]): PreviewRow[] {
  const categories = new Set(rows.filter((r) => taskSeq.test(r.seqText ?? '') && r.section && numberedHeading.test(r.section) && !isStatusSection(r.section)).map((r) => r.section));
  const out: PreviewRow[] = [];
  const moved = new Set<number>();
  let outer: string | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.section !== null && categories.has(row.section)) {
      const [, seqText = '', name = ''] = numberedHeading.exec(row.section) ?? [];
      if (taskSeq.test(row.seqText ?? '')) {
        moved.add(row.sourceRow);
        out.push({ ...row, seq: normalizeSeq(seqText), seqText, section: outer, project: name.trim(), task: row.task || row.project });
      } else out.push({ ...row, section: outer });
      continue;
    }
    outer = row.section;
    const next = rows[i + 1];
    if (!(chineseSeq.test(row.seqText ?? '') && !hasDetail(row) && next && taskSeq.test(next.seqText ?? ''))) {
      out.push(row);
      continue;
    }
    let j = i + 1;
    for (; j < rows.length && taskSeq.test(rows[j]!.seqText ?? ''); j++) {
      const task = rows[j]!;
      moved.add(task.sourceRow);
      out.push({ ...task, seq: row.seq, seqText: row.seqText, section: row.section, project: row.project, task: task.task || task.project });
    }
    i = j - 1;
  }
  if (moved.size === 0) return rows;
  // Their numbers (1)(2) are the tasks' own, not projects' numbers written twice.
  for (let k = warnings.length - 1; k >= 0; k--) if (warnings[k]!.code === 'SEQ_DUPLICATE' && moved.has(warnings[k]!.row)) warnings.splice(k, 1);
  return out;
}
