/**
 * A sheet as plain data: what the reader hands to the table understanding (pure, no Node or DOM).
 * Rows and columns are 0-based and dense; formulas are their cached values; dates are ISO 'YYYY-MM-DD'.
 */
import type { Cell } from '../types/preview';

export type { Cell } from '../types/preview';

export interface CellAddress {
  r: number;
  c: number;
}

export interface MergeRange {
  s: CellAddress;
  e: CellAddress;
}

export interface Grid {
  cells: Cell[][];
  merges: MergeRange[];
}

/** The text of a cell as a person reads it ('' for empty). Numbers keep their shortest form. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (!Number.isFinite(cell)) return '';
  return String(cell);
}

/** Whether a cell holds nothing a person would see. */
export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell).trim() === '';
}

/** Number of columns: the longest row. */
export function gridWidth(grid: Grid): number {
  let width = 0;
  for (const row of grid.cells) if (row.length > width) width = row.length;
  return width;
}

/** Merges cut to the grid's extent, well-formed (start ≤ end), malformed ones dropped. */
export function clampMerges(grid: Grid, maxCells = 5_000_000): MergeRange[] {
  const rows = grid.cells.length;
  const cols = gridWidth(grid);
  const out: MergeRange[] = [];
  let budget = maxCells;
  for (const m of grid.merges) {
    if (!m || !m.s || !m.e) continue;
    const values = [m.s.r, m.s.c, m.e.r, m.e.c];
    if (!values.every((v) => Number.isInteger(v) && v >= 0)) continue;
    const s = { r: Math.min(m.s.r, m.e.r), c: Math.min(m.s.c, m.e.c) };
    const e = { r: Math.min(Math.max(m.s.r, m.e.r), rows - 1), c: Math.min(Math.max(m.s.c, m.e.c), cols - 1) };
    if (s.r >= rows || s.c >= cols || e.r < s.r || e.c < s.c) continue;
    const area = (e.r - s.r + 1) * (e.c - s.c + 1);
    if (area > budget) continue;
    budget -= area;
    out.push({ s, e });
  }
  return out;
}

/**
 * A copy of the cells with every merged range filled with its top-left value (a project name merged down
 * over its tasks is then on every task's row), padded to a rectangle.
 */
export function fillMerges(grid: Grid): Cell[][] {
  const width = gridWidth(grid);
  const cells = grid.cells.map((row) => {
    const copy: Cell[] = new Array<Cell>(width).fill(null);
    for (let c = 0; c < row.length; c++) copy[c] = normalizeCell(row[c]);
    return copy;
  });
  for (const m of clampMerges(grid)) {
    const value = cells[m.s.r]?.[m.s.c] ?? null;
    if (value === null) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = m.s.c; c <= m.e.c; c++) if (row[c] === null || row[c] === '') row[c] = value;
    }
  }
  return cells;
}

function normalizeCell(cell: unknown): Cell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return null;
}
