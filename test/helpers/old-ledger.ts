import Sqlite from 'better-sqlite3';
import { migrations } from '../../db/migrations';
import { ledgerApplicationId } from '../../db/open';

/** A ledger file as a version of the app that knew only the first `version` migrations left it, open for rows to be added. */
export function ledgerAtVersion(file: string, version: number): Sqlite.Database {
  const old = new Sqlite(file);
  for (const m of migrations.slice(0, version)) old.exec(m.sql);
  old.pragma(`application_id = ${ledgerApplicationId}`);
  old.pragma(`user_version = ${version}`);
  return old;
}
