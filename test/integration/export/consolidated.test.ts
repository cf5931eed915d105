import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { read } from 'xlsx';
import { describe, expect, it } from 'vitest';
import {
  verificationSheetName,
  writeConsolidatedWorkbook,
  type ConsolidatedOffice,
  type ConsolidatedTable,
} from '../../../electron/backend/export/consolidated';
import { tempDir } from '../../helpers/temp';
import { convertToPdf, missingPrintTools, pageSizes, pageTexts, wordsCrossingRules } from './pdf-checks';
import { awkwardRows, yeCountyRows } from './sample-snapshot';


const fingerprint = (digit: string) => Array.from({ length: 16 }, () => digit.repeat(4)).join(' ');

/** Four townships, one per verification outcome, so every note appears; four is where the font gets smaller. */
const offices: ConsolidatedOffice[] = [
  { office: '廖庄镇人民政府', fingerprint: fingerprint('a'), valid: true, knownSigner: true, asOf: '2022-07-25', signer: '赵一' },
  { office: '仙台镇人民政府', fingerprint: fingerprint('b'), valid: false, knownSigner: true, asOf: '2022-07-25', signer: '钱二' },
  { office: '叶邑镇人民政府', fingerprint: fingerprint('c'), valid: true, knownSigner: false, asOf: '2022-07-24', signer: null },
  { office: '龚店镇人民政府', fingerprint: null, valid: false, knownSigner: false, asOf: '2022-07-25', signer: null },
];

const formulaLike = '=HYPERLINK("http://example.com","点此")';

function sampleTable(): ConsolidatedTable {
  const base = [...yeCountyRows(), awkwardRows[3]!];
  const statuses = ['已完成', '持续推进', '进展缓慢'];
  return {
    title: '2022年省民生实事叶县工作任务推进情况汇总表',
    period: '截至2022年7月25日',
    offices,
    rows: base.map((row, r) => ({
      seq: row.seq,
      task: row.task,
      cells: offices.map((_, o) => {
        if (r === 1 && o === 2) return null; // 叶邑镇 did not report row 2
        if (r === 0 && o === 1) return { progress: formulaLike, status: '持续推进', completion: 0.5 };
        // Each township reports a different slice of the county narrative, long ones included.
        const progress = o % 2 === 0 ? row.progress : row.progress.slice(0, Math.ceil(row.progress.length / 2));
        return { progress, status: statuses[(r + o) % 3]!, completion: (r + o) % 4 === 3 ? null : ((r * 13 + o * 29) % 100) / 100 };
      }),
    })),
  };
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe('the consolidated workbook', () => {
  it('reads back with SheetJS: same data in the right cells, each office with its verification note', async () => {
    const table = sampleTable();
    const book = read(await writeConsolidatedWorkbook(table), { type: 'buffer', cellFormula: true, cellNF: true });
    expect(book.SheetNames).toEqual(['汇总表', verificationSheetName]);
    const sheet = book.Sheets['汇总表']!;
    expect(sheet['A1']?.v).toBe(table.title);
    expect(sheet['A2']?.v).toBe('截至2022年7月25日');
    expect([sheet['A3']?.v, sheet['B3']?.v]).toEqual(['编号', '工作任务']);
    // Office groups start at C, F, I, L; each has its name and note above 工作进度 | 状态 | 完成率.
    const groups = ['C', 'F', 'I', 'L'];
    const notes = ['（核验通过）', '（签章不符！）', '（未信任的签章）', '（无签章！）'];
    groups.forEach((column, o) => expect(sheet[`${column}3`]?.v).toBe(`${offices[o]!.office}\n${notes[o]}`));
    expect(['C4', 'D4', 'E4', 'L4', 'M4', 'N4'].map((a) => sheet[a]?.v)).toEqual(['工作进度', '状态', '完成率', '工作进度', '状态', '完成率']);
    const merges = (sheet['!merges'] ?? []).map((m) => `${m.s.r},${m.s.c}:${m.e.r},${m.e.c}`);
    expect(merges).toEqual(expect.arrayContaining(['2,0:3,0', '2,1:3,1', '2,2:2,4', '2,11:2,13', '0,0:0,13']));

    const col = (letter: string, k: number) => String.fromCharCode(letter.charCodeAt(0) + k);
    table.rows.forEach((row, r) => {
      const at = (address: string) => sheet[`${address}${r + 5}`];
      expect(String(at('A')?.v)).toBe(row.seq);
      expect(at('B')?.v).toBe(row.task);
      row.cells.forEach((cell, o) => {
        const [progress, status, completion] = [0, 1, 2].map((k) => at(col(groups[o]!, k)));
        if (!cell) {
          for (const c of [progress, status, completion]) expect(c?.v ?? '').toBe('');
          return;
        }
        expect(progress?.v).toBe(cell.progress.replace(/\r\n?/g, '\n'));
        expect(status?.v).toBe(cell.status);
        if (cell.completion == null) expect(completion?.v ?? '').toBe('');
        else {
          expect(completion?.t).toBe('n');
          expect(completion?.v).toBeCloseTo(cell.completion, 10);
          expect(completion?.z).toBe('0.0%');
        }
      });
    });
    expect(sheet['I6']?.v ?? '').toBe(''); // the null cell: 叶邑镇, row 2

    // The formula-like progress is a text cell with no formula.
    expect(sheet['F5']).toMatchObject({ t: 's', v: formulaLike });
    expect(sheet['F5']?.f).toBeUndefined();
    expect(Object.values(sheet).some((c) => typeof c === 'object' && c !== null && 'f' in c && c.f)).toBe(false);

    const verification = book.Sheets[verificationSheetName]!;
    expect(verification['A1']?.v).toBe(`${table.title}：签章核验结果`);
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'].map((a) => verification[a]?.v)).toEqual([
      '填报单位', '签章密钥指纹', '签发领导', '截至日期', '签章有效', '受信任单位', '核验结论',
    ]);
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((a) => verification[a]?.v)).toEqual([
      '廖庄镇人民政府', fingerprint('a'), '赵一', '2022年7月25日', '是', '是', '核验通过',
    ]);
    expect(verification['G4']?.v).toBe('签章不符！');
    expect(verification['D5']?.v).toBe('2022年7月24日');
    expect(['B6', 'G6'].map((a) => verification[a]?.v)).toEqual(['无', '无签章！']);
  });

  it('is set up to print: A4 landscape, one page wide, both header rows repeated, smaller font for four offices', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeConsolidatedWorkbook(sampleTable())).buffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    // 10.5 pt is written; ExcelJS reads a font size back as a whole number.
    expect(sheet.getCell('C3').font).toMatchObject({ name: '黑体', size: 10 });
    expect(sheet.getCell('C5').font).toMatchObject({ name: '仿宋', size: 10 });
    expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', size: 18 });
    expect(sheet.getCell('C5').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('I6').border.left?.style).toBe('thin'); // the unreported cell still has its grid
    for (let r = 5; r <= sheet.rowCount; r++) expect(sheet.getRow(r).height).toBeGreaterThan(20);
    expect(workbook.getWorksheet(verificationSheetName)!.pageSetup.orientation).toBe('landscape');
  });

  it('refuses rows whose cells do not match the offices', async () => {
    const table = sampleTable();
    table.rows[0]!.cells.pop();
    await expect(writeConsolidatedWorkbook(table)).rejects.toThrow(/应为 4 个/);
  });
});

