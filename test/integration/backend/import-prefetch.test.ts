/**
 * Next month's table is planned against the plan's projects and last month's narratives, read while the
 * parsing thread reads the file (issue #13): a guess — the plan of the latest import — used only for that plan
 * and only if no connection has written since it was read. Otherwise they are read again, and either way the
 * import does the same.
 */
import Sqlite from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Reader from '../../../db/repositories/import-reader';
import type * as Backups from '../../../electron/backend/features/backups';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { countyTable, type CountyRow } from '../../helpers/county-table';

/** Each read of a plan's projects: the step it was made in, and whether inside a transaction (the commit's). */
const reads = vi.hoisted(() => ({ step: '', projects: [] as { step: string; planId: number; inTransaction: boolean }[] }));
vi.mock('../../../db/repositories/import-reader', async (original) => {
  const real = await original<typeof Reader>();
  return {
    ...real,
    importReader: (sqlite: Sqlite.Database) => {
      const reader = real.importReader(sqlite);
      return {
        ...reader,
        projects: (planId: number) => (reads.projects.push({ step: reads.step, planId, inTransaction: sqlite.inTransaction }), reader.projects(planId)),
      };
    },
  };
});
/** Run between the commit's parse and its write transaction (while the ledger is copied before the import). */
const beforeWrite = vi.hoisted(() => ({ hook: null as null | (() => void) }));
vi.mock('../../../electron/backend/features/backups', async (original) => {
  const real = await original<typeof Backups>();
  return { ...real, backupBeforeImport: async (...args: Parameters<typeof real.backupBeforeImport>) => (beforeWrite.hook?.(), real.backupBeforeImport(...args)) };
});

const backends: TestBackend[] = [];
beforeEach(() => {
  reads.step = '';
  reads.projects = [];
  beforeWrite.hook = null;
});
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

