import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
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
  const target = claimName(dbFile, kind, options);
  try {
    sqlite.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return keepQuota(dbFile, kind, options.dir, target);
}

/**
 * The same copy by SQLite's online backup API, about twice as fast as VACUUM INTO (≈ 80 against ≈ 155 ms for
 * a 12 MB ledger), which rebuilds every table and index. It reads through a connection of its own, so it holds
 * exactly what is committed, never the open transaction of another call on the caller's connection; all pages
 * go in one step, under one read transaction, so the copy is one consistent state. The copy is set to a rollback
 * journal, as VACUUM INTO's is, so it opens alone as a single file.
 */
export async function backupLedgerOnline(dbFile: string, kind: BackupKind, options: { dir?: string; now?: Date } = {}): Promise<string> {
  const target = claimName(dbFile, kind, options);
  try {
    const source = new Sqlite(dbFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target, { progress: () => allPages });
    } finally {
      source.close();
    }
    const copy = new Sqlite(target);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return keepQuota(dbFile, kind, options.dir, target);
}

const allPages = 0x7fffffff;

/**
 * Two copies of a kind within one millisecond (a clock held still, in tests, or several programs upgrading
 * one file at once) are told apart by the next one. The name is claimed by creating the empty file ('wx'
 * fails if another program got there first); VACUUM INTO and the backup API accept an empty file as target.
 */
function claimName(dbFile: string, kind: BackupKind | `v${number}`, options: { dir?: string; now?: Date }): string {
  const dir = backupsDir(dbFile, options.dir);
  fs.mkdirSync(dir, { recursive: true });
  const nameAt = (at: Date) => path.join(dir, `${path.basename(dbFile, path.extname(dbFile))}-${kind}-${stampOf(at)}.sqlite`);
  let at = options.now ?? new Date();
  let target = nameAt(at);
  for (;;) {
    try {
      fs.closeSync(fs.openSync(target, 'wx'));
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      at = new Date(at.getTime() + 1);
      target = nameAt(at);
    }
  }
}

/** Removes the older copies of the kind beyond its quota. */
function keepQuota(dbFile: string, kind: BackupKind | `v${number}`, dir: string | undefined, target: string): string {
  const keep = quota[kind as BackupKind];
  if (keep !== undefined) {
    for (const old of listBackups(dbFile, dir).filter((b) => b.kind === kind).slice(keep)) fs.rmSync(old.file, { force: true });
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
