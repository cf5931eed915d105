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

/** A zip of stored (uncompressed) entries, so that a workbook's XML can be written here by hand. */
function storedZip(files: Record<string, string>): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer): number => {
    let c = 0xffffffff;
    for (const b of data) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook of the odd shapes the fast reader claims to read as SheetJS does, written by hand. */
function handWrittenBook(date1904: boolean): Uint8Array {
  const sheet1 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><cols><col min="3" max="5" hidden="1" width="0"/><col min="6" max="6" hidden="0"/><col min="5" max="5" hidden="0"/></cols><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" t="s"><v> 4 </v></c></row>
<row><c r="A2" s="1"><v>45000.5</v></c><c r="B2" s="1"><v>60</v></c><c r="C2" s="1"><v>59.99</v></c><c r="D2" s="2"><v>44834</v></c><c r="E2" s="3"><v>0.655</v></c><c r="F2" s="4"><v>-1.5</v></c></row>
<row r="3" hidden="1"><c r="A3" t="str"/><c r="B3" t="b"/><c r="C3" t="b"><v>true</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="str"><v>a &amp;amp; b_x000D_&#10;c</v></c><c r="F3"><v> </v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is> </is></c><c r="B4" t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 乙 </t></r><rPh sb="0" eb="1"><t>こう</t></rPh></is></c><c r="C4" t="inlineStr"><v>x</v></c><c r="D4" s="5"><v>3</v></c><c r="E4" s="9"><v>7</v></c><c r="F4"><f>A4</f></c></row>
<row r="6" spans="1:6"><c r="A6"><f>1+1</f><v>2</v></c><c r="B6" t="s" s="1"><v>5</v></c><c r="C6" t="n" s="1"><v>-700</v></c><c r="H6" t="s"/></row>
</sheetData><mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="C1:D2" xr:uid="{1}"/><mergeCell ref="E6:F7"/></mergeCells></worksheet>`;
  const sheet2 = `<worksheet ${ns}><dimension ref="B2:D9"/><sheetData><row r="3"><c r="C3"><v>1</v></c></row><row r="5" hidden="true"/></sheetData></worksheet>`;
  const sst = `<sst ${ns.split(' ')[0]} count="6" uniqueCount="6"><si><t>标题 &lt;一&gt; &#X41;&#x4E00;</t></si><si><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  前后空格  </t><rPh sb="0" eb="1"><t>ゼン</t></rPh></si><si><t>_x000D_换行_x000a_</t></si><si/><si><t></t></si></sst>`.replace('<si/>', '<si><phoneticPr fontId="1"/></si>');
  const styles = `<styleSheet ${ns.split(' ')[0]}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="31"/><xf numFmtId="44"/><xf/><xf numFmtId="200"/><xf numFmtId="57"/></cellXfs></styleSheet>`;
  return storedZip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<workbook ${ns}><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="表 &amp; 一" sheetId="1" r:id="rId1"/><sheet name="二" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/sharedStrings.xml': sst,
    'xl/styles.xml': styles,
  });
}

/** A one-sheet book written by hand: the sheet's XML and the styles' cellXfs (no shared strings). */
function oneSheetBook(sheetData: string, cellXfs = '<xf numFmtId="0"/>', numFmts = '', drop?: string): Uint8Array {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/></Types>`,
    '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<workbook ${ns}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData>${sheetData}</sheetData></worksheet>`,
    'xl/styles.xml': `<styleSheet ${ns.split(' ')[0]}>${numFmts}<cellXfs>${cellXfs}</cellXfs></styleSheet>`,
  };
  if (drop !== undefined) delete files[drop];
  return storedZip(files);
}

/** Every number-format id a cell can name without declaring it (0–392), with a fraction and a date serial. */
function formatIdsBook(): Uint8Array {
  const ids = Array.from({ length: 393 }, (_, id) => id);
  const rows = ids.map((id) => `<row r="${id + 1}"><c r="A${id + 1}" s="${id}"><v>0.6</v></c><c r="B${id + 1}" s="${id}"><v>45000.5</v></c><c r="C${id + 1}" s="${id}"><v>-3</v></c></row>`);
  return oneSheetBook(rows.join(''), ids.map((id) => `<xf numFmtId="${id}"/>`).join(''));
}

/** Text cells (t="str", inline, error) with character references and _xHHHH_ escapes beyond ASCII. */
function escapesBook(): Uint8Array {
  const texts = ['&#x4E00;', '&#233;', '_x4E00_', 'a&#10;b', '_x000D_', '&amp;#x4E00;', '项&amp;目', '&#x1F600;', '&#128512;'];
  const rows = texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><v>${t}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${t}</t></is></c><c r="C${i + 1}" t="inlineStr"><is><r><t>${t}</t></r></is></c></row>`);
  rows.push(`<row r="${texts.length + 1}"><c r="A${texts.length + 1}" t="e"><v>#错误!</v></c><c r="B${texts.length + 1}" t="e"><v>#N/A</v></c></row>`);
  return oneSheetBook(rows.join(''));
}