function table(month: number, title?: string): Buffer {
  const rows: CountyRow[] = [];
  for (let i = 1; i <= 12; i++) rows.push([i, `第${i}项民生实事。`, i % 4 === 0 ? '县城管局\n县住建局' : '县人社局', '虎永福', '胡炜哲', `${month}月已完成第${i}项的${month * 5}%。`]);
  const bytes = countyTable(month, rows);
  if (!title) return bytes;
  const book = XLSX.read(bytes);
  book.Sheets[book.SheetNames[0]!]!['A1'] = { t: 's', v: title };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const stage = (b: TestBackend, bytes: Buffer) => b.do('import.stage', { fileName: 'county.xlsx', contentBase64: bytes.toString('base64') });

/** A ledger holding July's table. */
async function ledgerWithJuly(): Promise<TestBackend> {
  const b = await testBackend();
  backends.push(b);
  await b.do('import.commit', { stagingId: (await stage(b, table(7))).stagingId });
  return b;
}

/** August through the wizard up to its diff; `between` runs after the preview. */
async function augustDiff(b: TestBackend, bytes: Buffer, between: () => void = () => {}) {
  // The parse begins as the file is staged, and the ledger is read ahead then.
  reads.step = 'stage';
  const { stagingId } = await stage(b, bytes);
  reads.step = 'preview';
  const preview = await b.do('import.preview', { stagingId });
  between();
  reads.step = 'diff';
  const view = { stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns };
  const diff = await b.do('import.diff', view);
  reads.step = 'commit';
  const batch = await b.do('import.commit', view);
  return { diff, batch };
}

/** A write by another connection, of nothing an import reads. */
function otherWrite(file: string, sql = `insert into settings (key, value_json) values ('probe', '1')`): void {
  const other = new Sqlite(file);
  other.exec(sql);
  other.close();
}

/** Another window gives the first project (of 县人社局) to 县住建局. */
const moveFirstProject = `update project_units set unit_id = (select id from units where name = '县住建局') where project_id = (select id from projects where seq = 1)`;

const readIn = (step: string) => reads.projects.filter((r) => r.step === step);

describe('next month planned against the ledger read while the file was parsed', () => {
  it('the diff uses the projects read while the staged file was parsed, and a diff that reads them again shows the same', async () => {
    const ahead = await ledgerWithJuly();
    const planId = (await ahead.do('plans.list', {}))[0]!.id;
    const withAhead = await augustDiff(ahead, table(8));
    expect(readIn('stage')).toEqual([{ step: 'stage', planId, inTransaction: false }]);
    expect(readIn('preview')).toEqual([]);
    expect(readIn('diff')).toEqual([]);
    expect(withAhead.diff.counts).toEqual({ new: 0, changed: 12, unchanged: 0, conflict: 0 });

    reads.projects = [];
    const fresh = await ledgerWithJuly();
    const again = await augustDiff(fresh, table(8), () => otherWrite(fresh.dbPath));
    expect(readIn('diff')).toEqual([{ step: 'diff', planId, inTransaction: false }]);
    expect(again.diff).toEqual(withAhead.diff);
    expect(again.batch.counts).toEqual(withAhead.batch.counts);
    expect(await fresh.do('projects.list', { planId })).toEqual(await ahead.do('projects.list', { planId }));
  });

  it('reads again when another connection wrote after the preview, and shows what it wrote', async () => {
    const b = await ledgerWithJuly();
    const { diff } = await augustDiff(b, table(8), () => otherWrite(b.dbPath, moveFirstProject));
    expect(readIn('diff')).toHaveLength(1);
    expect(diff.entries.find((e) => e.seq === '1')?.changes).toContainEqual({ field: 'leadUnits', label: '主要责任单位', before: '县住建局', after: '县人社局' });
  });

  it('reads the plan the table goes to when the latest import was into another', async () => {
    const b = await ledgerWithJuly();
    const yexian = (await b.do('plans.list', {}))[0]!.id;
    await b.do('import.commit', { stagingId: (await stage(b, table(7, '2022年省民生实事舞钢市工作任务推进情况表'))).stagingId });
    reads.projects = [];
    const { diff } = await augustDiff(b, table(8));
    expect(readIn('stage').map((r) => r.planId)).not.toContain(yexian);
    expect(readIn('diff')).toEqual([{ step: 'diff', planId: yexian, inTransaction: false }]);
    expect(diff.counts).toEqual({ new: 0, changed: 12, unchanged: 0, conflict: 0 });
  });

  it('refuses a file that cannot be read as before, whatever was read ahead meanwhile', async () => {
    const b = await ledgerWithJuly();
    const broken = table(8).subarray(0, 4000);
    for (const bytes of [Buffer.from('不是表格'), broken]) {
      const { stagingId } = await b.do('import.stage', { fileName: 'county.xlsx', contentBase64: bytes.toString('base64') });
      await expect(b.call('import.preview', { stagingId })).rejects.toMatchObject({ code: expect.stringMatching(/^IMPORT_/) });
    }
    expect((await augustDiff(b, table(8))).diff.counts.changed).toBe(12);
  });

  it('the command line’s commit uses what was read while the file was parsed, unless another connection wrote before its transaction', async () => {
    const ahead = await ledgerWithJuly();
    const planId = (await ahead.do('plans.list', {}))[0]!.id;
    reads.projects = [];
    const one = await ahead.do('import.commit', { stagingId: (await stage(ahead, table(8))).stagingId });
    expect(reads.projects).toEqual([{ step: '', planId, inTransaction: false }]);

    const fresh = await ledgerWithJuly();
    reads.projects = [];
    beforeWrite.hook = () => otherWrite(fresh.dbPath);
    const two = await fresh.do('import.commit', { stagingId: (await stage(fresh, table(8))).stagingId });
    expect(reads.projects.map((r) => r.inTransaction)).toEqual([false, true]);
    expect(two.counts).toEqual(one.counts);
    expect(one.counts).toEqual({ new: 0, changed: 12, unchanged: 0, conflict: 0 });
    expect(await fresh.do('projects.list', { planId })).toEqual(await ahead.do('projects.list', { planId }));
  });

  it('a commit after another connection changed a project’s units plans against the units it wrote', async () => {
    const b = await ledgerWithJuly();
    const planId = (await b.do('plans.list', {}))[0]!.id;
    beforeWrite.hook = () => otherWrite(b.dbPath, moveFirstProject);
    const batch = await b.do('import.commit', { stagingId: (await stage(b, table(8))).stagingId });
    expect(batch.counts.changed).toBe(12);
    // The table names 县人社局 for the first project: the unit written in between is replaced, as the table says.
    expect((await b.do('projects.list', { planId })).find((p) => p.seq === 1)?.leadUnits).toEqual(['县人社局']);
  });
});
