import type { PeriodSnapshot } from '../snapshot';
import {
  cellSafeText,
  cellValue,
  chineseDate,
  displayText,
  firstDataRow,
  headerRow,
  officeRow,
  parseSignOffLine,
  revisionLine,
  signOffFields,
  signOffLine,
  tableColumns,
  titleRow,
  titleText,
  type SignOffField,
} from './table-layout';

/**
 * One thing a reader sees on the printed table: where it is (sheet row, 1-based), what it is called
 * (the column header, or a field name such as 填报单位) and its text. `key` identifies it across two
 * versions of the table, so an edited cell is matched with the cell it replaced.
 */
export interface VisibleCell {
  key: string;
  row: number;
  column: string;
  text: string;
}

/** An edited cell: row is the sheet row (1-based) in the received file. */
export interface Change {
  row: number;
  column: string;
  expected: string;
  found: string;
}

export const signOffColumn: Record<SignOffField, string> = Object.fromEntries(
  signOffFields.map((f) => [f.key, f.label]),
) as Record<SignOffField, string>;

export const fieldNames = {
  title: '标题',
  office: '填报单位',
  asOf: '截至日期',
  revision: '修订说明',
} as const;

export const cellKey = (index: number, column: string) => `cell:${index}:${column}`;
export const headerKey = (index: number) => `header:${index}`;

/** The sign-off line's four fields as separate cells, so a changed 签发领导 is named as such. */
export function signOffCells(line: string, row: number): VisibleCell[] {
  const values = parseSignOffLine(line);
  return signOffFields.map((f) => ({ key: f.key, row, column: f.label, text: values[f.key] }));
}

/** Everything the printed table of a snapshot shows, cell by cell. */
export function visibleCells(snapshot: PeriodSnapshot): VisibleCell[] {
  const columns = tableColumns(snapshot);
  const cells: VisibleCell[] = [
    { key: 'title', row: titleRow, column: fieldNames.title, text: titleText(snapshot) },
    { key: 'office', row: officeRow, column: fieldNames.office, text: cellSafeText(snapshot.office) },
    { key: 'asOf', row: officeRow, column: fieldNames.asOf, text: chineseDate(snapshot.period.asOf) },
  ];
  columns.forEach((c, i) => cells.push({ key: headerKey(i), row: headerRow, column: c.header, text: c.header }));
  snapshot.rows.forEach((row, r) => {
    for (const c of columns) {
      cells.push({ key: cellKey(r, c.key), row: firstDataRow + r, column: c.header, text: displayText(cellValue(row, c.key), c.kind) });
    }
  });
  const footer = firstDataRow + snapshot.rows.length;
  cells.push(...signOffCells(signOffLine(snapshot), footer));
  cells.push({ key: 'revision', row: footer + 1, column: fieldNames.revision, text: revisionLine(snapshot) });
  return cells;
}

/**
 * Cells whose text differs, in sheet order. A cell present on one side only counts as empty on the other,
 * so added or removed rows show up as rows of changes rather than disappearing from the report.
 */
export function diffVisible(expected: readonly VisibleCell[], found: readonly VisibleCell[]): Change[] {
  return diffAligned(expected, found) ?? diffByKey(expected, found);
}

/**
 * The usual case, in one pass: the received table has the sealed rows and columns in the same order, so
 * found[i] is expected[i]'s cell, and what follows them is what was added. Returns null (not this case) as soon
 * as a key differs; a 200,000-entry map of keys was most of the time of verifying a large table.
 */
function diffAligned(expected: readonly VisibleCell[], found: readonly VisibleCell[]): Change[] | null {
  if (found.length < expected.length) return null;
  const changes: Change[] = [];
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const f = found[i]!;
    if (f.key !== e.key) return null;
    if (f.text !== e.text) changes.push({ row: f.row, column: e.column, expected: e.text, found: f.text });
  }
  for (let i = expected.length; i < found.length; i++) {
    const f = found[i]!;
    // Anything after the sealed cells is new only if it is text outside the table (no sealed key is): else
    // the general rule decides.
    if (!f.key.startsWith('outside:')) return null;
    if (f.text !== '') changes.push({ row: f.row, column: f.column, expected: '', found: f.text });
  }
  return changes.sort((a, b) => a.row - b.row);
}

function diffByKey(expected: readonly VisibleCell[], found: readonly VisibleCell[]): Change[] {
  const foundByKey = new Map(found.map((c) => [c.key, c]));
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    seen.add(e.key);
    const f = foundByKey.get(e.key);
    const text = f?.text ?? '';
    if (text !== e.text) changes.push({ row: f?.row ?? e.row, column: e.column, expected: e.text, found: text });
  }
  for (const f of found) {
    if (!seen.has(f.key) && f.text !== '') changes.push({ row: f.row, column: f.column, expected: '', found: f.text });
  }
  return changes.sort((a, b) => a.row - b.row);
}

/** What changed between two snapshots, as a reader of the printed tables would see it. */
export function diffSnapshots(expected: PeriodSnapshot, found: PeriodSnapshot): Change[] {
  return diffVisible(visibleCells(expected), visibleCells(found));
}
