import type Sqlite from 'better-sqlite3';

/**
 * Runs a large write (an import) with SQLite's temporary storage in memory, and puts it back after. Inside a
 * transaction every statement of many rows on a table with foreign keys keeps a journal of the pages it changes,
 * to take itself back if a row is refused; past 64 KiB that journal goes to a temporary file, and a first import
 * of 20,000 rows then made some 18,000 writes to it (a tenth of the commit's time, in the kernel). In memory it
 * is a copy per page, dropped when each statement ends. Nothing else is stored differently: the ledger uses no
 * temporary tables (changing the setting would drop them), and what sorts the import's queries need are small.
 * Set where no transaction is open, as SQLite requires; where one is, the setting is left alone.
 */
export async function withStatementJournalInMemory<T>(sqlite: Sqlite.Database, write: () => Promise<T>): Promise<T> {
  const previous = sqlite.inTransaction ? null : (sqlite.pragma('temp_store', { simple: true }) as number);
  if (previous !== null) sqlite.pragma('temp_store = MEMORY');
  try {
    return await write();
  } finally {
    // Should another caller's transaction be open by now, the setting stays: it only keeps a large sort in memory.
    if (previous !== null && !sqlite.inTransaction) sqlite.pragma(`temp_store = ${previous}`);
  }
}
