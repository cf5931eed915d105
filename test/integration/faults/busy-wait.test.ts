import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { testBackend } from '../../helpers/backend';
import { spawnCli, writeLargeTable } from '../../helpers/processes';
import { tempDir } from '../../helpers/temp';

describe('a write while another process commits', () => {
  it('waits for the lock instead of failing with DB_LOCKED while a CLI import commits (two real processes)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const backend = await testBackend(db);
    const target = await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年县重点民生实事', region: '' });
    const other = await backend.do('plans.create', { year: 2022, level: 'county', name: '界面上编辑的计划', region: '' });
    const table = writeLargeTable(path.join(dir, 'big.csv'), 2500);

    const cli = spawnCli(['import', table, '--db', db, '--plan', String(target.id), '--as-of', '2022-09-30', '--json']);
    let running = true;
    void cli.exited.then(() => (running = false));
    let ok = 0;
    let locked = 0;
    // The UI's writes, as fast as a user could click, for as long as the import runs: each reads before it writes.
    while (running) {
      try {
        await backend.do('plans.update', { id: other.id, name: `界面上编辑的计划${ok % 2}` });
        ok++;
      } catch (error) {
        if (!(error instanceof LedgerError) || error.code !== 'DB_LOCKED') throw error;
        locked++;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const finished = await cli.exited;
    backend.close();
    console.log(`UI writes during a concurrent CLI import: ${ok} saved, ${locked} DB_LOCKED`);
    expect(finished.err).toBe('');
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.out)).toMatchObject({ counts: { new: 2500 } });
    expect(locked).toBe(0);
    expect(ok).toBeGreaterThan(10);
  }, 60_000);
});

describe('a write that cannot get the lock', () => {
  it('fails with DB_LOCKED and today\'s message only after the busy timeout', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const backend = await testBackend(db);
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '计划', region: '' });
    const holder = new Sqlite(db);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    try {
      await expect(backend.do('plans.update', { id: plan.id, name: '改名' })).rejects.toMatchObject({
        code: 'DB_LOCKED',
        message: '数据库正被其他程序占用，请稍后重试。',
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      backend.close();
    }
  }, 20_000);
});
