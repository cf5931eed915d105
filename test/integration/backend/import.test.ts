import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const haveFixtures = fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));

let backend: TestBackend;
afterEach(() => backend?.close());

async function stage(b: TestBackend, fileName: string, bytes: Uint8Array) {
  return b.do('import.stage', { fileName, contentBase64: Buffer.from(bytes).toString('base64') });
}
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

/** The Ye County table with one progress cell rewritten, saved again by SheetJS. */
function withEditedProgress(text: string): Uint8Array {
  const wb = XLSX.read(fixture('yexian-2022-progress.xlsx'));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  ws['F4'] = { t: 's', v: text };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

const planCount = (file: string) => {
  const raw = new Sqlite(file, { readonly: true });
  const n = (raw.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
  raw.close();
  return n;
};

describe.skipIf(!haveFixtures)('importing a department table', () => {
  it('shows what it would do and writes nothing before the commit', async () => {
    backend = await testBackend();
    const staged = await stage(backend, 'yexian-2022-progress.xlsx', fixture('yexian-2022-progress.xlsx'));
    const preview = await backend.do('import.preview', { stagingId: staged.stagingId });
    expect(preview.rows).toHaveLength(10);
    const diff = await backend.do('import.diff', { stagingId: staged.stagingId });
    expect(diff.plan).toEqual({ id: null, year: 2022, name: '2022年省民生实事叶县' });
    expect(diff.period).toMatchObject({ id: null, asOf: '2022-07-25' });
    expect(diff.counts).toEqual({ new: 10, changed: 0, unchanged: 0, conflict: 0 });
    expect(planCount(backend.dbPath)).toBe(0);
  });

  it('commits the Ye County table into a new plan and period, with two units and their own progress for project 3', async () => {
    backend = await testBackend();
    const staged = await stage(backend, 'yexian-2022-progress.xlsx', fixture('yexian-2022-progress.xlsx'));
    const batch = await backend.do('import.commit', { stagingId: staged.stagingId });
    expect(batch).toMatchObject({ counts: { new: 10, changed: 0, unchanged: 0, conflict: 0 }, undoable: true, fileName: 'yexian-2022-progress.xlsx' });
    expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);

    const [plan] = await backend.do('plans.list', {});
    expect(plan).toMatchObject({ year: 2022, name: '2022年省民生实事叶县', projectCount: 10 });
    const projects = await backend.do('projects.list', { planId: plan!.id });
    const third = projects.find((p) => p.seq === 3)!;
    expect(third.leadUnits).toEqual(['县城管局', '县住建局']);
    expect(third.responsiblePeople).toEqual(['王晓', '滕跃峰']);
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    const record = await backend.do('progress.get', { projectId: third.id, periodId: period!.id });
    expect(record.narratives.map((n) => n.unit).sort()).toEqual(['县住建局', '县城管局'].sort());
    expect(record.narratives.find((n) => n.unit === '县城管局')!.narrative).toMatch(/病害井盖201座/);
  });

  it('finds the same ten projects unchanged when the .xls and the GBK CSV of the same table follow', async () => {
    backend = await testBackend();
    const batch = await backend.do('import.commit', { stagingId: (await stage(backend, 'a.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const xls = await backend.do('import.diff', { stagingId: (await stage(backend, 'b.xls', fixture('yexian-2022-progress.xls'))).stagingId });
    expect(xls.counts).toEqual({ new: 0, changed: 0, unchanged: 10, conflict: 0 });

    // The CSV carries only the table: no title, no date. The user names the plan and the date.
    const csv = await stage(backend, 'c.csv', fixture('yexian-2022-progress-gbk.csv'));
    await expect(backend.call('import.diff', { stagingId: csv.stagingId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const diff = await backend.do('import.diff', { stagingId: csv.stagingId, planId: batch.planId!, asOf: '2022-07-25' });
    expect(diff.counts).toEqual({ new: 0, changed: 0, unchanged: 10, conflict: 0 });
  });

  it('shows a changed progress text as old → new, and undoes imports newest first', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const edited = await stage(backend, 'second.xlsx', withEditedProgress('已完成全部评价机构备案。'));
    const diff = await backend.do('import.diff', { stagingId: edited.stagingId });
    expect(diff.counts).toMatchObject({ changed: 1, unchanged: 9 });
    const change = diff.entries.find((e) => e.kind === 'changed')!.changes[0]!;
    expect(change).toMatchObject({ field: 'progress', after: '已完成全部评价机构备案。' });
    expect(change.before).toMatch(/16家企业评价机构/);
    await backend.do('import.commit', { stagingId: edited.stagingId });

    const [second, first] = await backend.do('import.batches', {});
    expect([second!.undoable, first!.undoable]).toEqual([true, false]);
    await expect(backend.call('import.undo', { batchId: first!.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    await backend.do('import.undo', { batchId: second!.id });
    const [plan] = await backend.do('plans.list', {});
    const project = (await backend.do('projects.list', { planId: plan!.id })).find((p) => p.seq === 1)!;
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    expect((await backend.do('progress.get', { projectId: project.id, periodId: period!.id })).narratives[0]!.narrative).toMatch(/16家企业评价机构/);

    await backend.do('import.undo', { batchId: first!.id });
    expect(await backend.do('plans.list', {})).toEqual([]);
  });

  it('finds a table that still uses a merged unit’s old name unchanged, its progress filed under the unit’s new name', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const [plan] = await backend.do('plans.list', {});
    await backend.do('projects.create', { planId: plan!.id, title: '城市管理示范', leadUnits: ['叶县城市管理局'] });
    const units = await backend.do('units.list', {});
    const id = (name: string) => units.find((u) => u.name === name)!.id;
    await backend.do('units.merge', { fromId: id('县城管局'), intoId: id('叶县城市管理局') });

    const again = await stage(backend, 'again.xlsx', fixture('yexian-2022-progress.xlsx'));
    const diff = await backend.do('import.diff', { stagingId: again.stagingId });
    expect(diff.counts).toEqual({ new: 0, changed: 0, unchanged: 10, conflict: 0 });

    await backend.do('import.commit', { stagingId: (await stage(backend, 'edited.xlsx', withEditedProgress('已完成全部评价机构备案。'))).stagingId });
    const third = (await backend.do('projects.list', { planId: plan!.id })).find((p) => p.seq === 3)!;
    expect(third.leadUnits).toEqual(['叶县城市管理局', '县住建局']);
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    const record = await backend.do('progress.get', { projectId: third.id, periodId: period!.id });
    expect(record.narratives.map((n) => n.unit).sort()).toEqual(['叶县城市管理局', '县住建局'].sort());
  });

  it('rewrites only the changed fields of a matched project, and its undo puts back units, people and progress', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const [plan] = await backend.do('plans.list', {});
    const before = await backend.do('projects.list', { planId: plan!.id });

    const wb = XLSX.read(fixture('yexian-2022-progress.xlsx'));
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    ws['C4'] = { t: 's', v: '县人社局、县财政局' };
    ws['F4'] = { t: 's', v: '已完成全部评价机构备案。' };
    const staged = await stage(backend, 'second.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
    const diff = await backend.do('import.diff', { stagingId: staged.stagingId });
    expect(diff.entries.find((e) => e.kind === 'changed')!.changes.map((c) => c.field)).toEqual(['leadUnits', 'progress']);
    const batch = await backend.do('import.commit', { stagingId: staged.stagingId });
    expect(batch.counts).toEqual({ new: 0, changed: 1, unchanged: 9, conflict: 0 });

    const after = await backend.do('projects.list', { planId: plan!.id });
    const first = after.find((p) => p.seq === 1)!;
    expect(first.leadUnits).toEqual(['县人社局', '县财政局']);
    expect(first.responsiblePeople).toEqual(before.find((p) => p.seq === 1)!.responsiblePeople);
    // Untouched rows keep their project row as it was.
    expect(after.filter((p) => p.seq !== 1)).toEqual(before.filter((p) => p.seq !== 1));

    await backend.do('import.undo', { batchId: batch.id });
    expect(await backend.do('projects.list', { planId: plan!.id })).toEqual(before);
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    const record = await backend.do('progress.get', { projectId: first.id, periodId: period!.id });
    expect(record.narratives[0]!.narrative).toMatch(/16家企业评价机构/);
  });

  it('leaves the progress a table repeats unchanged with its author, and files the changed unit’s under the new one', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    await backend.do('settings.update', { userName: '李四' });
    const wb = XLSX.read(fixture('yexian-2022-progress.xlsx'));
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    ws['F6'] = { t: 's', v: String(ws['F6']!.v).replace(/县住建局：.*$/s, '县住建局：已于7月28日公开招标。') };
    await backend.do('import.commit', { stagingId: (await stage(backend, 'second.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)).stagingId });

    const [plan] = await backend.do('plans.list', {});
    const third = (await backend.do('projects.list', { planId: plan!.id })).find((p) => p.seq === 3)!;
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    const { narratives } = await backend.do('progress.get', { projectId: third.id, periodId: period!.id });
    expect(narratives.map((n) => [n.unit, n.actor])).toEqual(
      expect.arrayContaining([
        ['县城管局', '测试员'],
        ['县住建局', '李四'],
      ]),
    );
    expect(narratives.find((n) => n.unit === '县住建局')!.narrative).toBe('已于7月28日公开招标。');
  });

  it('cannot undo an import while its plan is deleted, and can again once the plan is restored', async () => {
    backend = await testBackend();
    const batch = await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    await backend.do('plans.delete', { id: batch.planId! });
    expect((await backend.do('import.batches', {}))[0]!.undoable).toBe(false);
    await expect(backend.call('import.undo', { batchId: batch.id })).rejects.toMatchObject({ code: 'CONFLICT', message: /计划已删除/ });

    await backend.do('plans.restore', { id: batch.planId! });
    expect((await backend.do('import.batches', {}))[0]!.undoable).toBe(true);
    await backend.do('import.undo', { batchId: batch.id });
    expect(await backend.do('plans.list', {})).toEqual([]);
  });

  it('imports a table whose plan was deleted into a fresh plan of that name', async () => {
    backend = await testBackend();
    const first = await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    await backend.do('plans.delete', { id: first.planId! });
    const again = await backend.do('import.commit', { stagingId: (await stage(backend, 'again.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    expect(again.counts).toMatchObject({ new: 10 });
    expect(await backend.do('plans.list', {})).toMatchObject([{ id: again.planId, name: '2022年省民生实事叶县', projectCount: 10 }]);
    expect((await backend.do('import.batches', {})).map((b) => b.undoable)).toEqual([true, false]);
  });

  it('tells in a project’s history which import created it, which changed it, and which was undone', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const second = await backend.do('import.commit', { stagingId: (await stage(backend, 'second.xlsx', withEditedProgress('已完成全部评价机构备案。'))).stagingId });
    await backend.do('import.undo', { batchId: second.id });
    const [plan] = await backend.do('plans.list', {});
    const projects = await backend.do('projects.list', { planId: plan!.id });
    const history = async (seq: number) => (await backend.do('projects.history', { id: projects.find((p) => p.seq === seq)!.id })).map((e) => e.summary);
    expect(await history(1)).toEqual(['由导入“first.xlsx”新增', '导入“second.xlsx”更新了本项目', '撤销导入“second.xlsx”']);
    expect(await history(2)).toEqual(['由导入“first.xlsx”新增']);
  });

  it('holds back every row of a period that was signed off, and writes nothing', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'first.xlsx', fixture('yexian-2022-progress.xlsx'))).stagingId });
    const raw = new Sqlite(backend.dbPath);
    raw.prepare("INSERT INTO sign_offs (period_id, revision, state, signer) VALUES (1, 1, 'signed', '张三')").run();
    raw.close();
    const edited = await stage(backend, 'late.xlsx', withEditedProgress('签发后又改的内容'));
    const diff = await backend.do('import.diff', { stagingId: edited.stagingId });
    expect(diff.counts.conflict).toBe(10);
    expect(diff.entries[0]!.conflict).toMatch(/已签发/);
    const batch = await backend.do('import.commit', { stagingId: edited.stagingId });
    expect(batch.counts).toMatchObject({ new: 0, changed: 0, conflict: 10 });
  });

  it('refuses a file that is not a spreadsheet with its own code, and writes nothing', async () => {
    backend = await testBackend();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await expect(stage(backend, 'photo.xlsx', png).then((s) => backend.call('import.preview', { stagingId: s.stagingId }))).rejects.toMatchObject({
      code: 'IMPORT_NOT_SPREADSHEET',
    });
    expect(planCount(backend.dbPath)).toBe(0);
  });
});

describe('tables as Chinese Excel and WPS save them', () => {
  const own = path.resolve(import.meta.dirname, '../../fixtures/import');

  it('reads dates in the undeclared built-in format 31, from the table on the sheet after the instructions', async () => {
    backend = await testBackend();
    const staged = await stage(backend, 'chinese-dates.xlsx', fs.readFileSync(path.join(own, 'chinese-dates.xlsx')));
    const preview = await backend.do('import.preview', { stagingId: staged.stagingId });
    expect(preview.sheet).toBe('9月');
    expect(preview.asOf).toBe('2023-09-30');
    expect(preview.rows.map((r) => [r.project, r.deadline])).toEqual([
      ['城区学校扩容', '2023-12-31'],
      ['老旧小区改造', '2023-11-30'],
    ]);
    expect(preview.warnings.find((w) => w.code === 'OTHER_SHEETS')?.message).toBe(
      '工作簿中还有“填表说明”工作表，这次读的是“9月”；如需导入其他工作表，请在上一步选择。',
    );
    // Asked for by name, the instructions sheet is what the user gets: refused, as it holds no table.
    await expect(backend.call('import.preview', { stagingId: staged.stagingId, sheet: '填表说明' })).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
  });
});

describe.skipIf(!haveFixtures)('ledger import', () => {
  it('prints the documented dry-run JSON and writes nothing', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const { code, out } = await runCaptured(['import', path.join(fixtures, 'yexian-2022-progress.xlsx'), '--db', db, '--dry-run', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['format', 'sheet', 'headerRow', 'title', 'asOf', 'rows', 'warnings']);
    expect(json).toMatchObject({ format: 'xlsx', headerRow: 3, asOf: '2022-07-25' });
    expect(json.rows).toHaveLength(10);
    expect(json.rows[2]).toMatchObject({ seq: '3', leadUnits: ['县城管局', '县住建局'] });
    expect(json.rows[2].unitProgress.map((u: { unit: string }) => u.unit)).toEqual(['县城管局', '县住建局']);
    expect(planCount(db)).toBe(0);
  });
});
