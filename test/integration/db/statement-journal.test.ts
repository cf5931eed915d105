import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerDatabase } from '../../../db/open';
import { withStatementJournalInMemory } from '../../../db/statement-journal';
import { tempDir } from '../../helpers/temp';

const tempStore = (ledger: ReturnType<typeof openLedgerDatabase>) => ledger.sqlite.pragma('temp_store', { simple: true });

describe('the statement journal of a large write', () => {
  it('is kept in memory during the write, still takes back a refused statement, and the setting is put back', async () => {
    const ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
    const { sqlite } = ledger;
    expect(tempStore(ledger)).toBe(0);
    let inside = -1;
    await withStatementJournalInMemory(sqlite, async () => {
      inside = tempStore(ledger) as number;
      sqlite.transaction(() => {
        sqlite.exec("INSERT INTO units (name, created_at) VALUES ('县人社局', 'x')");
        // The second row is refused: the statement's first row goes with it, the transaction's earlier row stays.
        const many = sqlite.prepare("INSERT INTO units (name, created_at) VALUES ('县医保局', 'x'), ('县人社局', 'x')");
        expect(() => many.run()).toThrow(/UNIQUE/);
      })();
    });
    expect(inside).toBe(2);
    expect(sqlite.prepare('SELECT name FROM units').pluck().all()).toEqual(['县人社局']);
    expect(tempStore(ledger)).toBe(0);
    await ledger.close();
  });

  it('puts the setting back when the write fails, and leaves it alone inside a transaction', async () => {
    const ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
    const { sqlite } = ledger;
    await expect(
      withStatementJournalInMemory(sqlite, async () => {
        throw new Error('失败');
      }),
    ).rejects.toThrow('失败');
    expect(tempStore(ledger)).toBe(0);

    sqlite.exec('BEGIN');
    let inside = -1;
    await withStatementJournalInMemory(sqlite, async () => {
      inside = tempStore(ledger) as number;
    });
    sqlite.exec('COMMIT');
    expect(inside).toBe(0);
    expect(tempStore(ledger)).toBe(0);
    await ledger.close();
  });
});
