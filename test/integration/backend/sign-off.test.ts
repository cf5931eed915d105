import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

let backend: TestBackend;
afterEach(() => backend?.close());

/** A county plan with two projects reported for July 2022. */
async function reportedPeriod(b: TestBackend) {
  await b.do('settings.update', { officeName: '叶县人民政府办公室' });
  const plan = await b.do('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事叶县' });
  const period = await b.do('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-07-25' });
  const a = await b.do('projects.create', { planId: plan.id, title: '开展职业技能培训和评价取证', goal: '全年完成技能培训2.8万人次。', leadUnits: ['县人社局'], responsiblePeople: ['虎永福'], leaders: ['胡炜哲'] });
  const c = await b.do('projects.create', { planId: plan.id, title: '推进城市窨井设施改造', leadUnits: ['县城管局', '县住建局'], leaders: ['常姣峰'] });
  await b.do('progress.save', { projectId: a.id, periodId: period.id, narrative: '目前已成立16家企业评价机构。' });
  await b.do('progress.save', { projectId: c.id, periodId: period.id, unit: '县城管局', narrative: '已整改病害井盖201座。' });
  await b.do('progress.save', { projectId: c.id, periodId: period.id, unit: '县住建局', narrative: '=1+1 已完成拦标价编制。' });
  return { plan, period, a, c };
}

async function signed(b: TestBackend, periodId: number) {
  const prepared = await b.do('signoff.prepare', { periodId, preparer: '李敏', columns: ['status'] });
  await b.do('signoff.review', { id: prepared.id, reviewer: '张伟' });
  return b.do('signoff.sign', { id: prepared.id, signer: '王东效' });
}

