import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LedgerError, type ErrorCode } from '../../../shared/errors';
import { understandTable, type TablePreview } from '../../../shared/import/understand';
import { defaultImportLimits, readWorkbook, type ImportLimits } from '../../../electron/backend/import/read';

const root = path.resolve(import.meta.dirname, '../../..');
const shared = path.resolve(root, '../shared');
const fixtures = path.join(shared, 'fixtures');
const corpus = path.join(shared, 'corpus', 'calamine');
const own = path.join(root, 'test', 'fixtures', 'import');
const hasShared = fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));
const hasCorpus = fs.existsSync(corpus);

const bytesOf = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

async function refusal(bytes: Uint8Array, fileName: string, limits?: Partial<ImportLimits>): Promise<LedgerError> {
  try {
    await readWorkbook(bytes, { fileName, ...(limits ? { limits } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    return error as LedgerError;
  }
  throw new Error(`${fileName} was read, not refused`);
}

async function expectRefused(bytes: Uint8Array, fileName: string, code: ErrorCode, limits?: Partial<ImportLimits>): Promise<LedgerError> {
  const error = await refusal(bytes, fileName, limits);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  if (code !== 'INTERNAL') expect(error.message).toContain(fileName);
  return error;
}

async function understandFile(file: string, fileName = path.basename(file)): Promise<{ format: string; table: TablePreview }> {
  const read = await readWorkbook(bytesOf(file), { fileName });
  return { format: read.format, table: understandTable(read.grid) };
}

// --- a zip written here, byte by byte, so its sizes can be made to lie --------------------------------------

interface ZipItem {
  name: string;
  data: Uint8Array;
  /** Deflate (8) or store (0). */
  method?: 0 | 8;
  /** Sizes to declare instead of the real ones. */
  declare?: { compressed?: number; uncompressed?: number };
  /** Sizes only in a data descriptor (flag bit 3): zeros in the local header. */
  descriptor?: boolean;
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function makeZip(items: ZipItem[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const method = item.method ?? 8;
    const body = method === 8 ? deflateRawSync(item.data) : Buffer.from(item.data);
    const name = Buffer.from(item.name, 'utf8');
    const crc = item.data.length > 1_000_000 ? 0 : crc32(item.data);
    const csz = item.declare?.compressed ?? body.length;
    const usz = item.declare?.uncompressed ?? item.data.length;
    const flags = item.descriptor ? 0x0808 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(item.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(item.descriptor ? 0 : csz, 18);
    local.writeUInt32LE(item.descriptor ? 0 : usz, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, body];
    if (item.descriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(csz, 8);
      dd.writeUInt32LE(usz, 12);
      parts.push(dd);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(csz, 20);
    central.writeUInt32LE(usz, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    const local_ = Buffer.concat(parts);
    locals.push(local_);
    offset += local_.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const minimalXlsx = (sheetXml: string): ZipItem[] => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
];

const sheetXml = (rows: string[][]): string =>
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`)
    .join('') +
  '</sheetData></worksheet>';

// -------------------------------------------------------------------------------------------------------

describe.skipIf(!hasShared)('the Ye County 2022 table in its three shapes', () => {
  const files = ['yexian-2022-progress.xlsx', 'yexian-2022-progress.xls', 'yexian-2022-progress-gbk.csv'];

  it.each(files)('%s gives the ten projects, with project 3 split between its two lead units', async (name) => {
    const { format, table } = await understandFile(path.join(fixtures, name));
    expect(format).toBe(name.endsWith('.csv') ? 'csv' : name.endsWith('.xls') ? 'xls' : 'xlsx');
    expect(table.rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(table.rows.map((r) => r.project)).toEqual([
      '开展职业技能培训和评价取证',
      '扩大医院门诊费用异地就医直接结算范围',
      '推进城市窨井设施及城镇老旧小区改造提升',
      '加快农村交通物流体系建设',
      '实施学前教育普惠扩容工程',
      '推进居家社区养老服务设施建设',
      '提高妇女儿童健康保障水平',
      '实施残疾儿童康复救助',
      '开展青少年心理健康服务进村(社区)行动',
      '提升移动政务服务能力',
    ]);
    const p3 = table.rows[2]!;
    expect(p3.leadUnits).toEqual(['县城管局', '县住建局']);
    expect(p3.responsiblePeople).toEqual(['王晓', '滕跃峰']);
    expect(p3.leaders).toEqual(['常姣峰']);
    expect(p3.unitProgress.map((u) => u.unit)).toEqual(['县城管局', '县住建局']);
    expect(p3.unitProgress[0]!.text).toMatch(/^已整改病害井盖201座/);
    expect(p3.unitProgress[1]!.text).toMatch(/^已完成拦标价编制工作/);
    expect(p3.unitProgress[0]!.text).not.toContain('县住建局');
    expect(p3.task).toMatch(/^推进城市窨井设施及城镇老旧小区改造提升。落实/);
    const p4 = table.rows[3]!;
    expect(p4.responsiblePeople).toEqual(['兰建伟', '王清伟']);
    expect(p4.leaders).toEqual(['胡炜哲', '王二宝', '何鹏飞']);
    expect(table.rows.every((r) => r.section === null)).toBe(true);
    expect(table.rows[8]!.leadUnits).toEqual(['团县委']);
    if (!name.endsWith('.csv')) {
      expect(table.title).toBe('2022年省民生实事叶县工作任务推进情况表');
      expect(table.asOf).toBe('2022-07-25');
      expect(table.reportingUnit).toBe('叶县人民政府办公室');
      expect(table.headerRow).toBe(3);
      expect(table.rows[0]!.sourceRow).toBe(4);
    } else {
      expect(table.headerRow).toBe(1);
    }
    expect(table.headerRows).toBe(1);
    expect(table.warnings.filter((w) => w.code !== 'NO_AS_OF')).toEqual([]);
  });

  it('reads the GBK CSV as Chinese text, not mojibake', async () => {
    const read = await readWorkbook(bytesOf(path.join(fixtures, 'yexian-2022-progress-gbk.csv')), { fileName: 'progress.csv' });
    expect(read.grid.cells[0]).toEqual(['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度']);
  });

  it('detects the format from the bytes, not the name', async () => {
    const xlsx = await readWorkbook(bytesOf(path.join(fixtures, 'yexian-2022-progress.xlsx')), { fileName: '进度表.xls' });
    expect(xlsx.format).toBe('xlsx');
    const xls = await readWorkbook(bytesOf(path.join(fixtures, 'yexian-2022-progress.xls')), { fileName: '进度表.xlsx' });
    expect(xls.format).toBe('xls');
    // WPS .et is a BIFF compound file like .xls; the extension names it.
    const et = await readWorkbook(bytesOf(path.join(fixtures, 'yexian-2022-progress.xls')), { fileName: '进度表.et' });
    expect(et.format).toBe('et');
    expect(understandTable(et.grid).rows).toHaveLength(10);
  });
});

describe('fixtures made with LibreOffice and iconv', () => {
  it('a project merged down over its tasks (xlsx and ods)', async () => {
    for (const name of ['merged-category.xlsx', 'merged-category.ods']) {
      const { format, table } = await understandFile(path.join(own, name));
      expect(format).toBe(name.endsWith('.ods') ? 'ods' : 'xlsx');
      expect(table.title).toBe('2023年县重点民生实事任务分解表');
      expect(table.asOf).toBe('2023-06-30');
      expect(table.columns.find((c) => c.field === 'responsiblePeople')?.header).toBe('责 任 人');
      expect(table.rows.map((r) => [r.seq, r.project])).toEqual([
        ['1', '城乡教育提质工程'],
        ['2', '城乡教育提质工程'],
        ['3', '养老服务提升工程'],
        ['4', '养老服务提升工程'],
        ['5', '养老服务提升工程'],
      ]);
      expect(table.rows[0]!.task).toBe('新建幼儿园3所。');
      expect(table.rows[0]!.supportUnits).toEqual(['县财政局', '县自然资源局']);
      expect(table.rows[1]!.supportUnits).toEqual(['各乡（镇、街道）政府']);
      expect(table.rows[2]!.supportUnits).toEqual(['县住建局', '县财政局']);
      expect(table.rows[4]!.unitProgress).toEqual([
        { unit: '县民政局', text: '已录入15.3万人。' },
        { unit: '县卫健委', text: '已完成体检数据对接。' },
      ]);
    }
  });

  it('a sectioned bulletin (.xls): sections kept on rows, numbering restarting, totals and footer left out', async () => {
    const { format, table } = await understandFile(path.join(own, 'sectioned-bulletin.xls'));
    expect(format).toBe('xls');
    expect(table.reportingUnit).toBe('区督查局');
    expect(table.asOf).toBe('2022-09-30');
    expect(table.rows.map((r) => [r.sourceRow, r.seq, r.section])).toEqual([
      [5, '1', '一、已完成实事（2件）'],
      [6, '2', '一、已完成实事（2件）'],
      [8, '1', '二、持续推进实事（3件）'],
      [9, '2', '二、持续推进实事（3件）'],
      [10, '3', '二、持续推进实事（3件）'],
    ]);
    expect(table.rows[3]!.leadUnits).toEqual(['区城管局', '区住建局']);
    expect(table.rows[3]!.unitProgress.map((u) => u.unit)).toEqual(['区城管局', '区住建局']);
    expect(table.warnings.map((w) => w.code)).toEqual(['TOTAL_ROW']);
    expect(table.warnings[0]!.row).toBe(11);
  });

  it('a two-row header with indicators: 万, percentages as text and as fractions, full-width digits, a formula', async () => {
    const { table } = await understandFile(path.join(own, 'indicators-two-row.xlsx'));
    expect(table.headerRow).toBe(2);
    expect(table.headerRows).toBe(2);
    expect(table.asOf).toBe('2022-09-30');
    expect(table.columns.map((c) => c.field)).toEqual(['seq', 'project', 'target', 'unit', 'actual', 'rate', 'leadUnits']);
    expect(table.rows.map((r) => r.indicators)).toEqual([
      [{ name: '技能培训', target: 28000, unit: '人次', actual: 13800, rate: 49.29 }],
      [{ name: '两癌筛查', target: 14000, unit: '人', actual: 8406, rate: 60 }],
      [{ name: '新建农村公路', target: 115.26, unit: '公里', actual: 64.77, rate: 56.19 }],
      [{ name: '产前筛查率', target: 60, unit: '%', actual: 71.9, rate: null }],
    ]);
    expect(table.warnings.filter((w) => w.code !== 'NO_AS_OF')).toEqual([]);
  });

  it('an HTML table saved as .xls in GBK', async () => {
    const { format, table } = await understandFile(path.join(own, 'html-table.xls'));
    expect(format).toBe('html');
    expect(table.title).toBe('2022年省民生实事叶县工作任务推进情况表');
    expect(table.asOf).toBe('2022-07-25');
    expect(table.reportingUnit).toBe('叶县人民政府办公室');
    expect(table.rows.map((r) => r.project)).toEqual(['实施残疾儿童康复救助', '提升移动政务服务能力']);
  });

  it.each(['utf8-bom.csv', 'gb18030.csv'])('%s decodes (BOM honoured; GB18030 when not UTF-8)', async (name) => {
    const { format, table } = await understandFile(path.join(own, name));
    expect(format).toBe('csv');
    expect(table.columns[0]!.header).toBe('编号');
    expect(table.rows).toHaveLength(3);
    expect(table.rows[1]!.responsiblePeople).toEqual(['王晓', '滕跃峰']);
    expect(table.rows[1]!.unitProgress.map((u) => u.unit)).toEqual(['县城管局', '县住建局']);
    expect(table.rows[2]!.progress).toBe('䶮字测试：已完成选址。');
    expect(table.rows[2]!.project).toBe('建设"青翼家园"阵地');
  });

  it('skips a hidden sheet unless it is chosen, and reads formulas as their cached values and dates as ISO', async () => {
    const bytes = bytesOf(path.join(own, 'hidden-and-formulas.xlsx'));
    const read = await readWorkbook(bytes, { fileName: 'hidden.xlsx' });
    expect(read.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['封面', false],
      ['旧版（隐藏）', true],
      ['推进情况', false],
    ]);
    expect(read.sheet).toBe('推进情况');
    expect(read.grid.cells[1]).toEqual([1, '新增技能人才2.28万人。', '县人社局', 22800, 32100, 1.4079, '2022-12-31']);
    expect(read.grid.cells[2]?.[4]).toBe(16);
    const table = understandTable(read.grid);
    expect(table.rows[0]!.deadline).toBe('2022-12-31');
    expect(table.rows[0]!.indicators[0]).toMatchObject({ target: 22800, actual: 32100, rate: 140.79 });
    const hidden = await readWorkbook(bytes, { fileName: 'hidden.xlsx', sheet: '旧版（隐藏）' });
    expect(hidden.sheet).toBe('旧版（隐藏）');
    expect(understandTable(hidden.grid).rows[0]!.leadUnits).toEqual(['县旧局']);
  });

  it('refuses a sheet name that is not there', async () => {
    await expect(readWorkbook(bytesOf(path.join(own, 'merged-category.xlsx')), { fileName: 'a.xlsx', sheet: '没有' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('broken and hostile files are refused with their own code', () => {
  it('an empty file', async () => {
    await expectRefused(new Uint8Array(0), '空.xlsx', 'IMPORT_EMPTY');
  });

  it('a truncated xlsx', async () => {
    const whole = bytesOf(path.join(own, 'merged-category.xlsx'));
    await expectRefused(whole.subarray(0, Math.floor(whole.length / 2)), '截断.xlsx', 'IMPORT_CORRUPT');
    await expectRefused(whole.subarray(0, 100), '截断2.xlsx', 'IMPORT_CORRUPT');
  });

  it('a truncated xls', async () => {
    const whole = bytesOf(path.join(own, 'sectioned-bulletin.xls'));
    const error = await refusal(whole.subarray(0, 1536), '截断.xls');
    expect(['IMPORT_CORRUPT', 'IMPORT_EMPTY']).toContain(error.code);
  });

  it('a PNG renamed .xlsx', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const error = await expectRefused(png, '照片.xlsx', 'IMPORT_NOT_SPREADSHEET');
    expect(error.message).toContain('PNG');
  });

  it('binary junk, a PowerPoint zip, and a zip that only looks like a Word document', async () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    await expectRefused(junk, '乱码.csv', 'IMPORT_NOT_SPREADSHEET');
    await expectRefused(makeZip([{ name: 'ppt/presentation.xml', data: Buffer.from('<p:presentation/>') }]), '演示.xlsx', 'IMPORT_NOT_SPREADSHEET');
    // Word documents are read now (test/integration/import/documents.test.ts); one without its parts is broken.
    await expectRefused(makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), '文档.docx', 'IMPORT_CORRUPT');
  });

  it.skipIf(!hasCorpus)('encrypted workbooks (xlsx, xlsb, ods)', async () => {
    for (const name of ['pass_protected.xlsx', 'pass_protected.xlsb', 'pass_protected.ods']) {
      await expectRefused(bytesOf(path.join(corpus, name)), name, 'IMPORT_ENCRYPTED');
    }
  });

  it('a file larger than the limit, refused before anything is parsed', async () => {
    const started = performance.now();
    const big = new Uint8Array(2 * 1024 * 1024);
    await expectRefused(big, '大文件.xlsx', 'IMPORT_TOO_LARGE', { maxFileBytes: 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('plain text too long for a document, refused before it is read (it would be read on the backend’s own thread)', async () => {
    const paragraph = '各乡镇要高度重视民生实事工作，明确责任分工，确保按期完成年度目标任务。\n';
    const seed = (await fs.promises.readdir(path.join(shared, 'seeds')).catch(() => [] as string[]))[0];
    const text = (bytes: number) => Buffer.from(paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph))), 'utf8');
    const started = performance.now();
    const error = await expectRefused(text(3 * 1024 * 1024), '很长的通报.txt', 'IMPORT_TOO_LARGE');
    expect(error.message).toContain('纯文本');
    expect(performance.now() - started).toBeLessThan(500);
    // A document of the seeds' size, and one of 1.5 MB, are read.
    if (seed) expect((await readWorkbook(fs.readFileSync(path.join(shared, 'seeds', seed)), { fileName: seed })).format).toBe('text');
    expect((await readWorkbook(text(1.5 * 1024 * 1024), { fileName: '长通报.txt' })).format).toBe('text');
  });

  it('a zip bomb whose directory declares huge sizes: refused from the directory in well under 2 s', async () => {
    // 64 MB of zeros in 1 MB chunks deflates to ~64 KB: a ratio of ~1000.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const items = minimalXlsx(sheetXml([['编号']]));
    items.push({ name: 'xl/worksheets/sheet2.xml', data: zeros });
    const bomb = makeZip(items);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const before = process.memoryUsage().rss;
    const error = await expectRefused(bomb, '炸弹.xlsx', 'IMPORT_TOO_LARGE');
    expect(error.message).toMatch(/压缩/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a zip whose declared sizes add up beyond the limit', async () => {
    const items = minimalXlsx(sheetXml([['编号']]));
    items.push({ name: 'xl/media/a.bin', data: new Uint8Array(10), method: 0, declare: { uncompressed: 3_000_000_000 } });
    await expectRefused(makeZip(items), '声明过大.xlsx', 'IMPORT_TOO_LARGE');
  });

  it('a bomb hiding its sizes in a data descriptor is measured (streaming, capped) and refused', async () => {
    const items = minimalXlsx(sheetXml([['编号']]));
    items.push({ name: 'xl/worksheets/sheet2.xml', data: new Uint8Array(8 * 1024 * 1024), descriptor: true, declare: { uncompressed: 100 } });
    const started = performance.now();
    await expectRefused(makeZip(items), '隐藏炸弹.xlsx', 'IMPORT_TOO_LARGE', { maxUncompressedBytes: 4 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a sheet with more rows or columns than the limits', async () => {
    const rows = Array.from({ length: 30 }, (_, r) => ['编号', '工作任务', `第${r}行`]);
    const xlsx = makeZip(minimalXlsx(sheetXml(rows)));
    expect((await readWorkbook(xlsx, { fileName: 'ok.xlsx' })).grid.cells).toHaveLength(30);
    await expectRefused(xlsx, '行多.xlsx', 'IMPORT_TOO_LARGE', { maxRows: 20 });
    await expectRefused(xlsx, '列多.xlsx', 'IMPORT_TOO_LARGE', { maxColumns: 2 });
    const csv = new TextEncoder().encode(Array.from({ length: 50 }, (_, i) => `${i},任务${i}`).join('\n'));
    await expectRefused(csv, '行多.csv', 'IMPORT_TOO_LARGE', { maxRows: 10 });
  });

  it('an ODS that repeats a cell a billion times is stopped by the timeout or the heap limit, and the process lives on', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="999999999"><table:table-cell table:number-columns-repeated="999999999" office:value-type="string"><text:p>X</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
    const styles = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>';
    const manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';
    const ods = makeZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'META-INF/manifest.xml', data: Buffer.from(manifest) },
      { name: 'styles.xml', data: Buffer.from(styles) },
      { name: 'content.xml', data: Buffer.from(content) },
    ]);
    const started = performance.now();
    const error = await refusal(ods, 'dos.ods', { timeoutMs: 3000, maxMemoryMb: 256 });
    expect(['IMPORT_TIMEOUT', 'IMPORT_TOO_LARGE', 'IMPORT_CORRUPT']).toContain(error.code);
    expect(performance.now() - started).toBeLessThan(8000);
    // Still alive and able to read.
    expect((await readWorkbook(bytesOf(path.join(own, 'utf8-bom.csv')), { fileName: 'after.csv' })).grid.cells).toHaveLength(4);
  });

  it('a worker past its heap limit is refused as too large', async () => {
    const rows = Array.from({ length: 40_000 }, (_, r) => [`${r}`, `任务内容第${r}行，`.repeat(10), '县人社局']);
    const xlsx = makeZip(minimalXlsx(sheetXml(rows)));
    const error = await refusal(xlsx, '内存.xlsx', { maxMemoryMb: 32, timeoutMs: 30_000 });
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.message).toContain('内存');
    // The same file reads with the default limits.
    expect((await readWorkbook(xlsx, { fileName: '内存.xlsx' })).grid.cells).toHaveLength(40_000);
  });

  it('has generous defaults', () => {
    expect(defaultImportLimits.maxRows).toBeGreaterThanOrEqual(100_000);
    expect(defaultImportLimits.maxFileBytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });
});

describe.skipIf(!hasCorpus)('other formats from the corpus', () => {
  it('reads .xlsb and lists hidden sheets', async () => {
    const read = await readWorkbook(bytesOf(path.join(corpus, 'any_sheets.xlsb')), { fileName: 'any_sheets.xlsb' });
    expect(read.format).toBe('xlsb');
    expect(read.sheets.length).toBe(4);
    expect(read.sheets.some((s) => s.hidden)).toBe(true);
    expect(read.sheets.find((s) => s.name === read.sheet)?.hidden).toBe(false);
  });
});
