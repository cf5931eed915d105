import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils } from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKey, loadOrCreateOfficeKey, parsePublicKeyFile, type OfficeKey } from '../../../electron/backend/export/keys';
import { readVisibleCells } from '../../../electron/backend/export/read-table';
import { createSeal } from '../../../electron/backend/export/seal-signature';
import { sealCells, sealSheetName } from '../../../electron/backend/export/seal-sheet';
import { verifyWorkbook } from '../../../electron/backend/export/verify';
import { writeCsv, writeSealedWorkbook } from '../../../electron/backend/export/workbook';
import { LedgerError } from '../../../shared/errors';
import { snapshotFromCells } from '../../../shared/seal/rebuild';
import { diffSnapshots } from '../../../shared/seal/visible-cells';
import { tableColumns } from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import { tempDir } from '../../helpers/temp';
import { sampleSnapshot } from './sample-snapshot';
import { readBook, tableSheetOf, textAt, withCell, writeBook } from './workbook-helpers';

let key: OfficeKey;
let snapshot: PeriodSnapshot;
let bytes: Uint8Array;
const trusted = () => ({ trusted: [{ fingerprint: key.fingerprint, office: key.office }] });

let keyDir: string;

beforeAll(async () => {
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-key-'));
  key = loadOrCreateOfficeKey(keyDir, '叶县人民政府办公室');
  snapshot = sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'], revision: 2 });
  bytes = await writeSealedWorkbook(snapshot, key, { generatedBy: '张晓梅' });
});

afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

