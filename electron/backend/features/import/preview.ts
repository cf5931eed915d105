import { previewSampleRows, type ImportPreview } from '../../../../shared/domain';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { BackendContext } from '../../context';
import { targetHints } from './department-plan';
import { sampleWithFigures, tableWithFigures, understoodTable } from './understood';

/** Rows of the sheet shown above the mapping, so the user can see where the header is. */
const gridRows = 40;

/** The staged file's table as the wizard shows it: its first rows with the figures their words propose, and warnings. */
export async function previewImport(ctx: BackendContext, input: ParsedInput<'import.preview'>): Promise<ImportPreview> {
  const staged = ctx.staging.get(input.stagingId);
  const { read, table, profileApplied } = await understoodTable(ctx, input);
  const year = Number(ctx.now().slice(0, 4));
  return {
    ...table,
    rows: input.allRows ? tableWithFigures(table, year).rows : sampleWithFigures(table, year, previewSampleRows),
    rowCount: table.rows.length,
    warnings: [...table.warnings, ...otherSheets(read, input)],
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

/** A workbook of monthly sheets: say which one is read, so nobody imports January's table by mistake. */
function otherSheets(read: Awaited<ReturnType<typeof understoodTable>>['read'], input: ParsedInput<'import.preview'>): ImportPreview['warnings'] {
  const others = read.sheets.filter((s) => !s.hidden && s.rows > 0 && s.name !== read.sheet).map((s) => `“${s.name}”`);
  if (input.sheet !== undefined || others.length === 0) return [];
  const listed = others.length > 5 ? `${others.slice(0, 5).join('')}等 ${others.length} 个` : others.join('');
  return [{ row: 0, code: 'OTHER_SHEETS', message: `工作簿中还有${listed}工作表，这次读的是“${read.sheet}”；如需导入其他工作表，请在上一步选择。` }];
}
