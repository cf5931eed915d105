import { utils, type WorkSheet } from 'xlsx';
import { allCells } from './read-table';
import { firstDataRow, tableColumns } from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';

/** At most this many notes of one kind; a table edited wholesale says so once, not a thousand times. */
const perKind = 5;

/**
 * What can hide or misrepresent data without changing a value the seal covers: rows or columns hidden in the
 * table sheet (not seen, not printed), formulas where the export wrote values (their cached result can be made to
 * agree with the seal while the cell computes something else), and numbers stored as text. Said beside a valid
 * verdict, so the reader looks before relying on the printout.
 */
export function tableWarnings(sheet: WorkSheet, sealed: PeriodSnapshot): string[] {
  const columns = tableColumns(sealed);
  const lastRow = firstDataRow + sealed.rows.length + 1;
  const warnings: string[] = [];
  const note = (list: string[], total: number, more: (n: number) => string) => {
    warnings.push(...list.slice(0, perKind));
    if (total > perKind) warnings.push(more(total - perKind));
  };

  const hiddenRows = (sheet['!rows'] ?? []).flatMap((row, r) => (row?.hidden && r + 1 <= lastRow ? [r + 1] : []));
  note(hiddenRows.map((r) => `第 ${r} 行被隐藏：隐藏的行看不到，也不会打印`), hiddenRows.length, (n) => `另有 ${n} 行被隐藏`);
  const hiddenCols = (sheet['!cols'] ?? []).flatMap((col, c) => (col?.hidden && c < columns.length ? [c] : []));
  note(hiddenCols.map((c) => `第 ${utils.encode_col(c)} 列「${columns[c]!.header}」被隐藏：隐藏的列看不到，也不会打印`), hiddenCols.length, (n) => `另有 ${n} 列被隐藏`);

  const formulas: string[] = [];
  const asText: string[] = [];
  for (const [r, c, cell] of allCells(sheet)) {
    if (!cell.f && !(columns[c]?.kind === 'percent' && cell.t === 's')) continue;
    const where = `第 ${r + 1} 行${columns[c] ? `「${columns[c].header}」` : `（${utils.encode_cell({ r, c })}）`}`;
    if (cell.f) formulas.push(`${where}是公式（=${cell.f.slice(0, 40)}），不是签发时写入的数值`);
    const dataRow = r + 1 >= firstDataRow && r + 1 < firstDataRow + sealed.rows.length;
    if (dataRow && columns[c]?.kind === 'percent' && cell.t === 's' && String(cell.v).trim() !== '') asText.push(`${where}的数字存成了文字`);
  }
  note(formulas, formulas.length, (n) => `另有 ${n} 个单元格是公式`);
  note(asText, asText.length, (n) => `另有 ${n} 个数字存成了文字`);
  return warnings;
}