describe('a sealed workbook', () => {
  it('reads back with SheetJS as the same table, and verifies with no changes', async () => {
    expect(snapshot.rows.length).toBeGreaterThanOrEqual(20);
    const book = readBook(bytes);
    expect(book.SheetNames).toEqual(['2022年7月', sealSheetName]);
    expect(book.Workbook?.Sheets?.[1]?.Hidden).toBe(2); // very hidden
    const rows = utils.sheet_to_json<unknown[]>(tableSheetOf(book), { header: 1, defval: '' });
    expect(rows[0]![0]).toBe('2022年省民生实事叶县工作任务推进情况表');
    expect(rows[1]).toContain('填报单位：叶县人民政府办公室');
    expect(rows[1]).toContain('截至日期：2022年7月25日');
    expect(rows[2]).toEqual(['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度', '状态', '完成率', '时序进度']);
    const third = rows.find((r) => r[0] === 3)!;
    expect(third[2]).toBe('县城管局\n县住建局');
    expect(third[3]).toBe('王 晓\n滕跃峰');
    expect(String(third[5])).toMatch(/^县城管局：[\s\S]+\n县住建局：/);
    const injected = rows.find((r) => r[0] === 11)!;
    expect(injected.slice(1, 4)).toEqual(['=1+1', '县财政局', '-5']);
    expect(rows[3 + snapshot.rows.length]![0]).toBe('填表人：张晓梅\u3000\u3000\u3000\u3000审核人：李建国\u3000\u3000\u3000\u3000签发领导：王东效\u3000\u3000\u3000\u3000日期：2022年7月25日');
    expect(rows[4 + snapshot.rows.length]![0]).toBe('修订版 2：县住建局更正了老旧小区改造户数');

    const result = await verifyWorkbook(bytes, trusted());
    expect(result).toMatchObject({ sealed: true, valid: true, knownSigner: true, changes: [], office: '叶县人民政府办公室', signer: '王东效', fingerprint: key.fingerprint });
    expect(result.snapshot).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  it('still verifies after SheetJS re-saves it untouched', async () => {
    const resaved = writeBook(readBook(bytes));
    expect(await verifyWorkbook(resaved, trusted())).toMatchObject({ valid: true, changes: [] });
  });

  it('writes text that looks like a formula as text: no cell has a formula', () => {
    const sheet = tableSheetOf(readBook(bytes, { cellFormula: true }));
    const formulas = Object.keys(sheet).filter((a) => !a.startsWith('!') && (sheet[a] as { f?: string }).f);
    expect(formulas).toEqual([]);
    const hyperlink = Object.values(sheet).find((c) => typeof c?.v === 'string' && c.v.startsWith('=HYPERLINK'));
    expect(hyperlink).toMatchObject({ t: 's', v: '=HYPERLINK("http://example.com/x","打开")' });
  });

  it('is unknown-signer but intact when the key is not trusted', async () => {
    expect(await verifyWorkbook(bytes, { trusted: [] })).toMatchObject({ valid: true, knownSigner: false });
  });
});

describe('tampering', () => {
  const columns = () => tableColumns(snapshot);
  const dataRow = 8; // sheet row of the fifth project

  it.each(['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度', '状态', '完成率', '时序进度'])('is caught in the %s column', async (header) => {
    const index = columns().findIndex((c) => c.header === header);
    const address = utils.encode_cell({ r: dataRow - 1, c: index });
    const before = textAt(bytes, address);
    const edited = typeof before === 'number' ? { t: 'n' as const, v: header === '编号' ? 99 : before + 0.1 } : { t: 's' as const, v: `${String(before)}（已改）` };
    const result = await verifyWorkbook(withCell(bytes, address, edited), trusted());
    expect(result.valid).toBe(false);
    expect(result.changes).toHaveLength(1);
    const change = result.changes[0]!;
    expect(change).toMatchObject({ row: dataRow, column: header });
    expect(change.found).not.toBe(change.expected);
    if (typeof before === 'string') expect(change).toMatchObject({ expected: before, found: `${before}（已改）` });
  });

  const headerEdits: [string, string, string, string][] = [
    ['标题', 'A1', '2022年省民生实事叶县工作任务推进情况表（改）', '2022年省民生实事叶县工作任务推进情况表（改）'],
    ['填报单位', 'A2', '填报单位：叶县教体局', '叶县教体局'],
    ['截至日期', 'F2', '截至日期：2022年7月31日', '2022年7月31日'],
    ['工作进度', 'F3', '进度', '进度'],
  ];
  it.each(headerEdits)('is caught in the heading: %s', async (column, address, text, found) => {
    const result = await verifyWorkbook(withCell(bytes, address, { t: 's', v: text }), trusted());
    expect(result.valid).toBe(false);
    expect(result.changes).toEqual([expect.objectContaining({ column, found })]);
  });

  const signOffRow = () => 4 + snapshot.rows.length;
  it.each([
    ['填表人', '张晓梅', '赵小红'],
    ['审核人', '李建国', '钱进'],
    ['签发领导', '王东效', '孙立'],
    ['日期', '2022年7月25日', '2022年8月1日'],
  ])('is caught in the sign-off block: %s', async (column, from, to) => {
    const line = String(textAt(bytes, `A${signOffRow()}`));
    const result = await verifyWorkbook(withCell(bytes, `A${signOffRow()}`, { t: 's', v: line.replace(from, to) }), trusted());
    expect(result.changes).toEqual([{ row: signOffRow(), column, expected: from, found: to }]);
  });

  it('is caught in the revision note and outside the table', async () => {
    const revision = await verifyWorkbook(withCell(bytes, `A${signOffRow() + 1}`, { t: 's', v: '修订版 2：别的原因' }), trusted());
    expect(revision.changes).toEqual([{ row: signOffRow() + 1, column: '修订说明', expected: '修订版 2：县住建局更正了老旧小区改造户数', found: '修订版 2：别的原因' }]);
    const outside = await verifyWorkbook(withCell(bytes, 'K5', { t: 's', v: '备注' }), trusted());
    expect(outside.changes).toEqual([{ row: 5, column: '表格外（K5）', expected: '', found: '备注' }]);
  });

  it('names the same change when the snapshot is rebuilt from the cells', async () => {
    const edited = withCell(bytes, 'B6', { t: 's', v: '改过的任务' });
    const found = readVisibleCells(tableSheetOf(readBook(edited)), snapshot);
    expect(diffSnapshots(snapshot, snapshotFromCells(found, snapshot))).toEqual((await verifyWorkbook(edited, trusted())).changes);
  });

  it('reports a deleted row', async () => {
    const book = readBook(bytes);
    const sheet = tableSheetOf(book);
    const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '', raw: true });
    rows.splice(9, 1); // sheet row 10
    book.Sheets[book.SheetNames[0]!] = utils.aoa_to_sheet(rows);
    const result = await verifyWorkbook(writeBook(book), trusted());
    expect(result.valid).toBe(false);
    expect(result.changes.some((c) => c.row === 10 && c.column === '编号')).toBe(true);
  });

  it('makes the seal invalid when the seal sheet is edited', async () => {
    const book = readBook(bytes);
    const sealSheet = book.Sheets[sealSheetName]!;
    const json = JSON.parse(Buffer.from(String(sealSheet.A2!.v), 'base64').toString('utf8'));
    json.snapshot.rows[0].progress = '篡改后的进度';
    sealSheet.A2 = { t: 's', v: Buffer.from(JSON.stringify(json)).toString('base64') };
    const edited = await verifyWorkbook(writeBook(book), trusted());
    expect(edited).toMatchObject({ sealed: true, valid: false, knownSigner: false, snapshot: null });

    sealSheet.A2 = { t: 's', v: 'not base64 at all!' };
    expect(await verifyWorkbook(writeBook(book), trusted())).toMatchObject({ sealed: true, valid: false });
  });

  it('refuses a seal re-made with another key under the name of an office already trusted', async () => {
    const forger = loadOrCreateOfficeKey(tempDir(), '叶县人民政府办公室');
    const book = readBook(bytes);
    const sealSheet = book.Sheets[sealSheetName]!;
    const chunks = sealCells(createSeal(snapshot, forger));
    chunks.forEach((chunk, i) => (sealSheet[`A${i + 2}`] = { t: 's', v: chunk }));
    const result = await verifyWorkbook(writeBook(book), trusted());
    expect(result).toMatchObject({ valid: false, knownSigner: false, origin: 'keyMismatch', fingerprint: forger.fingerprint, trustedFingerprint: key.fingerprint });
    // Under a name this ledger does not know, the same seal is good but of unconfirmed origin.
    expect(await verifyWorkbook(writeBook(book), { trusted: [] })).toMatchObject({ valid: true, knownSigner: false, origin: 'unconfirmed' });
  });

  it('says unsealed when the seal sheet is gone', async () => {
    const book = readBook(bytes);
    delete book.Sheets[sealSheetName];
    book.SheetNames = book.SheetNames.filter((n) => n !== sealSheetName);
    book.Workbook!.Sheets = book.Workbook!.Sheets!.slice(0, 1);
    expect(await verifyWorkbook(writeBook(book), trusted())).toMatchObject({ sealed: false, valid: false, changes: [], snapshot: null });
  });

  it('refuses files that are not workbooks', async () => {
    await expect(verifyWorkbook(Buffer.from('编号,工作任务\n1,x'), trusted())).rejects.toMatchObject({ code: 'IMPORT_NOT_SPREADSHEET' });
    await expect(verifyWorkbook(bytes.subarray(0, 2000), trusted())).rejects.toMatchObject({ code: 'IMPORT_CORRUPT' });
    await expect(verifyWorkbook(bytes.subarray(0, 2000), trusted())).rejects.toBeInstanceOf(LedgerError);
  });
});

