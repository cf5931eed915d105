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

  describe('rows that point at rows held in another', () => {
    // Immediate foreign keys: a child written before its parent is refused at once.
    function linked() {
      const sqlite = new Sqlite(':memory:');
      sqlite.pragma('foreign_keys = ON');
      sqlite.exec(`
        CREATE TABLE parent (id INTEGER PRIMARY KEY);
        CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id));
        CREATE TABLE grandchild (child_id INTEGER NOT NULL REFERENCES child (id));
      `);
      const widths = new Map<string, number[]>();
      const prepare = sqlite.prepare.bind(sqlite);
      // Counts the rows of each statement prepared, by table: each width is a statement SQLite compiles.
      sqlite.prepare = ((sql: string) => {
        const table = /INSERT INTO (\w+)/.exec(sql)?.[1] ?? '';
        widths.set(table, [...(widths.get(table) ?? []), sql.split('(?').length - 1]);
        return prepare(sql);
      }) as typeof sqlite.prepare;
      const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { sqlite, widths, count };
    }

    it('writes a row only after what it points at, the other table in full statements but for its last', () => {
      const { sqlite, widths, count } = linked();
      const parents = bulkInsert(sqlite, 'INSERT INTO parent (id)', '(?)');
      const children = bulkInsert(sqlite, 'INSERT INTO child (id, parent_id)', '(?, ?)', { pointsAt: parents });
      let child = 0;
      for (let p = 1; p <= 450; p++) {
        parents.add(p);
        for (let c = 0; c < 3; c++) children.add(++child, p);
      }
      // Of the children of the first 399 parents (those added when the 400th was written), the full statements;
      // the rest wait for the parents' next statement.
      expect([count('parent'), count('child')]).toEqual([400, 1000]);
      children.flush();
      expect([count('parent'), count('child')]).toEqual([450, 1350]);
      expect(widths.get('parent')).toEqual([200, 50]);
      expect(widths.get('child')).toEqual([200, 150]);
    });

    it('writes what they point at first once a few statements of them wait, and the rows of one written at once', () => {
      const { sqlite, count } = linked();
      const parents = bulkInsert(sqlite, 'INSERT INTO parent (id)', '(?)');
      const children = bulkInsert(sqlite, 'INSERT INTO child (id, parent_id)', '(?, ?)', { pointsAt: parents });
      parents.add(1);
      for (let c = 1; c <= 1600; c++) children.add(c, 1);
      expect([count('parent'), count('child')]).toEqual([1, 1600]);
      // A parent already written: its children need not wait for the next.
      sqlite.prepare('INSERT INTO parent (id) VALUES (2)').run();
      for (let c = 1601; c <= 1800; c++) children.add(c, 2);
      parents.add(3);
      children.add(1801, 3);
      children.flush();
      expect([count('parent'), count('child')]).toEqual([3, 1801]);
    });

    it('follows a chain: rows pointing at rows that wait for a third table go after both', () => {
      const { sqlite, count } = linked();
      const parents = bulkInsert(sqlite, 'INSERT INTO parent (id)', '(?)');
      const children = bulkInsert(sqlite, 'INSERT INTO child (id, parent_id)', '(?, ?)', { pointsAt: parents });
      const grandchildren = bulkInsert(sqlite, 'INSERT INTO grandchild (child_id)', '(?)', { pointsAt: children });
      let child = 0;
      for (let p = 1; p <= 1000; p++) {
        parents.add(p);
        for (let c = 0; c < 2; c++) {
          children.add(++child, p);
          for (let g = 0; g < 3; g++) grandchildren.add(child);
        }
      }
      grandchildren.flush();
      expect([count('parent'), count('child'), count('grandchild')]).toEqual([1000, 2000, 6000]);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    });
  });
});
