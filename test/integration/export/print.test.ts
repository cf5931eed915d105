import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey } from '../../../electron/backend/export/keys';
import { writeSealedWorkbook } from '../../../electron/backend/export/workbook';
import { tempDir } from '../../helpers/temp';
import { convertToPdf, missingPrintTools, pageSizes, pageTexts, wordsCrossingRules } from './pdf-checks';
import { sampleSnapshot } from './sample-snapshot';

const missing = missingPrintTools();
if (missing.length) {
  console.warn(
    `[export print test] SKIPPED: ${missing.join(', ')} not found. Install the Debian packages libreoffice-calc and poppler-utils ` +
      '(and fonts-noto-cjk, fonts-crosextra-carlito for Excel-like metrics) to check that exported tables print.',
  );
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(missing.length > 0)('printing an exported table with LibreOffice', () => {
  it('prints A4 landscape, header on every page, every cell whole, sign-off at the end', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const key = loadOrCreateOfficeKey(path.join(dir, 'keys'), '叶县人民政府办公室');
    const standard = sampleSnapshot();
    const withStatus = sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'], revision: 2 });
    const files = { standard: path.join(dir, 'standard.xlsx'), status: path.join(dir, 'status.xlsx'), clipped: path.join(dir, 'clipped.xlsx') };
    fs.writeFileSync(files.standard, await writeSealedWorkbook(standard, key));
    fs.writeFileSync(files.status, await writeSealedWorkbook(withStatus, key));

    // A control: the same table with one row squeezed, to prove the clipping check can fail.
    const squeezed = new ExcelJS.Workbook();
    await squeezed.xlsx.load(new Uint8Array(fs.readFileSync(files.standard)).buffer);
    squeezed.worksheets[0]!.getRow(5).height = 40;
    fs.writeFileSync(files.clipped, Buffer.from(await squeezed.xlsx.writeBuffer()));

    const [standardPdf, statusPdf, clippedPdf] = convertToPdf(Object.values(files), dir, path.join(dir, 'lo-profile'));

    for (const [pdf, snapshot] of [
      [standardPdf!, standard],
      [statusPdf!, withStatus],
    ] as const) {
      const sizes = pageSizes(pdf);
      expect(sizes.length).toBeGreaterThan(1);
      for (const size of sizes) {
        expect(size.width).toBeCloseTo(841.89, 0);
        expect(size.height).toBeCloseTo(595.28, 0);
      }
      const pages = pageTexts(pdf);
      for (const page of pages) expect(page).toContain('编号工作任务责任单位责任人分管领导工作进度');
      const all = pages.join('');
      expect(all).toContain('2022年省民生实事叶县工作任务推进情况表');
      for (const row of snapshot.rows) {
        expect(all).toContain(flat(row.task));
        if (row.progress) expect(all).toContain(flat(row.progress.replace(/\r/g, '')));
      }
      const longest = snapshot.rows.reduce((a, b) => (b.progress.length > a.progress.length ? b : a));
      expect(longest.progress.length).toBeGreaterThan(300);
      expect(pages.at(-1)).toContain('填表人：张晓梅审核人：李建国签发领导：王东效日期：2022年7月25日');
      expect(all).toMatch(/第1页共\d+页/);
      expect(wordsCrossingRules(pdf, sizes.length, dir)).toEqual([]);
    }
    expect(pageTexts(statusPdf!).at(-1)).toContain('修订版2：县住建局更正了老旧小区改造户数');
    expect(wordsCrossingRules(clippedPdf!, 1, dir).length).toBeGreaterThan(0);

    // Page 1 as a picture, for a person to look at.
    const { spawnSync } = await import('node:child_process');
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', statusPdf!, path.join(dir, 'page1')]);
    fs.copyFileSync(path.join(dir, 'page1.png'), path.join(fs.existsSync('/tmp') ? '/tmp' : dir, 'export-page1.png'));
  });
});
