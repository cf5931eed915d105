import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

const open: TestBackend[] = [];
afterEach(() => open.splice(0).forEach((b) => b.close()));

/** A township that reports two projects of the county plan and sends up its sealed table. */
async function township(office: string, rows: [string, string][]) {
  const b = await testBackend();
  open.push(b);
  await b.do('settings.update', { officeName: office });
  const plan = await b.do('plans.create', { year: 2022, level: 'township', name: '2022年省民生实事叶县' });
  const period = await b.do('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-07-25' });
  for (const [title, progress] of rows) {
    const p = await b.do('projects.create', { planId: plan.id, title, leadUnits: [office] });
    await b.do('progress.save', { projectId: p.id, periodId: period.id, narrative: progress });
  }
  const prepared = await b.do('signoff.prepare', { periodId: period.id, preparer: '甲', columns: ['status'] });
  await b.do('signoff.review', { id: prepared.id, reviewer: '乙' });
  await b.do('signoff.sign', { id: prepared.id, signer: `${office}镇长` });
  const file = await b.do('export.period', { periodId: period.id });
  const key = await b.do('keys.info', {});
  return { file, key };
}

describe('consolidating subordinate offices’ tables', () => {
  it('aligns projects by title, one column group per office, with each office’s verification result', async () => {
    const a = await township('廉村镇', [
      ['实施残疾儿童康复救助', '廉村镇救助 12 人'],
      ['推进居家社区养老服务设施建设', '建成日间照料中心 1 个'],
    ]);
    const b = await township('龚店镇', [
      ['推进居家社区养老服务设施建设', '选址完成'],
      ['提升移动政务服务能力', '上线 20 项'],
    ]);
    // 龚店镇's file is edited after signing.
    const wb = XLSX.read(Buffer.from(b.file.contentBase64, 'base64'));
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const cell = Object.keys(ws).find((k) => !k.startsWith('!') && ws[k].v === '选址完成')!;
    ws[cell] = { t: 's', v: '已建成' };
    const tampered = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');

    const county = await testBackend();
    open.push(county);
    await county.do('keys.trust', { keyFile: a.key.publicKeyFile });
    const first = await county.do('consolidate.add', { fileName: 'lian.xlsx', contentBase64: a.file.contentBase64 });
    const second = await county.do('consolidate.add', { fileName: 'gong.xlsx', contentBase64: tampered });
    expect(first).toMatchObject({ office: '廉村镇', valid: true, knownSigner: true });
    expect(second).toMatchObject({ office: '龚店镇', valid: false, changes: 1, knownSigner: false });

    const view = await county.do('consolidate.view', { ids: [first.id, second.id] });
    expect(view.offices.map((o) => [o.office, o.valid])).toEqual([
      ['廉村镇', true],
      ['龚店镇', false],
    ]);
    expect(view.rows.map((r) => r.task)).toEqual(['实施残疾儿童康复救助', '推进居家社区养老服务设施建设', '提升移动政务服务能力']);
    const care = view.rows[1]!;
    expect(care.cells.map((c) => c?.progress)).toEqual(['建成日间照料中心 1 个', '选址完成']);
    expect(view.rows[0]!.cells[1]).toBeNull();

    const exported = await county.do('consolidate.export', { ids: [first.id, second.id] });
    const back = XLSX.read(Buffer.from(exported.contentBase64, 'base64'));
    const text = XLSX.utils.sheet_to_csv(back.Sheets[back.SheetNames[0]!]!);
    expect(text).toContain('廉村镇');
    expect(text).toContain('建成日间照料中心 1 个');
  });

  it('refuses a file without a seal and keeps nothing', async () => {
    const county = await testBackend();
    open.push(county);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['编号', '工作任务']]), 'Sheet1');
    const plain = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    await expect(county.call('consolidate.add', { fileName: 'plain.xlsx', contentBase64: plain })).rejects.toMatchObject({ code: 'SEAL_MISSING' });
    expect(await county.do('consolidate.list', {})).toEqual([]);
  });
});
