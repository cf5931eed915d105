import ExcelJS from 'exceljs';
import { read } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey, type OfficeKey } from '../../../electron/backend/export/keys';
import { rowHeight } from '../../../electron/backend/export/row-height';
import { sealSheetName } from '../../../electron/backend/export/seal-sheet';
import { bodyFontPt } from '../../../electron/backend/export/table-style';
import { writeSealedWorkbook } from '../../../electron/backend/export/workbook';
import { cellValue, displayText, firstDataRow, tableColumns } from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import { tempDir } from '../../helpers/temp';
import { sampleSnapshot } from './sample-snapshot';

/**
 * The export is streamed row by row (ExcelJS's streaming writer); these pin what that writer must still
 * write as the whole-workbook writer did: page setup, print titles, centring, frozen header, merges, row
 * heights, shared strings, and the very hidden, protected seal sheet.
 */
let key: OfficeKey;
let snapshot: PeriodSnapshot;
let bytes: Buffer;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  key = loadOrCreateOfficeKey(tempDir(), '叶县人民政府办公室');
  snapshot = sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'], revision: 2 });
  bytes = await writeSealedWorkbook(snapshot, key, { generatedBy: '张晓梅' });
  book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
});

describe('a streamed sealed workbook', () => {
  it('prints A4 landscape, one page wide, centred, with the header row repeated', () => {
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    });
    expect(sheet.headerFooter.oddFooter).toContain(`签章密钥指纹：${key.fingerprint.split(' ').slice(0, 8).join(' ')}\n`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
  });

  it('keeps the merges, the column widths and every row height', () => {
    const sheet = book.worksheets[0]!;
    const columns = tableColumns(snapshot);
    const signOffAt = firstDataRow + snapshot.rows.length;
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:I1', 'A2:E2', 'F2:I2', `A${signOffAt}:I${signOffAt}`, `A${signOffAt + 1}:I${signOffAt + 1}`]));
    expect(columns.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(columns.map((c) => (c.width === 9 ? 9.01 : c.width)));
    expect(sheet.getRow(1).height).toBe(40);
    expect(sheet.getRow(signOffAt).height).toBe(34);
    snapshot.rows.forEach((row, r) => {
      // Left-aligned text is indented (table-style.ts), so its row height allows for the indent.
      const expected = rowHeight(columns.map((c) => ({ text: displayText(cellValue(row, c.key), c.kind), width: c.width, indented: c.kind !== 'percent' && c.align === 'left' })), bodyFontPt);
      expect(sheet.getRow(firstDataRow + r).height).toBe(expected);
    });
  });

  it('writes its texts as shared strings and names the author', () => {
    const sheetXml = read(bytes, { type: 'buffer', bookFiles: true }) as unknown as { files: Record<string, { content: Uint8Array }> };
    const xml = Buffer.from(sheetXml.files['xl/worksheets/sheet1.xml']!.content).toString('utf8');
    expect(xml).toContain('<c r="B4" s="');
    expect(xml).not.toContain('t="str"');
    expect(xml).toMatch(/<c r="B4" s="\d+" t="s">/);
    expect(book.creator).toBe('张晓梅');
  });

  it('keeps the seal sheet very hidden and protected', () => {
    const seal = book.getWorksheet(sealSheetName)!;
    expect(seal.state).toBe('veryHidden');
    expect((seal as unknown as { sheetProtection: { sheet: boolean; algorithmName: string } }).sheetProtection).toMatchObject({ sheet: true, algorithmName: 'SHA-512' });
  });
});