const missing = missingPrintTools();
if (missing.length) console.warn(`[consolidated print test] SKIPPED: ${missing.join(', ')} not found (see print.test.ts).`);

describe.skipIf(missing.length > 0)('printing the consolidated table with LibreOffice', () => {
  it('prints A4 landscape, headers on every page, every row whole', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const table = sampleTable();
    const file = path.join(dir, 'consolidated.xlsx');
    fs.writeFileSync(file, await writeConsolidatedWorkbook(table));
    const [pdf] = convertToPdf([file], dir, path.join(dir, 'lo-profile'));

    const sizes = pageSizes(pdf!);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(841.89, 0);
      expect(size.height).toBeCloseTo(595.28, 0);
    }
    // The 核验结果 sheet prints after the table; the table's pages are the ones with its header.
    const pages = pageTexts(pdf!);
    const tablePages = pages.filter((p) => p.includes('编号工作任务'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      expect(page).toContain('廖庄镇人民政府（核验通过）');
      expect(page).toContain('仙台镇人民政府（签章不符！）');
      expect(page).toContain('叶邑镇人民政府（未信任的签章）');
      expect(page).toMatch(/第\d+页共\d+页/);
    }
    const all = pages.join('');
    expect(all).toContain(flat(table.title));
    expect(all).toContain(formulaLike.replace(/\s+/g, ''));
    for (const row of table.rows) {
      expect(all).toContain(flat(row.task));
      for (const cell of row.cells) if (cell?.progress) expect(all).toContain(flat(cell.progress));
    }
    expect(all).toContain(flat(fingerprint('a')));

    spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf!, path.join(dir, 'page1')]);
    fs.copyFileSync(path.join(dir, 'page1.png'), '/tmp/consolidated-page1.png');
    expect(wordsCrossingRules(pdf!, tablePages.length, dir)).toEqual([]);
  });
});