describe('the fast .xlsx reader reads as SheetJS does', () => {
  it('reads a hand-written book of odd shapes (no r, escapes, phonetic runs, stubs, 1900-02-29, hidden, overlapping cols) as SheetJS does', async () => {
    for (const date1904 of [false, true]) {
      const bytes = handWrittenBook(date1904);
      expect(await compareEverySheet(bytes, `hand-${date1904}.xlsx`)).toEqual({ reader: 'fast', fastBail: undefined });
    }
    const result = await runParseWorker({ format: 'xlsx', bytes: handWrittenBook(false) }, defaultLimits, 'hand.xlsx');
    if (!result.ok || !('grids' in result)) throw new Error('not read');
    expect(result.sheets).toEqual([{ name: '表 & 一', hidden: false, rows: 6, columns: 8 }, { name: '二', hidden: true, rows: 9, columns: 4 }]);
    expect(result.grids[0]!.cells[0]).toEqual(['标题 <一> )一', '富文本', null, null, '\r换行\n', null]);
  }, 60_000);


  it('reads every built-in number-format id (dates, percents, East Asian ids) as SheetJS does', async () => {
    expect(await compare(formatIdsBook(), 'format-ids.xlsx')).toMatchObject({ reader: 'fast', fastBail: undefined });
  }, 60_000);

  it('reads character references and _xHHHH_ escapes in text cells as SheetJS does, or bails out', async () => {
    expect((await compare(escapesBook(), 'escapes.xlsx')).fastBail).toMatch(/escaped non-ASCII|error cell text/);
    const fine = oneSheetBook('<row r="1"><c r="A1" t="str"><v>a&#10;b_x000D_&amp;#x4E00;项</v></c><c r="B1" t="e"><v>#DIV/0!</v></c></row>');
    expect(await compare(fine, 'ascii-escapes.xlsx')).toMatchObject({ reader: 'fast', fastBail: undefined });
  }, 60_000);

  it('reads every shape of cell a row may mix, those read in place and those read by their attributes, as SheetJS does', async () => {
    const rows = [
      '<row r="1" xml:space="preserve"><c r="A1" t="str" xml:space="preserve"><v xml:space="preserve">县城管局\r\n县住建局</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1"><f>B1</f><v>3</v></c><c r="D1" s="2"><v>0.25</v></c><c r="E1" t="s"/><c r="F1"></c><c r="G1"><v></v></c><c r="H1" t="b"><v>1</v></c></row>',
      '<row r="2"><c r="A2" t="e"><v>#N/A</v></c><c t="str"><v>无 r</v></c><c r="C2" t="str"><v>a&amp;b_x000D_</v></c><c r="D2" t="n"><v>1.5</v></c><c r="E2" s="1"/><c r="F2" t="str"><v></v></c><c r="G2" t="str"/></row>',
      '<row r="3" spans="1:3"> <c r="A3"><v>7</v></c>\n<c r="B3" t="inlineStr"><is><t>内联</t></is></c><c r="C3" t="str"><v>x_y:z</v></c><c r="D3"  s="1"><v>45001</v></c></row>',
      '<row r="4" hidden="1"><c r="A4" t="str"><v>隐藏</v></c></row><row r="5"><c r="B5" s="0"><v>-0.5</v></c></row>',
    ];
    const book = oneSheetBook(rows.join(''), '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/>');
    expect(await compareEverySheet(book, 'mixed.xlsx')).toEqual({ reader: 'fast', fastBail: undefined });
    // A cell outside its row is still refused by the cells read in place.
    expect((await compare(oneSheetBook('<row r="1"><c r="A2"><v>1</v></c></row>'), 'outside.xlsx')).fastBail).toMatch(/outside its row/);
  }, 60_000);

  it('leaves a book whose declared styles part is missing to SheetJS, whatever it makes of it', async () => {
    const cells = '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>0.6</v></c></row>';
    const xfs = '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/>';
    expect(await compare(oneSheetBook(cells, xfs), 'styled.xlsx')).toMatchObject({ reader: 'fast', fastBail: undefined });
    const missing = await compare(oneSheetBook(cells, xfs, '', 'xl/styles.xml'), 'no-styles.xlsx');
    expect(missing.reader).not.toBe('fast');
  }, 60_000);

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
