import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../shared/domain';

/** How many copies of each kind are kept; copies made before a migration or by hand are never removed. */
const quota: Partial<Record<BackupKind, number>> = { import: 10, restore: 10, daily: 7 };

export function backupsDir(dbFile: string, dir?: string): string {
  return dir ?? path.join(path.dirname(dbFile), 'backups');
}

const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const isoOf = (stamp: string) => stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A complete, consistent copy of the open database in the backups folder, named
 * `<file>-<kind>-<time>.sqlite` (kind `v1` = made before migrating from schema version 1). VACUUM INTO copies
 * what is committed, including what is still in the WAL, into a compact new file. Older copies of the same
 * kind beyond its quota are then removed. Throws what the copy throws; the database itself is never touched.
 */
export function backupLedger(sqlite: Sqlite.Database, dbFile: string, kind: BackupKind | `v${number}`, options: { dir?: string; now?: Date } = {}): string {
  const dir = backupsDir(dbFile, options.dir);
  fs.mkdirSync(dir, { recursive: true });
  const nameAt = (at: Date) => path.join(dir, `${path.basename(dbFile, path.extname(dbFile))}-${kind}-${stampOf(at)}.sqlite`);
  // Two copies of a kind within one millisecond (a clock held still, in tests, or several programs upgrading
  // one file at once) are told apart by the next one. The name is claimed by creating the empty file ('wx'
  // fails if another program got there first); VACUUM INTO accepts an empty file as its target.
  let at = options.now ?? new Date();
  let target = nameAt(at);
  for (;;) {
    try {
      fs.closeSync(fs.openSync(target, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      at = new Date(at.getTime() + 1);
      target = nameAt(at);
    }
  }
  try {
    sqlite.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  const keep = quota[kind as BackupKind];
  if (keep !== undefined) {
    for (const old of listBackups(dbFile, options.dir).filter((b) => b.kind === kind).slice(keep)) fs.rmSync(old.file, { force: true });
  }
  return target;
}

/** The database's backups, newest first. */
export function listBackups(dbFile: string, dir?: string): BackupInfo[] {
  const folder = backupsDir(dbFile, dir);
  const pattern = new RegExp(`^${escape(path.basename(dbFile, path.extname(dbFile)))}-(v\\d+|import|restore|daily|manual)-(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z)\\.sqlite$`);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    const kind = match[1]!.startsWith('v') ? 'migration' : (match[1] as BackupKind);
    out.push({ file, kind, at: isoOf(match[2]!), bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
