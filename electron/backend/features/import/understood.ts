import { LedgerError } from '../../../../shared/errors';
import type { ParsedInput } from '../../../../shared/api/contract';
import { figureYear, withFigures, type FiguredRow } from '../../../../shared/import/figures';
import { applyMapping, headerSignature, understandTable, type ColumnMapping, type PreviewRow, type TablePreview } from '../../../../shared/import/understand';
import { findProfile } from '../../../../db/repositories/import-batches';
import type { BackendContext } from '../../context';
import type { ReadWorkbook } from '../../import/read';
import { readAhead } from './prefetch';

/**
 * A staged file's table, understood once. The wizard asks about one file three times — preview, diff,
 * commit — and understanding a 20,000-row table and reading its words each cost more than parsing it, so
 * each is done once per file and view and reused (issue #13). What depends on the ledger (the remembered
 * mapping) is looked up on every call; only what depends on the file alone is kept.
 */
export interface Understood {
  read: ReadWorkbook;
  table: TablePreview;
  profileApplied: boolean;
}

type View = ParsedInput<'import.preview'>;

/** A table that is only text (填表说明) before the real one: without a sheet chosen, these codes try the next sheet. */
const notATable = new Set(['IMPORT_NO_HEADER', 'IMPORT_EMPTY']);

/**
 * The chosen sheet, or by default the first visible sheet holding a table: a workbook may open with an
 * instructions sheet, and the data be on the second. The other sheets come from the same parse (its
 * `fallbacks`): the workbook is read once, however many sheets it has.
 */
async function sheetWithTable(ctx: BackendContext, input: View): Promise<{ read: ReadWorkbook; table: TablePreview }> {
  const options = input.headerRow ? { headerRow: input.headerRow } : {};
  const understood = (read: ReadWorkbook) => ({
    read,
    table: input.mapping ? applyMapping(read.grid, input.mapping as ColumnMapping[], options) : understandTable(read.grid, options),
  });
  const first = await ctx.staging.read(input.stagingId, input.sheet, () => readAhead(ctx.ledger.sqlite));
  if (input.sheet !== undefined) return understood(first);
  let firstResult: ReturnType<typeof understood> | null = null;
  let firstError: unknown = null;
  try {
    firstResult = understood(first);
    if (firstResult.table.rows.length > 0) return firstResult;
  } catch (error) {
    if (!(error instanceof LedgerError && notATable.has(error.code))) throw error;
    firstError = error;
  }
  for (const other of first.fallbacks) {
    try {
      const found = understood({ ...first, sheet: other.sheet, grid: other.grid });
      if (found.table.rows.length > 0) return found;
    } catch (error) {
      if (!(error instanceof LedgerError && notATable.has(error.code))) throw error;
    }
  }
  if (firstResult) return firstResult;
  throw firstError;
}

const viewPrefix = 'understood\t';

/**
 * The wizard sends back the mapping its preview showed: that is the table already understood, not a new
 * one. Same sheet, same header row, and every column given the same field.
 */
function sameView(u: Understood, input: View): boolean {
  if (!input.mapping || (input.sheet !== undefined && input.sheet !== u.read.sheet)) return false;
  if (input.headerRow !== undefined && input.headerRow !== u.table.headerRow) return false;
  return sameFields(u.table.columns, input.mapping);
}

/** Whether a mapping gives every column the field it has in `columns` (the header texts may differ). */
function sameFields(columns: readonly ColumnMapping[], mapping: readonly ColumnMapping[]): boolean {
  const given = new Map(mapping.map((m) => [m.index, m.field]));
  const shown = new Map(columns.map((c) => [c.index, c.field]));
  for (const index of new Set([...given.keys(), ...shown.keys()])) if ((given.get(index) ?? null) !== (shown.get(index) ?? null)) return false;
  return true;
}

/** The table of the staged file as this view asks for it, with the department's remembered mapping applied. */
export async function understoodTable(ctx: BackendContext, input: View): Promise<Understood> {
  const memo = ctx.staging.memo(input.stagingId);
  for (const [key, u] of memo) if (key.startsWith(viewPrefix) && sameView(u as Understood, input)) return u as Understood;
  const key = `${viewPrefix}${JSON.stringify([input.sheet ?? null, input.headerRow ?? null, input.mapping ?? null])}`;
  const base = (memo.get(key) as Understood | undefined) ?? { ...(await sheetWithTable(ctx, input)), profileApplied: false };
  memo.set(key, base);
  if (input.mapping) return base;
  const remembered = await findProfile(ctx.db, base.table.reportingUnit ?? '', headerSignature(base.table));
  if (!remembered) return base;
  const mappedKey = `${key}\t${JSON.stringify(remembered)}`;
  // Next month's table from the same department mostly maps as it was understood: then it is that table (a
  // mapping given is not second-guessed, so the understanding's doubts about its columns are not repeated).
  const table = sameFields(base.table.columns, remembered) ? { ...base.table, warnings: base.table.warnings.filter((w) => w.code !== 'DUPLICATE_COLUMN') } : null;
  const mapped = (memo.get(mappedKey) as Understood | undefined) ?? {
    read: base.read,
    table: table ?? applyMapping(base.read.grid, remembered, { headerRow: base.table.headerRow }),
    profileApplied: true,
  };
  memo.set(mappedKey, mapped);
  return mapped;
}

export type FiguredTable = Omit<TablePreview, 'rows'> & { rows: FiguredRow[] };

const figured = new WeakMap<TablePreview, FiguredTable>();
/**
 * Figured rows by the rows they were read from. Next month's table with the department's mapping remembered
 * is two tables of the same rows: the one the preview shows (the remembered mapping's) and the one the diff
 * and commit find for the mapping the preview sent back. Their words are the same words, read once.
 */
const figuredRows = new WeakMap<readonly PreviewRow[], { year: number; rows: FiguredRow[] }>();

/**
 * The first `count` rows with their figures, as `tableWithFigures` reads them; the rest are left unread. A
 * table of no more rows is read whole, once, for the diff too; of a longer one, the diff reads these again.
 */
export function sampleWithFigures(table: TablePreview, fallbackYear: number, count: number): FiguredRow[] {
  const read = figured.get(table);
  if (read || table.rows.length <= count) return (read ?? tableWithFigures(table, fallbackYear)).rows.slice(0, count);
  return withFigures({ ...table, rows: table.rows.slice(0, count) }, figureYear(table, fallbackYear)).rows;
}

/** The table with each row's figures read from its words, read once per table's rows (the year comes from the table). */
export function tableWithFigures(table: TablePreview, fallbackYear: number): FiguredTable {
  let out = figured.get(table);
  if (out) return out;
  const year = figureYear(table, fallbackYear);
  const read = figuredRows.get(table.rows);
  out = read && read.year === year ? { ...table, rows: read.rows } : withFigures(table, year);
  figured.set(table, out);
  figuredRows.set(table.rows, { year, rows: out.rows });
  return out;
}
