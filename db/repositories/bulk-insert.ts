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

export interface BulkInsertOptions {
  /** Runs before each statement: the import writer checks its transaction there, and writes first the rows these point at. */
  beforeWrite?: () => void;
  /**
   * Values every row has (`@now` in `row`), bound once a statement rather than once a row: binding a value
   * costs about as much as writing it (an import's time stamp, actor and batch on every row).
   */
  constants?: Record<string, unknown>;
}

/** Rows per statement: well under SQLite's 32,766 bound variables for the widest row written. */
const rowsPerStatement = 200;

/** `head`: "INSERT [OR REPLACE] INTO table (columns)"; `row`: the placeholders of one row, "(?, ?, 'x', @now)". */
export function bulkInsert(sqlite: Sqlite.Database, head: string, row: string, options: BulkInsertOptions = {}): BulkInsert {
  const { beforeWrite = () => {}, constants } = options;
  const width = (row.match(/\?/g) ?? []).length;
  const full = width * rowsPerStatement;
  const statements = new Map<number, Sqlite.Statement>();
  const statementFor = (rows: number): Sqlite.Statement => {
    let statement = statements.get(rows);
    if (!statement) statements.set(rows, (statement = sqlite.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`)));
    return statement;
  };
  // One array for every full statement: better-sqlite3 copies the values as it binds them.
  const values: unknown[] = new Array<unknown>(full);
  let held = 0;
  const write = (): void => {
    if (held === 0) return;
    const count = held;
    // What a refused write held is dropped, not written by the next one.
    held = 0;
    beforeWrite();
    const part = count === full ? values : values.slice(0, count);
    const statement = statementFor(count / width);
    if (constants) statement.run(part, constants);
    else statement.run(part);
  };
  return {
    add(...row: unknown[]) {
      if (row.length !== width) throw new Error(`bulkInsert: ${row.length} values for a row of ${width}`);
      for (let i = 0; i < width; i++) values[held++] = row[i];
      if (held === full) write();
    },
    flush: write,
  };
}
