import type Sqlite from 'better-sqlite3';

/** SQLite's default: a checkpoint is attempted whenever a commit leaves the WAL over 1000 pages. */
const defaultAutocheckpoint = 1000;

/**
 * Runs a large write (an import) with the automatic WAL checkpoint off, and checkpoints once the caller has its
 * answer. Otherwise the COMMIT itself copies the whole new WAL (≈ 16 MB at 20,000 rows) into the database file
 * before the import can return. The commit is durable either way: with synchronous = FULL the WAL is synced at
 * COMMIT, and a WAL not yet checkpointed is replayed by the next connection. The checkpoint is PASSIVE, so it
 * never waits on another window's reader; whatever it leaves, the next automatic checkpoint or the close takes.
 */
export async function withCheckpointAfter<T>(sqlite: Sqlite.Database, write: () => Promise<T>): Promise<T> {
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return await write();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${defaultAutocheckpoint}`);
    setImmediate(() => checkpoint(sqlite));
  }
}

function checkpoint(sqlite: Sqlite.Database): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or closing ledger: the next commit's automatic checkpoint, or closing the connection, does it.
  }
}
