/**
 * The fast .xlsx reader of the parsing worker against SheetJS, cell for cell: for every .xlsx/.xlsm of the
 * fixtures and the calamine corpus, and for workbooks written here by SheetJS and ExcelJS, the worker's answer
 * (sheets list, every grid handed back, merges, refusals) is the same whichever reader read the file. Which
 * files the fast reader takes is asserted too, so that a reader that always bails out fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../electron/backend/import/detect';
import { resolveLimits } from '../../../electron/backend/import/limits';
import { runParseWorker, type WorkerResult } from '../../../electron/backend/import/worker';
import { xlsxFastTextSource } from '../../../electron/backend/import/xlsx-fast-text-source';

const root = path.resolve(import.meta.dirname, '../../..');
const shared = path.resolve(root, '../shared');
const corpus = path.join(shared, 'corpus', 'calamine');
const hasCorpus = fs.existsSync(corpus);
const defaultLimits = resolveLimits({ timeoutMs: 20_000 });

const xlsxIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.xls[xm]$/i.test(f)).sort().map((f) => path.join(dir, f)) : []);

interface Compared {
  reader: string | undefined;
  fastBail: string | undefined;
}

/** Both readers on the same bytes (the default one, then SheetJS forced); their answers must be equal. */
async function compare(bytes: Uint8Array, fileName: string, sheet?: string, limits = defaultLimits): Promise<Compared & { names: string[] }> {
  let format;
  try {
    format = (await detectFormat(bytes, fileName, defaultLimits)).format;
  } catch {
    return { reader: 'refused before parsing', fastBail: undefined, names: [] };
  }
  const job = { format, bytes, ...(sheet !== undefined ? { sheet } : {}) };
  const fast = await runParseWorker(job, limits, fileName);
  const sheetJs = await runParseWorker({ ...job, reader: 'sheetjs' }, limits, fileName);
  const { reader, fastBail, ...fastRest } = fast as WorkerResult & Compared;
  const { reader: forced, fastBail: _none, ...sheetJsRest } = sheetJs as WorkerResult & Compared;
  if (sheetJs.ok) expect(forced, fileName).toBe('sheetjs');
  expect(fastRest, fileName).toEqual(sheetJsRest);
  const names = 'sheets' in sheetJs && sheetJs.sheets ? sheetJs.sheets.map((s) => s.name) : [];
  return { reader: fast.ok ? reader : 'refused', fastBail, names };
}

/** Every sheet of the book read by name too, so that no sheet's grid goes uncompared. */
async function compareEverySheet(bytes: Uint8Array, fileName: string): Promise<Compared> {
  const { names, ...first } = await compare(bytes, fileName);
  for (const name of names) await compare(bytes, fileName, name);
  return first;
}

async function styledExcelJsBook(options: { sharedStrings: boolean; date1904?: boolean }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (options.date1904) book.properties.date1904 = true;
  const intro = book.addWorksheet('说明');
  intro.getCell('A1').value = '填表说明：请勿修改表头';
  const hidden = book.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('B2').value = '不应读到';
  const ws = book.addWorksheet('推进情况表');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '2022年省民生实事叶县工作任务推进情况表';
  ws.addRow([]);
  ws.getRow(2).values = ['编号', '工作任务', '完成率', '截至日期', '是否完成', '备注'];
  const rows: ExcelJS.CellValue[][] = [
    [1, { richText: [{ text: '技能培训', font: { bold: true } }, { text: '\n完成 3 万人次' }] }, 0.6, new Date(Date.UTC(2022, 8, 30)), true, { error: '#N/A' }],
    [2, '城管 & 住建 <合办>', 0.125, new Date(Date.UTC(2023, 0, 1, 12, 30)), false, { formula: 'A4*2', result: 4 }],
    [3, '  前后有空格  ', 1.5, new Date(Date.UTC(1900, 1, 28)), { formula: 'TRUE()', result: true }, { formula: 'A5&"项"', result: '3项' }],
    [4, '隐藏行', -0.05, 45000.75, null, { error: '#DIV/0!' }],
    [5, '第五项', 0, 60, 'x', 123456789.125],
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(3 + i);
    row.values = values;
    row.getCell(3).numFmt = i === 2 ? '0.0%' : '0%';
    row.getCell(4).numFmt = i === 1 ? 'yyyy/m/d h:mm' : i === 3 ? '[$-804]yyyy"年"m"月"d"日"' : 'yyyy"年"m"月"d"日"';
  });
  ws.getRow(6).hidden = true;
  ws.getColumn(6).hidden = true;
  ws.mergeCells('E7:F8');
  const other = book.addWorksheet('附表');
  other.addRow(['序号', '名称']);
  other.addRow([1, '附表内容']);
  return new Uint8Array(await book.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings } as ExcelJS.XlsxWriteOptions));
}

