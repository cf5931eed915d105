import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../helpers/backend';
import { spawnCli, writeLargeTable } from '../../helpers/processes';
import { tempDir } from '../../helpers/temp';

const rows = 1500;

/** What the ledger holds, read the way the next start would (WAL applied), after checking it is sound. */
function contents(db: string): { check: string; projects: number; batches: number; plans: string[] } {
  const raw = new Sqlite(db);
  try {
    return {
      check: String(raw.pragma('quick_check', { simple: true })),
      projects: (raw.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n,
      batches: (raw.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n,
      plans: (raw.prepare('SELECT name FROM plans ORDER BY id').all() as { name: string }[]).map((p) => p.name),
    };
  } finally {
    raw.close();
  }
}

/**
 * Runs the command and kills it with SIGKILL `ms` after `started()` first holds (polled every millisecond or
 * two): the moment the critical part begins, plus an offset, so the kill lands inside it on any machine.
 */
async function killDuring(argv: string[], started: () => boolean, ms: number) {
  const run = spawnCli(argv);
  let timer: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (!started()) return;
    clearInterval(poll);
    timer = setTimeout(() => run.child.kill('SIGKILL'), ms);
  }, 1);
  const finished = await run.exited;
  clearInterval(poll);
  clearTimeout(timer);
  return finished;
}


describe('a program killed at any moment (SIGKILL)', () => {
  it('during an import: the ledger holds the whole import or none of it, never part', async () => {
    const dir = tempDir();
    const table = writeLargeTable(path.join(dir, 'big.csv'), rows);
    const outcomes: string[] = [];
    // From the moment the importer opens the ledger (it leaves the WAL's index beside it), at offsets through the
    // parse, the backup and the commit.
    for (const ms of [0, 1100, 1250, 1400, 1600]) {
      const db = path.join(dir, `ledger-${ms}.sqlite`);
      const backend = await testBackend(db);
      await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年县重点民生实事' });
      backend.close();
      const finished = await killDuring(['import', table, '--db', db, '--plan', '1', '--as-of', '2022-09-30'], () => fs.existsSync(`${db}-shm`), ms);
      const after = contents(db);
      expect(after.check).toBe('ok');
      expect([
        [0, 0],
        [rows, 1],
      ]).toContainEqual([after.projects, after.batches]);
      outcomes.push(`${ms} ms: ${finished.signal ?? `exit ${finished.code}`}, ${after.projects} projects`);
    }
    console.log(`SIGKILL during import: ${outcomes.join('; ')}`);
  }, 90_000);

  it('during a restore: the ledger is the one before or the backup, never between', async () => {
    const dir = tempDir();
    const outcomes: string[] = [];
    // From the moment the restore starts its work beside the ledger, at offsets through the swap.
    for (const ms of [0, 10, 30, 80]) {
      const db = path.join(dir, `r-${ms}`, 'ledger.sqlite');
      const backend = await testBackend(db);
      await backend.do('plans.create', { year: 2022, level: 'county', name: '备份里就有的计划' });
      const backup = path.basename((await backend.do('backups.create', {})).file);
      await backend.do('plans.create', { year: 2022, level: 'county', name: '备份之后新建的计划' });
      backend.close();
      const folder = path.dirname(db);
      const finished = await killDuring(['backups', 'restore', backup, '--db', db], () => fs.readdirSync(folder).some((n) => n.startsWith('.restore-')), ms);
      const after = contents(db);
      expect(after.check).toBe('ok');
      expect([['备份里就有的计划', '备份之后新建的计划'], ['备份里就有的计划']]).toContainEqual(after.plans);
      // The next start opens it and clears what the killed restore left.
      const reopened = await testBackend(db);
      expect((await reopened.do('plans.list', {})).map((p) => p.name).sort()).toEqual([...after.plans].sort());
      reopened.close();
      expect(fs.readdirSync(path.dirname(db)).filter((n) => n.startsWith('.restore-'))).toEqual([]);
      outcomes.push(`${ms} ms: ${finished.signal ?? `exit ${finished.code}`}, ${after.plans.length} plans`);
    }
    console.log(`SIGKILL during restore: ${outcomes.join('; ')}`);
  }, 90_000);
});
