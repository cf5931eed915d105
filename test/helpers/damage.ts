import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import { ledgerApplicationId } from '../../db/open';
import { migrations } from '../../db/migrations';

/** A ledger at `version` with enough rows to span many pages, then pages past the first overwritten with noise. */
export function damagedLedger(file: string, version = migrations.length): string {
  const sqlite = new Sqlite(file);
  for (const migration of migrations.slice(0, version)) sqlite.exec(migration.sql);
  sqlite.pragma(`application_id = ${ledgerApplicationId}`);
  sqlite.pragma(`user_version = ${version}`);
  const insert = sqlite.prepare("INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2022, 'county', ?, '2022-01-01', '2022-12-31', 'x', 'x')");
  sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`计划${i}`.padEnd(60, '〇'));
  })();
  sqlite.close();
  const fd = fs.openSync(file, 'r+');
  const page = 4096;
  const noise = Buffer.alloc(page * 6, 0x5a);
  fs.writeSync(fd, noise, 0, noise.length, page * 3);
  fs.closeSync(fd);
  return file;
}


/** Damages a ledger in place, as a failing disk would: its pages past the first few overwritten with noise. */
export function damageInPlace(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const noise = Buffer.alloc(4096 * 4, 0x5a);
  fs.writeSync(fd, noise, 0, noise.length, 4096 * 2);
  fs.closeSync(fd);
}
