/**
 * Understanding a department's table (DESIGN §5): title, 截至 date and 填报单位 above the header; the header
 * (one or two rows) found by synonyms; section rows; merged cells; several units or people in one cell;
 * progress split by unit; indicator columns read as numbers. Pure: a plain grid in, plain data out.
 *
 * The stages live in their own modules: header-row (which row names the columns), columns (the mapping),
 * preamble (above the header), row-kinds (sections, totals, footers), people (units and people), indicators
 * (numbers). This module walks the rows and carries what one row leaves for the next.
 */
import { LedgerError } from '../errors';
import { foldWidth } from '../text';
import type { ColumnMapping, ImportField, ImportWarning, PreviewRow, TablePreview } from '../types/preview';
import { distinct, rowTexts } from './cells';
import { mapColumns, sanitizeMapping } from './columns';
import { goalTextColumns } from './goal-columns';
import { clampMerges, fillMerges, gridWidth, type Cell, type Grid, type MergeRange } from './grid';
import { findHeader, type HeaderChoice } from './header-row';
import { indicatorColumns, rowIndicators } from './indicators';
import { peopleReader } from './people';
import { looseDate, readPreamble, yearIn } from './preamble';
import { continuationOf, tasksUnderCategories } from './row-shapes';
import type { Table } from './table';
import { dateLine, firstSentence, footerPattern, isSectionText, isTotal, normalizeSeq, notePattern, seqAsWritten } from './row-kinds';

export type { ColumnMapping, ImportField, ImportWarning, PreviewIndicator, PreviewRow, TablePreview } from '../types/preview';
export { fieldLabels, headerSignature } from './columns';
export { normalizeSeq } from './row-kinds';

export interface UnderstandOptions {
  /** 1-based; forces the (first) header row. */
  headerRow?: number;
  /** Fallback year for dates written without one ("截至9月底"). */
  year?: number;
}

export function understandTable(grid: Grid, options: UnderstandOptions = {}): TablePreview {
  return understand(grid, null, options);
}

/** Re-runs the understanding with the user's column choices (and header row, when given). */
export function applyMapping(grid: Grid, mapping: readonly ColumnMapping[], options: UnderstandOptions & { headerRows?: number } = {}): TablePreview {
  return understand(grid, mapping, options);
}

const detailFields = new Set<ImportField>(['leadUnits', 'supportUnits', 'responsiblePeople', 'leaders', 'progress', 'target', 'unit', 'actual', 'rate', 'deadline']);

function understand(grid: Grid, mapping: readonly ColumnMapping[] | null, options: UnderstandOptions & { headerRows?: number }): TablePreview {
  if (!grid || !Array.isArray(grid.cells)) throw new LedgerError('IMPORT_EMPTY', '工作表中没有内容。');
  const filled = fillMerges({ cells: grid.cells, merges: Array.isArray(grid.merges) ? grid.merges : [] });
  const cells = filled.map(rowTexts);
  if (!cells.some((r) => r.some((v) => v !== ''))) throw new LedgerError('IMPORT_EMPTY', '工作表中没有内容。');
  const width = gridWidth({ cells: filled, merges: [] });
  const warnings: ImportWarning[] = [];

  const header = findHeader(cells, options.headerRow, options.headerRows);
  const computed = goalTextColumns(mapColumns(cells, header, width, mapping ? [] : warnings), cells, header.row + header.rows);
  const columns = mapping ? sanitizeMapping(mapping, computed, warnings) : computed;
  const { measureUnit, ...preamble } = readPreamble(cells.slice(0, header.row), options);
  const year = options.year ?? yearIn(preamble.title ?? '') ?? (preamble.asOf ? Number(preamble.asOf.slice(0, 4)) : 0);
  const table = readTable(filled, cells, columns, header, year, measureUnit, grid.merges ?? []);

  if (table.col('project') === undefined && table.col('task') === undefined) {
    warnings.push({ row: header.row + 1, code: 'NO_TASK_COLUMN', message: '没有认出“工作任务”或“实事名称”列，请在列的对应关系中指定。' });
  }
  const rows = readRows(table, warnings);
  if (rows.length === 0) {
    warnings.push({ row: 0, code: 'NO_ROWS', message: '表头下面没有找到任何实事行。' });
  }
  if (preamble.asOf === null) {
    warnings.push({ row: 0, code: 'NO_AS_OF', message: '表格中没有找到截至日期（如“截至9月底”），请在导入时填写。' });
  }
  return { headerRow: header.row + 1, headerRows: header.rows, ...preamble, columns, rows, warnings };
}