describe('office keys', () => {
  it('are made once, kept private and reused', () => {
    const dir = tempDir();
    const first = loadOrCreateOfficeKey(dir, '叶县人民政府办公室');
    const again = loadOrCreateOfficeKey(dir, '叶县人民政府办公室');
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'office-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('travel as a public key file that is checked on the way in', () => {
    const file = exportPublicKey(key);
    expect(JSON.parse(file)).toMatchObject({ format: 'minsheng-ledger/key@1', office: key.office, fingerprint: key.fingerprint });
    expect(file).not.toContain('PRIVATE');
    expect(parsePublicKeyFile(file)).toEqual({ office: key.office, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint });
    const forged = JSON.stringify({ ...JSON.parse(file), fingerprint: '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999 AAAA BBBB CCCC DDDD EEEE FFFF' });
    for (const junk of ['', 'hello', '{}', forged, JSON.stringify({ ...JSON.parse(file), publicKeyPem: 'x' })]) {
      expect(() => parsePublicKeyFile(junk)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM and CRLF, has the table columns, and defuses formulas', () => {
    const text = writeCsv(snapshot).toString('utf8');
    expect(text.startsWith('\ufeff编号,工作任务,责任单位,责任人,分管领导,工作进度,状态,完成率,时序进度\r\n')).toBe(true);
    expect(text).toContain('"县城管局\n县住建局"');
    expect(text).toContain(",'=1+1,县财政局,'-5,'@张三,");
    expect(text).toContain(`"'=HYPERLINK(""http://example.com/x"",""打开"")"`);
    expect(text).toContain(',56.16%\r\n'); // the exact fraction, not the 0.0% the sheet shows
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(snapshot.rows.length + 2);
  });
});

describe('the printed cells', () => {
  it('keeps left-aligned text one indent from the border, as the file says to Excel, WPS and LibreOffice', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await writeSealedWorkbook(sampleSnapshot(), key)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const task = sheet.getRow(4).getCell(2);
    expect(task.alignment).toMatchObject({ horizontal: 'left', indent: 1, wrapText: true });
    expect(sheet.getRow(4).getCell(1).alignment).toMatchObject({ horizontal: 'center' });
  });
});
