/**
 * Many-sheet workbooks (#15 point 1): the workbook is parsed once, whatever the number of sheets; the sheet
 * holding the table is chosen from that one parse; and a workbook with more sheets than the limit is refused
 * before parsing. Each case runs in a process of its own, bounded in time and peak memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readInChild } from '../../helpers/peak';
import { tempDir } from '../../helpers/temp';

const note = (i: number) => [`填表说明第${i}页：本表由各责任单位按月填报，请勿改动表头。`, '如有疑问请联系县政府办公室督查科。'];
const table = [
  ['2022年民生实事推进情况表'],
  ['编号', '工作任务', '责任单位', '工作进度'],
  [1, '新建城区公办幼儿园3所', '县教体局', '主体完工'],
  [2, '改造老旧小区12个', '县住建局', '已完成8个'],
];

/** An .xlsx written by ExcelJS: `count` sheets of notes, with the table on sheet `tableAt` (1-based) if given. */
async function notesWorkbook(count: number, tableAt?: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++) {
    const sheet = book.addWorksheet(i === tableAt ? '推进情况表' : `说明${i}`);
    for (const row of i === tableAt ? table : note(i).map((line) => [line])) sheet.addRow(row);
  }
  const file = path.join(tempDir(), `sheets-${count}.xlsx`);
  fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

/** 10,000 sheets of notes, written by SheetJS as ODS (its xlsx writer takes minutes for that many sheets). */
function tenThousandSheetOds(): string {
  const book = XLSX.utils.book_new();
  for (let i = 1; i <= 10_000; i++) {
    book.SheetNames.push(`说明${i}`);
    book.Sheets[`说明${i}`] = XLSX.utils.aoa_to_sheet(note(i).map((line) => [line]));
  }
  const file = path.join(tempDir(), 'sheets-10000.ods');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer);
  return file;
}

describe('workbooks of many sheets', () => {
  it('100 sheets of notes and no table: previewed from one parse, in under 5 s and 600 MB', async () => {
    const file = await notesWorkbook(100);
    const peak = await readInChild('preview', file, '百张说明.xlsx');
    console.log(`100 sheets, no table: ${peak.ms} ms, peak ${peak.peakMb} MB`);
    expect(peak.outcome).toMatch(/^IMPORT_NO_HEADER:/);
    expect(peak.ms).toBeLessThan(5000);
    expect(peak.peakMb).toBeLessThan(600);
  }, 60_000);

  it('the table behind a few sheets of notes is found in the same parse', async () => {
    const file = await notesWorkbook(100, 6);
    const peak = await readInChild('preview', file, '第六张是表.xlsx');
    expect(peak.outcome).toBe('preview:推进情况表:2');
    expect(peak.ms).toBeLessThan(5000);
  }, 60_000);

  it('an xlsx with more sheets than the limit is refused from its directory, before parsing', async () => {
    const file = await notesWorkbook(300);
    const peak = await readInChild('preview', file, '三百张.xlsx');
    expect(peak.outcome).toMatch(/^IMPORT_TOO_LARGE:.*300 个工作表/);
    expect(peak.ms).toBeLessThan(1000);
  }, 60_000);

  it('10,000 sheets (ODS): refused in under 5 s and 600 MB', async () => {
    const file = tenThousandSheetOds();
    const peak = await readInChild('preview', file, '一万张.ods');
    console.log(`10,000 sheets (ODS): ${peak.ms} ms, peak ${peak.peakMb} MB, ${peak.outcome}`);
    expect(peak.outcome).toMatch(/^IMPORT_TOO_LARGE:.*10,000 个工作表/);
    expect(peak.ms).toBeLessThan(5000);
    expect(peak.peakMb).toBeLessThan(600);
  }, 60_000);
});
