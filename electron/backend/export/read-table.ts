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
      return cell.w ?? '#ERROR';
    case 'd':
      return cell.w ?? String(cell.v ?? '');
    default:
      return '';
  }
}

const stripLabel = (text: string, label: string) => (text.startsWith(label) ? text.slice(label.length) : text);

/**
 * Reads a received table by the layout its seal describes: columns by position (so a retyped header is
 * reported, not silently followed), data rows down to the sign-off line wherever it now is, and anything
 * typed elsewhere on the sheet as "outside the table".
 */
export function readVisibleCells(sheet: WorkSheet, sealed: PeriodSnapshot): VisibleCell[] {
  const columns = tableColumns(sealed);
  const at = (row: number, col: number) => sheet[utils.encode_cell({ r: row - 1, c: col })] as CellObject | undefined;
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

  const read = new Set<string>();
  const take = (row: number, col: number, kind: TableColumn['kind'] = 'text') => {
    read.add(utils.encode_cell({ r: row - 1, c: col }));
    return cellText(at(row, col), kind);
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

  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!') || read.has(address)) continue;
    const text = cellText(sheet[address] as CellObject);
    if (text) cells.push({ key: `outside:${address}`, row: utils.decode_cell(address).r + 1, column: `表格外（${address}）`, text });
  }
  return cells;
}