function sheetJsBook(bookSST: boolean): Uint8Array {
  const aoa = [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['编号', '工作任务', '责任单位', '完成率'],
    [1, '第1项民生实事。', '县城管局\n县住建局', 0.6],
    [2, 'A & B "引号" <尖括号>', '县人社局', 1],
    [3, true, false, -2.5e-7],
  ];
  const book = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }];
  XLSX.utils.book_append_sheet(book, ws, '推进情况表');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['日期'], [new Date(Date.UTC(2022, 6, 25))]], { cellDates: true }), '日期');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST }) as Buffer);
}

describe('the fast .xlsx reader reads as SheetJS does', () => {
  it('reads the fixture workbooks cell for cell as SheetJS, and takes every one of them', async () => {
    const files = [...xlsxIn(path.join(shared, 'fixtures')), ...xlsxIn(path.join(root, 'test', 'fixtures', 'import'))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = await compareEverySheet(new Uint8Array(fs.readFileSync(file)), path.basename(file));
      expect(result, file).toEqual({ reader: 'fast', fastBail: undefined });
    }
  }, 120_000);

  it('reads workbooks written by SheetJS (with and without shared strings) and by ExcelJS (styled) as SheetJS does', async () => {
    const books: [string, Uint8Array][] = [
      ['sheetjs-sst.xlsx', sheetJsBook(true)],
      ['sheetjs-inline.xlsx', sheetJsBook(false)],
      ['exceljs-shared.xlsx', await styledExcelJsBook({ sharedStrings: true })],
      ['exceljs-inline.xlsx', await styledExcelJsBook({ sharedStrings: false })],
      ['exceljs-1904.xlsx', await styledExcelJsBook({ sharedStrings: true, date1904: true })],
    ];
    for (const [name, bytes] of books) expect(await compareEverySheet(bytes, name), name).toEqual({ reader: 'fast', fastBail: undefined });
  }, 120_000);

  it('refuses past the row and column limits with the same kinds as the SheetJS path', async () => {
    const books: [string, Uint8Array][] = [
      ['exceljs.xlsx', await styledExcelJsBook({ sharedStrings: true })],
      ['yexian-2022-progress.xlsx', new Uint8Array(fs.readFileSync(path.join(shared, 'fixtures', 'yexian-2022-progress.xlsx')))],
    ];
    const outcomes: string[] = [];
    for (const [name, bytes] of books) {
      for (const limits of [resolveLimits({ maxRows: 3 }), resolveLimits({ maxColumns: 2 }), resolveLimits({ maxRows: 7, maxColumns: 6 })]) {
        const result = await compare(bytes, name, undefined, limits);
        outcomes.push(result.reader ?? '');
        for (const sheet of result.names) await compare(bytes, name, sheet, limits);
      }
    }
    expect(outcomes).toContain('refused');
  }, 120_000);

  it('blanks hidden rows and columns of the table, and passes over the hidden sheet, as the SheetJS path does', async () => {
    const bytes = await styledExcelJsBook({ sharedStrings: true });
    const result = await runParseWorker({ format: 'xlsx', bytes }, defaultLimits, 'styled.xlsx');
    if (!result.ok || !('grids' in result)) throw new Error('not read');
    expect(result.reader).toBe('fast');
    expect(result.sheets.map((s) => [s.name, s.hidden])).toEqual([['说明', false], ['隐藏', true], ['推进情况表', false], ['附表', false]]);
    const table = result.grids.find((g) => g.sheet === '推进情况表')!;
    expect(table.cells[5]!.every((v) => v === null)).toBe(true);
    expect(table.cells[2]![2]).toBe('60%');
    expect(table.cells[2]![3]).toBe('2022-09-30');
    expect(table.cells[2]!.length).toBe(6);
    expect(table.cells[2]![5]).toBeNull();
    expect(result.grids.some((g) => g.sheet === '隐藏')).toBe(false);
  }, 60_000);

  it.skipIf(!hasCorpus)('reads every .xlsx/.xlsm of the calamine corpus as SheetJS does, or bails out to it', async () => {
    const outcomes = new Map<string, Compared>();
    for (const file of xlsxIn(corpus)) outcomes.set(path.basename(file), await compareEverySheet(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
    const fast = [...outcomes].filter(([, o]) => o.reader === 'fast').map(([f]) => f);
    expect(fast.length).toBeGreaterThan(30);
    for (const file of ['date.xlsx', 'date_1904.xlsx', 'errors.xlsx', 'encoded_entities.xlsx', 'has_x000D_inline.xlsx', 'rph.xlsx']) expect(fast, file).toContain(file);
    // What the fast reader leaves to SheetJS, and why.
    expect(outcomes.get('date_iso.xlsx')?.fastBail).toMatch(/cell type d/);
    expect(outcomes.get('strict_iso_paths.xlsx')?.fastBail).toMatch(/namespace/);
    expect(outcomes.get('inlineStr_cdata.xlsx')?.fastBail).toMatch(/CDATA/);
    expect(outcomes.get('pass_protected.xlsx')?.reader).toBe('refused before parsing');
  }, 300_000);
});

/** The number-format rules of the fast reader, evaluated as the worker evaluates them. */
const formats = new Function(`${xlsxFastTextSource}; return { formatKind, builtinKind };`)() as {
  formatKind: (fmt: string) => 'date' | 'percent' | 'number';
  builtinKind: (id: number) => 'date' | 'percent' | 'number';
};

function kindOrBail(fmt: string): string {
  try {
    return formats.formatKind(fmt);
  } catch (error) {
    if ((error as { fastBail?: boolean }).fastBail) return 'bail';
    throw error;
  }
}

describe('number formats as the fast reader sorts them', () => {
  const samples = [
    'General', '0', '0.00', '#,##0.00', '0%', '0.00%', '#,##0.0%', '0.00E+00', '##0.0E+0', '@', '# ?/?', 'm/d/yy', 'yyyy"年"m"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日"', 'yyyy/m/d h:mm', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss', '上午/下午h"时"mm"分"', '0"元"', '#,##0_);[Red](#,##0)',
    '"$"#,##0.00', '0.00_ ', '\\d0', '[Red]0', 'general', 'dd', 'yyyy-mm-dd', 'e', 'B1', '"%"0', '0%_)', '0%;-0%', 'aaaa', '[DBNum1]0',
  ];
  it('calls a format a date exactly when SheetJS does, or bails out', () => {
    for (const fmt of samples) {
      const kind = kindOrBail(fmt);
      if (kind === 'bail') continue;
      expect(kind === 'date', fmt).toBe(XLSX.SSF.is_date(fmt));
    }
    expect(kindOrBail('yyyy"年"m"月"d"日"')).toBe('date');
    expect(kindOrBail('0"元"')).toBe('number');
  });

  it('calls a format percent exactly when SheetJS formats numbers with it ending in %, or bails out', () => {
    for (const fmt of samples) {
      const kind = kindOrBail(fmt);
      if (kind === 'bail' || kind === 'date') continue;
      for (const v of [0, 0.6, -0.05, 1.5, 123456.789, 1e-9]) {
        let text: string;
        try {
          text = XLSX.SSF.format(fmt, v);
        } catch {
          text = '';
        }
        expect(kind === 'percent', `${fmt} ${v} → ${text}`).toBe(text.endsWith('%'));
      }
    }
    expect(kindOrBail('0.00%')).toBe('percent');
    expect(kindOrBail('0%;-0%')).toBe('bail');
  });

  it('knows the built-in formats as SheetJS does, the East Asian date ids 27–36 and 50–58 included', () => {
    const table = XLSX.SSF.get_table() as Record<number, string>;
    for (let id = 0; id <= 163; id++) {
      const fmt = table[id];
      if (fmt === undefined) continue;
      expect(formats.builtinKind(id) === 'date', `${id} ${fmt}`).toBe(XLSX.SSF.is_date(fmt));
      expect(formats.builtinKind(id) === 'percent', `${id} ${fmt}`).toBe(XLSX.SSF.format(fmt, 0.6).endsWith('%'));
    }
    for (const id of [27, 31, 36, 50, 55, 58]) expect(formats.builtinKind(id)).toBe('date');
  });
});
