import type Sqlite from 'better-sqlite3';

/**
 * Changes to the ledger: `data_version` moves when another connection commits, `total_changes()` when this
 * one writes; both unchanged means the ledger is as it was.
 */
export function ledgerVersion(sqlite: Sqlite.Database): string {
  const changes = sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${changes}`;
}
