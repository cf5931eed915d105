import type Sqlite from 'better-sqlite3';

/**
 * Rows for one table, written many to a statement. Each statement better-sqlite3 runs costs a few
 * microseconds of its own, which over the ~100,000 rows of a large import is most of the commit; an
 * INSERT of 200 rows costs little more than one of a single row.
 */
export interface BulkInsert {
  add(...values: unknown[]): void;
  /** Writes what has been added. Rows are written in the order added. */
  flush(): void;
}

/** Rows per statement: well under SQLite's 32,766 bound variables for the widest row written. */
const rowsPerStatement = 200;

/**
 * `head`: "INSERT [OR REPLACE] INTO table (columns)"; `row`: the placeholders of one row, "(?, ?, 'x')".
 * `beforeWrite` runs before each statement (the import writer checks its transaction there).
 */
export function bulkInsert(sqlite: Sqlite.Database, head: string, row: string, beforeWrite: () => void = () => {}): BulkInsert {
  const width = (row.match(/\?/g) ?? []).length;
  const full = width * rowsPerStatement;
  const statements = new Map<number, Sqlite.Statement>();
  const statementFor = (rows: number): Sqlite.Statement => {
    let statement = statements.get(rows);
    if (!statement) statements.set(rows, (statement = sqlite.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`)));
    return statement;
  };
  let values: unknown[] = [];
  // A full statement's values are handed over as they are and a new array started: nothing is copied.
  const write = (): void => {
    if (values.length === 0) return;
    const part = values;
    values = [];
    beforeWrite();
    statementFor(part.length / width).run(part);
  };
  return {
    add(...row: unknown[]) {
      if (row.length !== width) throw new Error(`bulkInsert: ${row.length} values for a row of ${width}`);
      for (let i = 0; i < width; i++) values.push(row[i]);
      if (values.length >= full) write();
    },
    flush: write,
  };
}