function readTable(filled: Cell[][], cells: string[][], columns: ColumnMapping[], header: HeaderChoice, year: number, measureUnit: string, merges: readonly MergeRange[]): Table {
  // By row: most rows have no cell merged into them, and every row asks about each of its cells.
  const covered = new Map<number, Set<number>>();
  for (const m of clampMerges({ cells: filled, merges: [...merges] })) {
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      let row = covered.get(r);
      if (!row) covered.set(r, (row = new Set()));
      for (let c = m.s.c; c <= m.e.c; c++) row.add(c);
    }
  }
  // The first column of each field, looked up once rather than on every row.
  const fieldColumns = new Map<ImportField, number>();
  for (const c of columns) if (c.field !== null && !fieldColumns.has(c.field)) fieldColumns.set(c.field, c.index);
  const col = (field: ImportField): number | undefined => fieldColumns.get(field);
  const firstData = header.row + header.rows;
  const detailCols = columns.filter((c) => c.field !== null && detailFields.has(c.field)).map((c) => c.index);
  const seqCol = col('seq');
  const chineseNumbered =
    seqCol !== undefined &&
    cells.slice(firstData).filter((r) => /^[一二三四五六七八九十]+[、.．]?$/.test(r[seqCol] ?? '') && detailCols.some((c) => (r[c] ?? '') !== '')).length >= 2;
  const leadHeader = columns.find((c) => c.field === 'leadUnits')?.header ?? '';
  const leadHoldsPeople = /(责任人|负责人|联系人)/.test(leadHeader) && col('responsiblePeople') === undefined;
  return {
    filled,
    cells,
    mergedFromAbove: (r, c) => covered.get(r)?.has(c) ?? false,
    anyMergedFromAbove: (r) => covered.has(r),
    columns,
    col,
    firstData,
    year,
    detailCols,
    remarkCols: columns.filter((c) => c.field === 'remark').map((c) => c.index),
    indicators: indicatorColumns(columns, filled, firstData, measureUnit),
    headerTexts: new Set(cells[header.row]?.filter((v) => v !== '')),
    chineseNumbered,
    people: peopleReader(leadHoldsPeople),
  };
}

/** A row's text in column `c`, '' for none. */
function cellAt(row: readonly string[], c: number | undefined): string {
  return c === undefined ? '' : (row[c] ?? '');
}

/** A row's number and name as one text, as a section banner writes them: 一、教育. */
function banner(seqText: string, keyText: string, first: string): string {
  return seqText && keyText && seqText !== keyText ? `${seqText}${/[、.．]$/.test(seqText) ? '' : '、'}${keyText}` : keyText || seqText || first;
}

/** What one row leaves for the rows below it. */
interface RowState {
  section: string | null;
  lastProject: string;
  lastSeq: string;
  /** The first row of each number in the current section, to warn of a number written twice. */
  seenSeq: Map<string, number>;
}

function readRows(table: Table, warnings: ImportWarning[]): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const state: RowState = { section: null, lastProject: '', lastSeq: '', seenSeq: new Map() };
  let lastRead = -1;
  for (let r = table.firstData; r < table.cells.length; r++) {
    // A Word table pasted into Excel: one sheet row per paragraph, the other cells merged down over them.
    const previous = rows[rows.length - 1];
    if (previous && r === lastRead && continuationOf(table, r, previous)) {
      lastRead = r + 1;
      continue;
    }
    const row = readRow(table, r, state, rows, warnings);
    if (row) {
      rows.push(row);
      lastRead = row.sourceRow;
    }
  }
  return tasksUnderCategories(rows, warnings);
}

