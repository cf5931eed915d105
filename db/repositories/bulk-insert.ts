import type Sqlite from 'better-sqlite3';

/**
 * Rows for one table, written many to a statement. Each statement better-sqlite3 runs costs a few
 * microseconds of its own, which over the ~100,000 rows of a large import is most of the commit; an
 * INSERT of 200 rows costs little more than one of a single row.
 */
export interface BulkInsert {
  add(...values: unknown[]): void;
  /** Writes what has been added (first what it points at, `pointsAt`). Rows are written in the order added. */
  flush(): void;
  /** Calls `listener` each time a write leaves nothing held here: every row added so far is written. */
  onEmptied(listener: () => void): void;
}

export interface BulkInsertOptions {
  /** Runs before each statement: the import writer checks its transaction there. */
  beforeWrite?: () => void;
  /**
   * Where the rows these point at are held (the projects for their links). A row goes out once those added before
   * it are written, so that SQLite never counts it a deferred violation: while any is counted, each parent row
   * written makes it look for that row's children. Rows wait for full statements of the other table rather than
   * making it write a short one (each width is a statement to prepare); past a few statements' worth, or at
   * `flush`, what they point at is written first.
   */
  pointsAt?: BulkInsert;
  /**
   * Values every row has (`@now` in `row`), bound once a statement rather than once a row: binding a value
   * costs about as much as writing it (an import's time stamp, actor and batch on every row).
   */
  constants?: Record<string, unknown>;
}

/** Rows per statement: well under SQLite's 32,766 bound variables for the widest row written. */
const rowsPerStatement = 200;
/** Statements' worth of rows that may wait for what they point at to be written. */
const statementsWaiting = 8;

/** `head`: "INSERT [OR REPLACE] INTO table (columns)"; `row`: the placeholders of one row, "(?, ?, 'x', @now)". */
export function bulkInsert(sqlite: Sqlite.Database, head: string, row: string, options: BulkInsertOptions = {}): BulkInsert {
  const { beforeWrite = () => {}, constants, pointsAt } = options;
  const width = (row.match(/\?/g) ?? []).length;
  const full = width * rowsPerStatement;
  const statements = new Map<number, Sqlite.Statement>();
  const statementFor = (rows: number): Sqlite.Statement => {
    let statement = statements.get(rows);
    if (!statement) statements.set(rows, (statement = sqlite.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`)));
    return statement;
  };
  const listeners: (() => void)[] = [];
  // Values added and not yet written, in order (the first `held`); the first `ready` of them point only at rows
  // written. Kept and reused: the array only grows, to a few statements' worth.
  const values: unknown[] = [];
  let held = 0;
  let ready = pointsAt ? 0 : Infinity;
  // One array for a full statement taken from among the values: better-sqlite3 copies the values as it binds them.
  const chunk: unknown[] = new Array<unknown>(full);
  const run = (part: unknown[]): void => {
    const statement = statementFor(part.length / width);
    if (constants) statement.run(part, constants);
    else statement.run(part);
  };
  /** Writes the full statements' worth at the front, or everything (`all`). */
  const write = (all: boolean): void => {
    const writable = Math.min(held, ready);
    const count = all ? held : writable - (writable % full);
    if (count === 0) return;
    try {
      beforeWrite();
      let at = 0;
      if (count === full && values.length === full) {
        run(values);
        at = full;
      }
      for (; at + full <= count; at += full) {
        for (let i = 0; i < full; i++) chunk[i] = values[at + i];
        run(chunk);
      }
      if (at < count) run(values.slice(at, count));
    } finally {
      // What a refused write held is dropped, not written by the next one.
      values.copyWithin(0, count, held);
      held -= count;
      ready = pointsAt ? Math.max(0, ready - count) : Infinity;
    }
    if (held === 0) for (const listener of listeners) listener();
  };
  pointsAt?.onEmptied(() => {
    ready = held;
    write(false);
  });
  const flush = (): void => {
    pointsAt?.flush();
    write(true);
  };
  return {
    add(...rowValues: unknown[]) {
      if (rowValues.length !== width) throw new Error(`bulkInsert: ${rowValues.length} values for a row of ${width}`);
      for (let i = 0; i < width; i++) values[held++] = rowValues[i];
      if (held % full !== 0) return;
      if (ready >= full) write(false);
      else if (held >= full * statementsWaiting) flush();
    },
    flush,
    onEmptied(listener) {
      listeners.push(listener);
    },
  };
}
