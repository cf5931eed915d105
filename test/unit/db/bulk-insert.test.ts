import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bulkInsert } from '../../../db/repositories/bulk-insert';

function table() {
  const sqlite = new Sqlite(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, v INTEGER, tag TEXT)');
  return sqlite;
}

describe('bulkInsert', () => {
  it('writes every row added, in order, across statements of many rows and a last short one', () => {
    const sqlite = table();
    const rows = bulkInsert(sqlite, 'INSERT INTO t (k, v, tag)', "(?, ?, 'x')");
    for (let i = 0; i < 1234; i++) rows.add(`k${i}`, i);
    rows.flush();
    const read = sqlite.prepare('SELECT k, v, tag FROM t ORDER BY id').all() as { k: string; v: number; tag: string }[];
    expect(read).toHaveLength(1234);
    expect(read.every((r, i) => r.k === `k${i}` && r.v === i && r.tag === 'x')).toBe(true);
  });

  it('keeps the order of REPLACE: the row added last for a key wins, within one statement and across two', () => {
    const sqlite = table();
    const rows = bulkInsert(sqlite, 'INSERT OR REPLACE INTO t (k, v, tag)', '(?, ?, ?)');
    rows.add('a', 1, 'first');
    rows.add('a', 2, 'second');
    rows.flush();
    rows.add('a', 3, 'third');
    rows.flush();
    expect(sqlite.prepare('SELECT v, tag FROM t').all()).toEqual([{ v: 3, tag: 'third' }]);
  });

  it('holds rows until flushed, and refuses a row of the wrong width', () => {
    const sqlite = table();
    const rows = bulkInsert(sqlite, 'INSERT INTO t (k, v, tag)', '(?, ?, ?)');
    rows.add('a', 1, null);
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(() => rows.add('b', 2)).toThrow(/2 values for a row of 3/);
    rows.flush();
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('runs its check before each statement it writes, and writes nothing the check refuses', () => {
    const sqlite = table();
    let checks = 0;
    let open = true;
    const rows = bulkInsert(sqlite, 'INSERT INTO t (k, v, tag)', '(?, ?, ?)', {
      beforeWrite: () => {
        checks++;
        if (!open) throw new Error('closed');
      },
    });
    for (let i = 0; i < 450; i++) rows.add(`k${i}`, i, null);
    expect(checks).toBe(2);
    rows.flush();
    expect(checks).toBe(3);
    rows.flush();
    expect(checks).toBe(3);
    open = false;
    rows.add('late', 0, null);
    expect(() => rows.flush()).toThrow('closed');
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 450 });
  });

  it('binds the constants once a statement, into every row, full statements and a last short one alike', () => {
    const sqlite = table();
    const rows = bulkInsert(sqlite, 'INSERT INTO t (k, v, tag)', '(?, @v, @tag)', { constants: { v: 7, tag: 'c' } });
    for (let i = 0; i < 450; i++) rows.add(`k${i}`);
    rows.flush();
    const read = sqlite.prepare('SELECT k, v, tag FROM t ORDER BY id').all() as { k: string; v: number; tag: string }[];
    expect(read).toHaveLength(450);
    expect(read.every((r, i) => r.k === `k${i}` && r.v === 7 && r.tag === 'c')).toBe(true);
  });

  it('writes what a full statement held once, and the rows added after it in the next statement only', () => {
    const sqlite = table();
    const rows = bulkInsert(sqlite, 'INSERT INTO t (k, v, tag)', '(?, ?, ?)');
    for (let i = 0; i < 203; i++) rows.add(`k${i}`, i, null);
    rows.flush();
    rows.flush();
    expect(sqlite.prepare('SELECT count(*) AS n, sum(v) AS s FROM t').get()).toEqual({ n: 203, s: (202 * 203) / 2 });
  });
});
