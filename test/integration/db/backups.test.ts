import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupLedger, backupLedgerOnline, listBackups } from '../../../db/backups';
import { openLedgerDatabase } from '../../../db/open';
import { tempDir } from '../../helpers/temp';

const at = (day: number, hour = 9) => new Date(Date.UTC(2022, 9, day, hour));
const planCount = (file: string) => {
  const copy = new Sqlite(file, { readonly: true });
  const n = (copy.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
  copy.close();
  return n;
};

describe('ledger backups', () => {
  it('copies what is committed, including what still sits in the WAL, without touching the database', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    const insert = ledger.sqlite.prepare(
      "INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2022, 'county', ?, '2022-01-01', '2022-12-31', 'x', 'x')",
    );
    insert.run('甲');
    insert.run('乙');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const copy = backupLedger(ledger.sqlite, file, 'manual', { now: at(1) });
    expect(path.basename(copy)).toBe('ledger-manual-2022-10-01T09-00-00-000Z.sqlite');
    expect(planCount(copy)).toBe(2);
    insert.run('丙');
    expect(planCount(copy)).toBe(2);
    ledger.sqlite.close();
  });

  it('keeps the newest 10 import and 7 daily copies, and every copy made before a migration or by hand', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    backupLedger(ledger.sqlite, file, 'v1', { now: at(1, 0) });
    for (let day = 1; day <= 12; day++) {
      backupLedger(ledger.sqlite, file, 'import', { now: at(day) });
      backupLedger(ledger.sqlite, file, 'daily', { now: at(day, 8) });
      backupLedger(ledger.sqlite, file, 'manual', { now: at(day, 10) });
    }
    const backups = listBackups(file);
    const kinds = (kind: string) => backups.filter((b) => b.kind === kind).map((b) => Number(b.at.slice(8, 10)));
    expect(kinds('import')).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(kinds('daily')).toEqual([12, 11, 10, 9, 8, 7, 6]);
    expect(kinds('manual')).toHaveLength(12);
    expect(kinds('migration')).toEqual([1]);
    expect(backups[0]).toMatchObject({ kind: 'manual', at: '2022-10-12T10:00:00.000Z' });
    expect(backups.every((b) => b.bytes > 0)).toBe(true);
    ledger.sqlite.close();
  });

  it('tells two copies made in the same millisecond apart instead of failing', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    const first = backupLedger(ledger.sqlite, file, 'manual', { now: at(5) });
    const second = backupLedger(ledger.sqlite, file, 'manual', { now: at(5) });
    expect(path.basename(second)).toBe('ledger-manual-2022-10-05T09-00-00-001Z.sqlite');
    expect(listBackups(file).map((b) => b.file)).toEqual([second, first]);
    ledger.sqlite.close();
  });

  it('lists only this database’s copies, newest first, and nothing when there is no backups folder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    expect(listBackups(file)).toEqual([]);
    const ledger = openLedgerDatabase(file);
    backupLedger(ledger.sqlite, file, 'daily', { now: at(2) });
    fs.writeFileSync(path.join(dir, 'backups', 'other-daily-2022-10-03T09-00-00-000Z.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'backups', 'ledger-daily-notes.txt'), '');
    expect(listBackups(file).map((b) => path.basename(b.file))).toEqual(['ledger-daily-2022-10-02T09-00-00-000Z.sqlite']);
    ledger.sqlite.close();
  });

  it('copies by the online backup API what is committed, not another call’s open transaction, as a single-file ledger equal to VACUUM INTO’s', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    const insert = ledger.sqlite.prepare(
      "INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2022, 'county', ?, '2022-01-01', '2022-12-31', 'x', 'x')",
    );
    for (let i = 0; i < 300; i++) insert.run(`计划${i}`);
    const vacuumed = backupLedger(ledger.sqlite, file, 'manual', { now: at(1) });
    ledger.sqlite.exec('BEGIN');
    insert.run('未提交');
    const online = await backupLedgerOnline(file, 'import', { now: at(2) });
    ledger.sqlite.exec('ROLLBACK');
    expect(path.basename(online)).toBe('ledger-import-2022-10-02T09-00-00-000Z.sqlite');
    expect(planCount(online)).toBe(300);
    const rows = (f: string) => {
      const copy = new Sqlite(f, { readonly: true });
      const out = {
        plans: copy.prepare('SELECT * FROM plans ORDER BY id').all(),
        schema: copy.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
        journal: copy.pragma('journal_mode', { simple: true }),
        versions: [copy.pragma('application_id', { simple: true }), copy.pragma('user_version', { simple: true })],
        check: copy.pragma('integrity_check', { simple: true }),
      };
      copy.close();
      return out;
    };
    expect(rows(online)).toEqual(rows(vacuumed));
    expect(rows(online).journal).toBe('delete');
    expect(fs.existsSync(`${online}-wal`)).toBe(false);
    ledger.sqlite.close();
  });

  it('removes its claimed file when the online copy fails', async () => {
    const dir = tempDir();
    await expect(backupLedgerOnline(path.join(dir, 'missing.sqlite'), 'import', { now: at(3) })).rejects.toThrow();
    expect(listBackups(path.join(dir, 'missing.sqlite'))).toEqual([]);
  });
});
