import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withCheckpointAfter } from '../../../db/checkpoint';
import { openLedgerDatabase } from '../../../db/open';
import { tempDir } from '../../helpers/temp';

const walFrames = (sqlite: Sqlite.Database) => (sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0]!;

describe('the checkpoint after a large write', () => {
  it('leaves the write in the WAL during it, checkpoints it once the caller has its answer, and restores the automatic checkpoint', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    const { sqlite } = ledger;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const insert = sqlite.prepare(
      "INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2022, 'county', ?, '2022-01-01', '2022-12-31', ?, 'x')",
    );
    const padding = 'x'.repeat(3000);
    const sizeBefore = fs.statSync(file).size;
    let autocheckpointInside = -1;
    let sizeAtCommit = -1;
    const result = await withCheckpointAfter(sqlite, async () => {
      autocheckpointInside = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
      // Over 1000 pages: the automatic checkpoint would have run at this COMMIT.
      sqlite.transaction(() => {
        for (let i = 0; i < 1500; i++) insert.run(`计划${i}`, padding);
      })();
      sizeAtCommit = fs.statSync(file).size;
      return 'done';
    });
    expect(result).toBe('done');
    expect(autocheckpointInside).toBe(0);
    // Nothing was copied into the database file at COMMIT.
    expect(sizeAtCommit).toBe(sizeBefore);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    // Another connection sees the write before any checkpoint: it is committed in the WAL.
    const other = new Sqlite(file, { readonly: true });
    expect((other.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n).toBe(1500);
    other.close();

    await nextTurn();
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 1000 * 3000);
    // The deferred checkpoint has copied every frame into the database file.
    const after = walFrames(sqlite);
    expect(after.log).toBeGreaterThan(1000);
    expect(after.checkpointed).toBe(after.log);
    await ledger.close();
  });

  it('restores the automatic checkpoint when the write fails', async () => {
    const ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
    await expect(
      withCheckpointAfter(ledger.sqlite, async () => {
        throw new Error('失败');
      }),
    ).rejects.toThrow('失败');
    expect(ledger.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await ledger.close();
  });
});
