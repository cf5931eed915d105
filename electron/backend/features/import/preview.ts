import { LedgerError } from '../../../../shared/errors';
import type { ImportPreview } from '../../../../shared/domain';
import type { ParsedInput } from '../../../../shared/api/contract';
import { figureYear, noFigures, withFigures } from '../../../../shared/import/figures';
import { applyMapping, headerSignature, understandTable, type ColumnMapping } from '../../../../shared/import/understand';
import { findProfile } from '../../../../db/repositories/import-batches';
import type { BackendContext } from '../../context';
import type { ReadWorkbook } from '../../import/read';
import { targetHints } from './department-plan';

/** Rows of the sheet shown above the mapping, so the user can see where the header is. */
const gridRows = 40;

/** A table that is only text (填表说明) before the real one: without a sheet chosen, these codes try the next sheet. */
const notATable = new Set(['IMPORT_NO_HEADER', 'IMPORT_EMPTY']);

/**
 * The chosen sheet, or by default the first visible sheet holding a table: a workbook may open with an
 * instructions sheet, and the data be on the second. The other sheets come from the same parse (its
 * `fallbacks`): the workbook is read once, however many sheets it has.
 */
async function sheetWithTable(ctx: BackendContext, input: ParsedInput<'import.preview'>) {
  const options = input.headerRow ? { headerRow: input.headerRow } : {};
  const understood = (read: ReadWorkbook) => ({
    read,
    table: input.mapping ? applyMapping(read.grid, input.mapping as ColumnMapping[], options) : understandTable(read.grid, options),
  });
  const first = await ctx.staging.read(input.stagingId, input.sheet);
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

/**
 * `figures: false` leaves the words unread (each row's figures empty): a commit that accepts none need not
 * spend the time reading them.
 */
export async function previewImport(ctx: BackendContext, input: ParsedInput<'import.preview'>, options: { figures?: boolean } = {}): Promise<ImportPreview> {
  const staged = ctx.staging.get(input.stagingId);
  const found = await sheetWithTable(ctx, input);
  const read = found.read;
  let table = found.table;
  let profileApplied = false;
  if (!input.mapping) {
    const remembered = await findProfile(ctx.db, table.reportingUnit ?? '', headerSignature(table));
    if (remembered) {
      table = applyMapping(read.grid, remembered, { headerRow: table.headerRow });
      profileApplied = true;
    }
  }
  // A workbook of monthly sheets: say which one is read, so nobody imports January's table by mistake.
  const others = read.sheets.filter((s) => !s.hidden && s.rows > 0 && s.name !== read.sheet).map((s) => `“${s.name}”`);
  if (input.sheet === undefined && others.length > 0) {
    const listed = others.length > 5 ? `${others.slice(0, 5).join('')}等 ${others.length} 个` : others.join('');
    table = {
      ...table,
      warnings: [
        ...table.warnings,
        { row: 0, code: 'OTHER_SHEETS', message: `工作簿中还有${listed}工作表，这次读的是“${read.sheet}”；如需导入其他工作表，请在上一步选择。` },
      ],
    };
  }
  return {
    ...(options.figures === false ? { ...table, rows: table.rows.map((r) => ({ ...r, figures: noFigures })) } : withFigures(table, figureYear(table, Number(ctx.now().slice(0, 4))))),
    stagingId: staged.stagingId,
    fileName: staged.fileName,
    format: read.format,
    sheet: read.sheet,
    sheets: read.sheets,
    grid: read.grid.cells.slice(0, gridRows),
    profileApplied,
    ...(await targetHints(ctx.db, table)),
  };
}
