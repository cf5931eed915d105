import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { ledgerApplicationId } from '../../../db/open';
import { migrations } from '../../../db/migrations';
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

describe('restoring a backup', () => {
  async function ledgerWithTwoImports() {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const backend = await backendOn(file, 1);
    await importTable(backend, '已选址。');
    await importTable(backend, '已开工2所。');
    const [beforeSecond] = await list(backend);
    return { file, backend, beforeSecond: beforeSecond! };
  }

  it('puts the copy back, keeps the ledger as it was as a 恢复前 copy, and that restore can be undone the same way', async () => {
    const { file, backend, beforeSecond } = await ledgerWithTwoImports();
    const safety = (await backend.call('backups.restore', { file: path.basename(beforeSecond.file) })) as BackupInfo;
    expect(safety.kind).toBe('restore');
    expect(narratives(file)).toEqual(['已选址。']);
    expect(((await backend.call('plans.list', {})) as unknown[]).length).toBe(1);

    await backend.call('backups.restore', { file: path.basename(safety.file) });
    expect(narratives(file)).toEqual(['已开工2所。']);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });

  it('refuses a damaged copy and leaves the ledger as it was', async () => {
    const { file, backend } = await ledgerWithTwoImports();
    const damaged = path.join(path.dirname(file), 'backups', 'ledger-manual-2022-10-01T10-00-00-000Z.sqlite');
    fs.writeFileSync(damaged, 'SQLite format 3\0'.padEnd(4096, 'x'));
    await expect(backend.call('backups.restore', { file: path.basename(damaged) })).rejects.toMatchObject({ code: 'DB_CORRUPT', message: /无法使用，台账未做任何改动/ });
    expect(narratives(file)).toEqual(['已开工2所。']);
    expect((await list(backend)).map((b) => b.kind)).not.toContain('restore');
  });

  it('refuses while another program has the ledger open, and goes on working', async () => {
    const { file, backend, beforeSecond } = await ledgerWithTwoImports();
    const other = new Sqlite(file);
    other.prepare('SELECT count(*) FROM plans').get();
    try {
      await expect(backend.call('backups.restore', { file: path.basename(beforeSecond.file) })).rejects.toMatchObject({ code: 'DB_LOCKED' });
    } finally {
      other.close();
    }
    expect(narratives(file)).toEqual(['已开工2所。']);
    expect(((await backend.call('plans.list', {})) as unknown[]).length).toBe(1);
  });

  it('brings a copy made by an older version up to date as it restores it', async () => {
    const { file, backend } = await ledgerWithTwoImports();
    const old = path.join(path.dirname(file), 'backups', 'ledger-v1-2022-09-01T09-00-00-000Z.sqlite');
    const sqlite = new Sqlite(old);
    sqlite.exec(migrations[0]!.sql);
    sqlite.pragma(`application_id = ${ledgerApplicationId}`);
    sqlite.pragma('user_version = 1');
    sqlite.prepare("INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2021, 'county', '旧计划', '2021-01-01', '2021-12-31', 'x', 'x')").run();
    sqlite.close();

    await backend.call('backups.restore', { file: path.basename(old) });
    expect(((await backend.call('plans.list', {})) as { name: string }[]).map((p) => p.name)).toEqual(['旧计划']);
    expect(await backend.call('app.info', {})).toMatchObject({ schemaVersion: migrations.length });
    await importTable(backend, '恢复后再导入。');
    expect(narratives(file)).toEqual(['恢复后再导入。']);
  });

  it('restores only copies listed in the backups folder', async () => {
    const { backend } = await ledgerWithTwoImports();
    await expect(backend.call('backups.restore', { file: '../ledger.sqlite' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
