import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import type { Backups, BackupInfo, ImportStage } from '../../../shared/domain';
import { tempDir } from '../../helpers/temp';

const open: Backend[] = [];
afterEach(() => open.splice(0).forEach((b) => b.close()));

async function backendOn(file: string, day: number): Promise<Backend> {
  const backend = await openBackend({ dbPath: file, actor: '测试员', now: () => new Date(Date.UTC(2022, 9, day, 9)) });
  open.push(backend);
  return backend;
}
const list = async (b: Backend) => ((await b.call('backups.list', {})) as Backups).backups;

function table(progress: string): string {
  const aoa = [['2022年某县民生实事推进情况表'], ['截至2022年9月30日'], ['编号', '工作任务', '责任单位', '工作进度'], [1, '新建幼儿园3所', '县教体局', progress]];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '表');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}
async function importTable(b: Backend, progress: string) {
  const staged = (await b.call('import.stage', { fileName: 't.xlsx', contentBase64: table(progress) })) as ImportStage;
  return b.call('import.commit', { stagingId: staged.stagingId });
}
const narratives = (file: string) => {
  const db = new Sqlite(file, { readonly: true });
  const rows = db.prepare('SELECT narrative FROM progress_reports').all() as { narrative: string }[];
  db.close();
  return rows.map((r) => r.narrative);
};

describe('automatic backups', () => {
  it('copies the ledger before every import that has something to lose; the copy is the ledger as it was', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const backend = await backendOn(file, 1);
    await importTable(backend, '已选址。');
    expect(await list(backend)).toEqual([]);

    await importTable(backend, '已开工2所。');
    const [copy] = await list(backend);
    expect(copy).toMatchObject({ kind: 'import', at: '2022-10-01T09:00:00.000Z' });
    expect(narratives(copy!.file)).toEqual(['已选址。']);
    expect(narratives(file)).toEqual(['已开工2所。']);
  });

  it('keeps one daily copy on the first start of each day', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const first = await backendOn(file, 1);
    await first.call('plans.create', { year: 2022, level: 'county', name: '2022年某县民生实事' });
    first.close();
    open.pop();
    const sameDay = await backendOn(file, 1);
    expect((await list(sameDay)).map((b) => b.kind)).toEqual(['daily']);
    sameDay.close();
    open.pop();
    await backendOn(file, 1);
    const nextDay = await backendOn(file, 2);
    expect((await list(nextDay)).map((b) => b.at)).toEqual(['2022-10-02T09:00:00.000Z', '2022-10-01T09:00:00.000Z']);
  });

  it('makes a copy by hand on request, and says where the copies are', async () => {
    const dir = tempDir();
    const backend = await backendOn(path.join(dir, 'ledger.sqlite'), 3);
    const made = (await backend.call('backups.create', {})) as BackupInfo;
    expect(made).toMatchObject({ kind: 'manual', at: '2022-10-03T09:00:00.000Z' });
    expect(fs.existsSync(made.file)).toBe(true);
    expect(await backend.call('backups.list', {})).toEqual({ dir: path.join(dir, 'backups'), backups: [made] });
  });
});
