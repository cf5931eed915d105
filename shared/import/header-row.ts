/** Finding the header: which row (or two rows) names the columns. */
import { LedgerError } from '../errors';
import type { ImportField } from '../types/preview';
import { distinct } from './cells';
import { matchHeader, maxHeaderLength, normalizeHeader, withoutPeriod } from './headers';
import { preambleLine } from './preamble';
import { isSectionText } from './row-kinds';

/** How far down the header is looked for. */
const headerSearchRows = 60;

export interface HeaderChoice {
  row: number;
  rows: 1 | 2;
}

function rowScore(row: readonly string[]): { score: number; key: boolean } {
  const best = new Map<ImportField, number>();
  for (const t of row) {
    const m = matchHeader(t);
    if (m) best.set(m.field, Math.max(best.get(m.field) ?? 0, m.confidence));
  }
  let score = 0;
  for (const v of best.values()) score += v;
  return { score, key: best.has('task') || best.has('project') };
}

function isHeaderLike(value: string): boolean {
  if (value === '') return true;
  const norm = withoutPeriod(normalizeHeader(value));
  if ([...norm].length > maxHeaderLength) return false;
  if (matchHeader(value)) return true;
  return [...norm].length <= 8 && !/\d/.test(norm) && !preambleLine.test(value);
}

/** Whether `lower` is the second row of a two-row header under `upper`. */
function isSubHeader(upper: readonly string[], lower: readonly string[]): boolean {
  const lowerValues = lower.filter((v) => v !== '');
  // A row merged across the table (a section banner such as "一、已完成实事（2件）") is not a sub-header.
  if (distinct(lowerValues).length === 1 && lowerValues.length > 1) return false;
  if (lowerValues.some((v) => isSectionText(v))) return false;
  let matched = 0;
  for (let c = 0; c < lower.length; c++) {
    const low = lower[c] ?? '';
    if (low === '' || low === (upper[c] ?? '')) continue;
    if (!isHeaderLike(low)) return false;
    if (matchHeader(low)) matched++;
  }
  if (matched === 0) return false;
  const up = upper.filter((u) => u !== '');
  if (up.length === 0 || up.some((u) => !isHeaderLike(u) || preambleLine.test(u))) return false;
  // One text from the first column on (a short title, "2022年民生实事进展表"), not column headings.
  if (distinct(up).length === 1 && (upper[0] ?? '') !== '' && (up.length === 1 || up.length === upper.length)) return false;
  return up.some((u) => matchHeader(u) !== null);
}

/**
 * The header row: the best-scoring row among the first 60 that names a task or project column, with the row
 * below (or above) when the two form a two-row header; or the row the user chose.
 */
export function findHeader(cells: readonly string[][], forced: number | undefined, forcedRows: number | undefined): HeaderChoice {
  if (forced !== undefined) {
    const row = forced - 1;
    if (!Number.isInteger(row) || row < 0 || row >= cells.length) {
      throw new LedgerError('IMPORT_NO_HEADER', `指定的表头行（第 ${forced} 行）超出了表格范围（共 ${cells.length} 行）。`);
    }
    if (forcedRows === 1 || forcedRows === 2) return { row, rows: forcedRows };
    const next = cells[row + 1];
    return { row, rows: next && isSubHeader(cells[row] ?? [], next) ? 2 : 1 };
  }
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(cells.length, headerSearchRows);
  for (let r = 0; r < limit; r++) {
    const { score, key } = rowScore(cells[r] ?? []);
    if (key && score >= 2 && score > bestScore + 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    throw new LedgerError(
      'IMPORT_NO_HEADER',
      '没有找到表头：前 60 行中没有同时含“工作任务（或项目名称）”和“责任单位”“工作进度”等列名的一行。请确认选对了工作表，或手动指定表头所在的行。',
    );
  }
  const below = cells[best + 1];
  if (forcedRows === 1 || forcedRows === 2) return { row: best, rows: forcedRows };
  if (below && isSubHeader(cells[best] ?? [], below)) return { row: best, rows: 2 };
  const above = cells[best - 1];
  if (best > 0 && above && isSubHeader(above, cells[best] ?? [])) return { row: best - 1, rows: 2 };
  return { row: best, rows: 1 };
}
