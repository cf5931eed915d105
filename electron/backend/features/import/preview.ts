import type { ImportPreview } from '../../../../shared/domain';
import type { ParsedInput } from '../../../../shared/api/contract';
import { applyMapping, headerSignature, understandTable, type ColumnMapping } from '../../../../shared/import/understand';
import { findProfile } from '../../../../db/repositories/import-batches';
import type { BackendContext } from '../../context';

/** Rows of the sheet shown above the mapping, so the user can see where the header is. */
const gridRows = 40;

export async function previewImport(ctx: BackendContext, input: ParsedInput<'import.preview'>): Promise<ImportPreview> {
  const staged = ctx.staging.get(input.stagingId);
  const read = await ctx.staging.read(input.stagingId, input.sheet);
  const options = input.headerRow ? { headerRow: input.headerRow } : {};
  let table = input.mapping ? applyMapping(read.grid, input.mapping as ColumnMapping[], options) : understandTable(read.grid, options);
  let profileApplied = false;
  if (!input.mapping) {
    const remembered = await findProfile(ctx.db, table.reportingUnit ?? '', headerSignature(table));
    if (remembered) {
      table = applyMapping(read.grid, remembered, { headerRow: table.headerRow });
      profileApplied = true;
    }
  }
  return {
    ...table,
    stagingId: staged.stagingId,
    fileName: staged.fileName,
    format: read.format,
    sheet: read.sheet,
    sheets: read.sheets,
    grid: read.grid.cells.slice(0, gridRows),
    profileApplied,
  };
}
