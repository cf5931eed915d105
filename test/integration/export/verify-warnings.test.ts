import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend.close());

/** A signed table of two projects with a 完成率 column, as exported. */
async function signedTable(): Promise<XLSX.WorkBook> {
  backend = await testBackend();
  await backend.do('settings.update', { officeName: '廉村镇' });
  const plan = await backend.do('plans.create', { year: 2022, level: 'township', name: '2022年省民生实事叶县' });
  const period = await backend.do('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-07-25' });
  for (const [title, actual] of [['实施残疾儿童康复救助', 85], ['推进居家养老服务', 40]] as const) {
    const project = await backend.do('projects.create', { planId: plan.id, title, leadUnits: ['廉村镇'] });
    const indicator = await backend.do('indicators.create', { projectId: project.id, name: '人数', kind: 'count', target: 100, unit: '人' });
    await backend.do('progress.save', { projectId: project.id, periodId: period.id, narrative: `完成 ${actual} 人`, actuals: [{ indicatorId: indicator.id, actual }] });
  }
  const prepared = await backend.do('signoff.prepare', { periodId: period.id, preparer: '甲', columns: ['completion'] });
  await backend.do('signoff.review', { id: prepared.id, reviewer: '乙' });
  await backend.do('signoff.sign', { id: prepared.id, signer: '丙' });
  const file = await backend.do('export.period', { periodId: period.id });
  return XLSX.read(Buffer.from(file.contentBase64, 'base64'), { cellStyles: true, cellFormula: true });
}

const verify = (book: XLSX.WorkBook) =>
  backend.do('verify.file', { fileName: 'x.xlsx', contentBase64: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellStyles: true }) as Buffer).toString('base64') });

function cellShowing(sheet: XLSX.WorkSheet, pattern: RegExp): string {
  return Object.keys(sheet).find((k) => !k.startsWith('!') && pattern.test(String((sheet[k] as XLSX.CellObject).w ?? (sheet[k] as XLSX.CellObject).v)))!;
}

describe('verify notes what hides data, beside a valid verdict', () => {
  it('says nothing of an untouched export', async () => {
    const book = await signedTable();
    expect(await verify(book)).toMatchObject({ valid: true, warnings: [] });
  });

  it('notes a hidden row and a hidden column of the table', async () => {
    const book = await signedTable();
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const row = XLSX.utils.decode_cell(cellShowing(sheet, /推进居家养老服务/)).r;
    sheet['!rows'] = [];
    sheet['!rows'][row] = { hidden: true };
    sheet['!cols'] = sheet['!cols'] ?? [];
    sheet['!cols'][1] = { ...(sheet['!cols'][1] ?? {}), hidden: true };
    const report = await verify(book);
    expect(report.valid).toBe(true);
    expect(report.warnings).toEqual([`第 ${row + 1} 行被隐藏：隐藏的行看不到，也不会打印`, expect.stringMatching(/^第 B 列「.+」被隐藏/)]);
  });

  it('notes a formula in place of a value and a number stored as text', async () => {
    const book = await signedTable();
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const first = cellShowing(sheet, /^85(\.0)?%$/);
    const second = cellShowing(sheet, /^40(\.0)?%$/);
    const cell = sheet[first] as XLSX.CellObject;
    sheet[first] = { ...cell, f: 'IF(TRUE,0.85,0)' };
    // Typed as text, it reads exactly as the sealed figure does.
    sheet[second] = { t: 's', v: '40%' };
    const report = await verify(book);
    expect(report.changes).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.warnings).toEqual([
      expect.stringMatching(/「完成率」是公式（=IF\(TRUE,0\.85,0\)），不是签发时写入的数值$/),
      expect.stringMatching(/「完成率」的数字存成了文字$/),
    ]);
  });
});
