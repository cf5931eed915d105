import { utils, type CellObject, type WorkSheet } from 'xlsx';
import {
  asOfLabel,
  displayText,
  firstDataRow,
  headerRow,
  isSignOffLine,
  officeLabel,
  officeRow,
  tableColumns,
  titleRow,
  type TableColumn,
} from '../../../shared/seal/table-layout';
import { cellKey, fieldNames, headerKey, signOffCells, type VisibleCell } from '../../../shared/seal/visible-cells';
import type { PeriodSnapshot } from '../../../shared/snapshot';

/** Excel's error values by code: the verifier reads without formatted text (cellText: false), so no `w`. */
const errorText: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** What a person sees in a cell, as SheetJS read it (cached values: a formula shows its last result). */
export function cellText(cell: CellObject | undefined, kind: TableColumn['kind'] = 'text'): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n':
    case 'b':
      return displayText(cell.v as number | boolean, kind);
    case 'e':
      return cell.w ?? errorText[cell.v as number] ?? '#ERROR';
    case 'd':
      return cell.w ?? String(cell.v ?? '');
    default:
      return '';
  }
}

const stripLabel = (text: string, label: string) => (text.startsWith(label) ? text.slice(label.length) : text);

/** A cell by 0-based row and column, in a dense sheet (the verifier reads that way) or a sparse one (as tests read). */
function cellGetter(sheet: WorkSheet): (r: number, c: number) => CellObject | undefined {
  const data = sheet['!data'];
  if (data) return (r, c) => data[r]?.[c];
  return (r, c) => sheet[utils.encode_cell({ r, c })] as CellObject | undefined;
}

/** Every cell of the sheet that holds something, row by row, as [0-based row, column, cell]. */
export function* allCells(sheet: WorkSheet): Generator<[number, number, CellObject]> {
  const data = sheet['!data'];
  if (data) {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c]) yield [r, c, row[c]!];
    }
    return;
  }
  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!')) continue;
    const { r, c } = utils.decode_cell(address);
    yield [r, c, sheet[address] as CellObject];
  }
}

/**
 * Reads a received table by the layout its seal describes: columns by position (so a retyped header is
 * reported, not silently followed), data rows down to the sign-off line wherever it now is, and anything
 * typed elsewhere on the sheet as "outside the table".
 */
export function readVisibleCells(sheet: WorkSheet, sealed: PeriodSnapshot): VisibleCell[] {
  const columns = tableColumns(sealed);
  const get = cellGetter(sheet);
  const at = (row: number, col: number) => get(row - 1, col);
  const range = utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const lastRow = range.e.r + 1;
  const split = Math.ceil(columns.length / 2);

  let signOffAt = firstDataRow + sealed.rows.length;
  for (let row = firstDataRow; row <= lastRow; row++) {
    if (isSignOffLine(cellText(at(row, 0)))) {
      signOffAt = row;
      break;
    }
  }
  const take = (row: number, col: number, kind: TableColumn['kind'] = 'text') => cellText(at(row, col), kind);
  /** The cells read below, by position: arithmetic rather than a set of 200,000 addresses. */
  const isRead = (row: number, col: number): boolean => {
    if (row === titleRow || row === signOffAt || row === signOffAt + 1) return col === 0;
    if (row === officeRow) return col === 0 || col === split;
    return row >= headerRow && row < signOffAt && col < columns.length;
  };

  const cells: VisibleCell[] = [
    { key: 'title', row: titleRow, column: fieldNames.title, text: take(titleRow, 0) },
    { key: 'office', row: officeRow, column: fieldNames.office, text: stripLabel(take(officeRow, 0), officeLabel) },
    { key: 'asOf', row: officeRow, column: fieldNames.asOf, text: stripLabel(take(officeRow, split), asOfLabel) },
  ];
  columns.forEach((c, i) => cells.push({ key: headerKey(i), row: headerRow, column: c.header, text: take(headerRow, i) }));
  for (let row = firstDataRow; row < signOffAt; row++) {
    columns.forEach((c, i) => cells.push({ key: cellKey(row - firstDataRow, c.key), row, column: c.header, text: take(row, i, c.kind) }));
  }
  cells.push(...signOffCells(take(signOffAt, 0), signOffAt));
  cells.push({ key: 'revision', row: signOffAt + 1, column: fieldNames.revision, text: take(signOffAt + 1, 0) });

  for (const [r, c, cell] of allCells(sheet)) {
    if (isRead(r + 1, c)) continue;
    const text = cellText(cell);
    if (!text) continue;
    const address = utils.encode_cell({ r, c });
    cells.push({ key: `outside:${address}`, row: r + 1, column: `表格外（${address}）`, text });
  }
  return cells;
}