describe('signing off a period', () => {
  it('goes 填表人 → 审核人 → 签发领导 in order, freezing what was reviewed', async () => {
    backend = await testBackend();
    const { period } = await reportedPeriod(backend);
    const prepared = await backend.do('signoff.prepare', { periodId: period.id, preparer: '李敏' });
    expect(prepared).toMatchObject({ revision: 1, state: 'prepared', preparer: '李敏' });
    await expect(backend.call('signoff.sign', { id: prepared.id, signer: '王东效' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await backend.do('signoff.review', { id: prepared.id, reviewer: '张伟' });
    const done = await backend.do('signoff.sign', { id: prepared.id, signer: '王东效' });
    expect(done).toMatchObject({ state: 'signed', reviewer: '张伟', signer: '王东效' });
    const snapshot = await backend.do('signoff.snapshot', { id: done.id });
    expect(snapshot).toMatchObject({ office: '叶县人民政府办公室', period: { asOf: '2022-07-25' }, signOff: { preparer: '李敏', reviewer: '张伟', signer: '王东效' } });
    expect(snapshot.rows[0]).toMatchObject({ seq: '1', task: '开展职业技能培训和评价取证。全年完成技能培训2.8万人次。', units: ['县人社局'] });
    expect(snapshot.rows[1]!.progress).toBe('县城管局：已整改病害井盖201座。\n县住建局：=1+1 已完成拦标价编制。');
  });

  it('refuses one person as preparer and reviewer, or as reviewer and signer, and leaves the revision where it was', async () => {
    backend = await testBackend();
    const { period } = await reportedPeriod(backend);
    const prepared = await backend.do('signoff.prepare', { periodId: period.id, preparer: '李敏' });
    await expect(backend.call('signoff.review', { id: prepared.id, reviewer: '李 敏' })).rejects.toMatchObject({ code: 'SIGNOFF_SAME_PERSON', message: expect.stringContaining('审核人不能与填表人是同一人') });
    expect((await backend.do('signoff.list', { periodId: period.id }))[0]).toMatchObject({ state: 'prepared', reviewer: '' });
    await backend.do('signoff.review', { id: prepared.id, reviewer: '张伟' });
    await expect(backend.call('signoff.sign', { id: prepared.id, signer: '张伟' })).rejects.toMatchObject({ code: 'SIGNOFF_SAME_PERSON' });
    await backend.do('signoff.sign', { id: prepared.id, signer: '王东效' });
    expect(await backend.do('signoff.lastNames', {})).toEqual({ preparer: '李敏', reviewer: '张伟', signer: '王东效' });
  });

  it('locks a signed period: edits are refused until a new revision with a reason opens it', async () => {
    backend = await testBackend();
    const { period, a } = await reportedPeriod(backend);
    await signed(backend, period.id);
    await expect(backend.call('progress.save', { projectId: a.id, periodId: period.id, narrative: '改' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(backend.call('signoff.prepare', { periodId: period.id, preparer: '李敏' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(backend.call('signoff.revise', { periodId: period.id, reason: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const second = await backend.do('signoff.revise', { periodId: period.id, reason: '县人社局更正了评价机构数量' });
    expect(second).toMatchObject({ revision: 2, state: 'draft', reason: '县人社局更正了评价机构数量' });
    await backend.do('progress.save', { projectId: a.id, periodId: period.id, narrative: '目前已成立18家企业评价机构。' });
    const signedAgain = await signed(backend, period.id);
    expect(signedAgain.revision).toBe(2);

    const revisions = await backend.do('signoff.list', { periodId: period.id });
    const first = await backend.do('signoff.snapshot', { id: revisions[0]!.id });
    const latest = await backend.do('signoff.snapshot', { id: revisions[1]!.id });
    expect(first.rows[0]!.progress).toBe('目前已成立16家企业评价机构。');
    expect(latest).toMatchObject({ revision: 2, revisionReason: '县人社局更正了评价机构数量' });
    expect(latest.rows[0]!.progress).toBe('目前已成立18家企业评价机构。');
  });

  it('exports only signed revisions, as a sealed workbook that verifies, and as CSV', async () => {
    backend = await testBackend();
    const { period } = await reportedPeriod(backend);
    await expect(backend.call('export.period', { periodId: period.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await signed(backend, period.id);
    const xlsx = await backend.do('export.period', { periodId: period.id });
    expect(xlsx.fileName).toBe('2022年省民生实事叶县-截至2022年7月25日.xlsx');
    const report = await backend.do('verify.file', { fileName: xlsx.fileName, contentBase64: xlsx.contentBase64 });
    // This office's own export carries this office's own seal.
    expect(report).toMatchObject({ sealed: true, valid: true, office: '叶县人民政府办公室', signer: '王东效', knownSigner: true, origin: 'own', changes: [] });
    // Trust on first sight: the superior records the key the good seal carries.
    const superior = await testBackend();
    try {
      expect((await superior.do('verify.file', { fileName: 'x.xlsx', contentBase64: xlsx.contentBase64 })).knownSigner).toBe(false);
      const trusted = await superior.do('keys.trustSeal', { fileName: 'x.xlsx', contentBase64: xlsx.contentBase64 });
      expect(trusted).toMatchObject({ office: '叶县人民政府办公室', fingerprint: report.fingerprint });
      expect((await superior.do('verify.file', { fileName: 'x.xlsx', contentBase64: xlsx.contentBase64 })).knownSigner).toBe(true);
    } finally {
      superior.close();
    }
    const csv = await backend.do('export.period', { periodId: period.id, format: 'csv' });
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toContain('已整改病害井盖201座');
  });
});

describe('ledger sign-off, export and verify', () => {
  const cli = (...argv: string[]) => runCaptured(argv);

  it('signs, exports without overwriting, verifies valid (0), catches an edited cell (3) and refuses an unsealed file (2)', async () => {
    backend = await testBackend();
    await reportedPeriod(backend);
    const db = backend.dbPath;
    backend.close();
    expect((await cli('sign-off', '--db', db, '--reviewer', '张伟', '--signer', '王东效', '--preparer', '李敏')).code).toBe(0);

    const dir = tempDir();
    const out = path.join(dir, '叶县.xlsx');
    expect((await cli('export', '--db', db, '--out', out)).code).toBe(0);
    const again = await cli('export', '--db', db, '--out', out, '--json');
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out).error.message).toMatch(/已存在，未覆盖/);

    const valid = await cli('verify', out, '--db', db, '--json');
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out)).toMatchObject({ sealed: true, valid: true });

    const wb = XLSX.read(fs.readFileSync(out));
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const address = Object.keys(ws).find((k) => !k.startsWith('!') && String(ws[k].v).includes('已整改病害井盖201座'))!;
    ws[address] = { t: 's', v: String(ws[address].v).replace('201', '210') };
    const tampered = path.join(dir, 'tampered.xlsx');
    fs.writeFileSync(tampered, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const caught = await cli('verify', tampered, '--db', db, '--json');
    expect(caught.code).toBe(3);
    const report = JSON.parse(caught.out);
    expect(report.valid).toBe(false);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ column: '工作进度', row: XLSX.utils.decode_cell(address).r + 1 });
    expect(report.changes[0].found).toContain('210');

    const plain = path.join(dir, 'plain.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['编号', '工作任务']]), 'Sheet1');
    fs.writeFileSync(plain, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const unsealed = await cli('verify', plain, '--db', db, '--json');
    expect(unsealed.code).toBe(2);
    expect(JSON.parse(unsealed.out).error.code).toBe('SEAL_MISSING');
  });
});