/** The row at 0-based `r`, or null for a row that is no project (a section, a total, a footer, a blank). */
function readRow(table: Table, r: number, state: RowState, rows: readonly PreviewRow[], warnings: ImportWarning[]): PreviewRow | null {
  const row = table.cells[r] ?? [];
  const values = distinct(row);
  if (values.length === 0) return null;
  const sourceRow = r + 1;
  const first = row.find((v) => v !== '') ?? '';
  const lead = foldWidth(first);
  if (footerPattern.test(lead) || notePattern.test(lead) || (values.length === 1 && dateLine.test(lead))) return null;
  if (values.length >= 2 && values.every((v) => table.headerTexts.has(v))) return null; // the header repeated
  const col = table.col;
  const seqText = cellAt(row, col('seq'));
  const keyText = cellAt(row, col('project')) || cellAt(row, col('task'));
  const hasDetail = table.detailCols.some((c) => (row[c] ?? '') !== '' && !(values.length === 1));
  // In a table that numbers its projects 一、二、三, a numbered name without details is a project still to be filled in.
  const numberedLikeProject = table.chineseNumbered && seqText !== '' && keyText !== '' && seqText !== keyText;
  if (isTotal(seqText || keyText || first) || isTotal(keyText)) {
    warnings.push({ row: sourceRow, code: 'TOTAL_ROW', message: `第 ${sourceRow} 行是“${first}”行，不是一件实事，未导入；如需核对请看原表。` });
    return null;
  }
  // The number and name as one banner ("一、" and "教育"): built only for a row that may be one.
  const combined = !hasDetail && !numberedLikeProject && values.length <= 2 ? banner(seqText, keyText, first) : null;
  if ((values.length === 1 && isSectionText(values[0] ?? '')) || (combined !== null && (isSectionText(combined) || isSectionText(keyText)))) {
    state.section = (values.length === 1 ? (values[0] ?? '') : combined !== null && isSectionText(combined) ? combined : keyText).replace(/\s+/g, ' ').trim();
    state.lastProject = '';
    state.seenSeq.clear();
    return null;
  }

  // A category column (merged down over its projects) names the section of each row it covers.
  const categoryText = cellAt(row, col('section'));
  const category = categoryText === '' ? '' : categoryText.replace(/\s+/g, ' ').trim();
  if (category !== '' && category !== state.section) {
    state.section = category;
    state.seenSeq.clear();
  }
  const { project, task } = nameRow(table, row, seqText, state);
  const seq = normalizeSeq(seqText);
  if (project === '' && task === '') {
    const only = values.length === 1 && seqText !== '';
    warnings.push({
      row: sourceRow,
      code: only ? 'SEQ_ONLY_ROW' : 'NO_TASK',
      message: only ? `第 ${sourceRow} 行只有编号“${seqText}”，没有其他内容，未导入。` : `第 ${sourceRow} 行没有工作任务或实事名称，请核对。`,
    });
    if (only) return null;
  }
  if (seq !== null) {
    const previous = state.seenSeq.get(seq);
    const sameProject = previous !== undefined && rows[rows.length - 1]?.seq === seq;
    if (previous !== undefined && !sameProject) {
      warnings.push({ row: sourceRow, code: 'SEQ_DUPLICATE', message: `第 ${sourceRow} 行的编号“${seqText}”与第 ${previous} 行重复，请核对。` });
    }
    if (previous === undefined) state.seenSeq.set(seq, sourceRow);
  }

  const progress = cellAt(row, col('progress'));
  const people = table.people(
    { lead: cellAt(row, col('leadUnits')), support: cellAt(row, col('supportUnits')), people: cellAt(row, col('responsiblePeople')), leaders: cellAt(row, col('leaders')), progress },
    sourceRow,
    warnings,
  );
  if (task !== '' && people.leadUnits.length === 0 && col('leadUnits') !== undefined) {
    warnings.push({ row: sourceRow, code: 'NO_LEAD_UNIT', message: `第 ${sourceRow} 行没有填写责任单位。` });
  }
  const indicators = rowIndicators(table.indicators, table.filled[r], row, project, sourceRow, warnings);
  const deadlineText = cellAt(row, col('deadline'));
  return {
    sourceRow,
    seq,
    seqText: seqAsWritten(seqText),
    section: state.section,
    project,
    task,
    leadUnits: people.leadUnits,
    supportUnits: people.supportUnits,
    responsiblePeople: people.responsiblePeople,
    leaders: people.leaders,
    progress,
    unitProgress: people.unitProgress,
    indicators,
    remark: table.remarkCols.length === 0 ? '' : table.remarkCols.map((c) => cellAt(row, c)).filter((v) => v !== '').join('\n'),
    deadline: deadlineText ? looseDate(deadlineText, table.year) : null,
  };
}

/**
 * The project and task a row names. A blank name under a named project continues it (its next task or
 * indicator), unless the row has a number of its own: then it is a project of its own, named from its task.
 */
function nameRow(table: Table, row: readonly string[], seqText: string, state: RowState): { project: string; task: string } {
  const projectCol = table.col('project');
  const taskCol = table.col('task');
  const indicatorCol = table.col('indicator');
  const taskText = cellAt(row, taskCol);
  let projectText = cellAt(row, projectCol);
  const continues = (taskText !== '' || (indicatorCol !== undefined && cellAt(row, indicatorCol) !== '')) && (seqText === '' || seqText === state.lastSeq);
  if (projectCol !== undefined && projectText === '' && continues && state.lastProject !== '') projectText = state.lastProject;
  if (projectText !== '') state.lastProject = projectText;
  if (seqText !== '') state.lastSeq = seqText;
  if (projectCol !== undefined && taskCol !== undefined) {
    const project = projectText.replace(/\s*\n\s*/g, '');
    return { project: project === '' && taskText !== '' ? firstSentence(taskText) : project, task: taskText };
  }
  const key = projectCol !== undefined ? projectText : taskText;
  return { project: firstSentence(key), task: key };
}
