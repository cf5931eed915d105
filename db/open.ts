import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { LedgerError } from '../shared/errors';
import { backupLedger, backupsDir } from './backups';
import { latestSchemaVersion, migrations } from './migrations';
import type { Database } from './schema';
import { isOnNetworkShare } from './network-share';
import { LedgerSqliteDialect } from './dialect';

/** PRAGMA application_id of every ledger file ('MSLD'): tells our files from any other SQLite file. */
export const ledgerApplicationId = 0x4d534c44;
const sqliteMagic = 'SQLite format 3\0';

export interface OpenOptions {
  /** Where backups go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  now?: () => Date;
}

export interface LedgerDatabase {
  readonly file: string;
  readonly sqlite: Sqlite.Database;
  readonly db: Kysely<Database>;
  readonly schemaVersion: number;
  readonly journalMode: string;
  /** The copy made before migrating an existing file, if one was needed. */
  readonly backupPath: string | null;
  close(): Promise<void>;
}

type FileState = { kind: 'missing' } | { kind: 'empty-sqlite' } | { kind: 'ledger'; userVersion: number };

/**
 * Opens (creating if needed) a ledger database and brings its schema up to date.
 * A file that is not ours, is damaged, or is newer than this app, is refused before anything is written to it.
 */
export function openLedgerDatabase(file: string, options: OpenOptions = {}): LedgerDatabase {
  const absolute = path.resolve(file);
  removeLeftovers(absolute);
  let state = inspect(absolute);
  if (state.kind === 'missing') {
    createLedgerFile(absolute);
    state = inspect(absolute);
  }

  const sqlite = connect(absolute, false);
  try {
    const journalMode = configure(sqlite, absolute);
    if (state.kind === 'ledger') checkIntegrity(sqlite, absolute);
    const backupPath =
      state.kind === 'ledger' && state.userVersion < latestSchemaVersion ? backup(sqlite, absolute, state.userVersion, options) : null;
    const migrated = migrateOrDiscard(sqlite, absolute, backupPath);
    const db = new Kysely<Database>({
      dialect: new LedgerSqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      file: absolute,
      sqlite,
      db,
      schemaVersion: latestSchemaVersion,
      journalMode,
      backupPath: migrated ? backupPath : null,
      // Kysely closes the connection only if it ever used it.
      close: async () => {
        await db.destroy();
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A new ledger is built complete in a file of its own and then linked into place, which fails if the name is
 * taken: two programs starting at once never both migrate one file, and a ledger file is never seen empty — so an
 * empty ledger file can only be damage, and is refused as such.
 */
function createLedgerFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.new-${process.pid}-${Date.now()}`;
  try {
    const sqlite = connect(temp, false);
    try {
      configure(sqlite, file);
      migrate(sqlite);
    } finally {
      sqlite.close();
    }
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Where hard links are not supported, an exclusive copy gives the same "first one wins".
      if (code !== 'EEXIST') fs.copyFileSync(temp, file, fs.constants.COPYFILE_EXCL);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asOpenError(error, file);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${temp}${suffix}`, { force: true });
  }
}

/**
 * A program killed while creating or restoring this ledger leaves its work beside it (`<file>.new-<pid>-…`,
 * `.restore-<pid>-…`); the next start removes what belongs to a process that is no longer running.
 */
function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const base = path.basename(file);
  for (const name of names) {
    const rest = name.startsWith(`${base}.new-`) ? name.slice(base.length + 5) : name.startsWith('.restore-') ? name.slice(9) : null;
    if (rest === null) continue;
    const pid = Number(/^(\d+)-/.exec(rest)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads what kind of file this is without writing a byte to it. */
function inspect(file: string): FileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.isDirectory()) {
    throw new LedgerError('DB_OPEN_FAILED', `“${file}”是一个文件夹，不是台账数据库文件。请指定其中的数据库文件，例如“${path.join(file, 'ledger.sqlite')}”。`);
  }
  if (stat.size === 0) {
    throw new LedgerError('DB_CORRUPT', `数据库文件“${path.basename(file)}”是空的（0 字节），可能在写入时被中断。${restoreHint}`);
  }
  if (stat.size < 100 || readHeader(file) !== sqliteMagic) throw notLedger(file);

  const sqlite = connect(file, true);
  try {
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (applicationId !== ledgerApplicationId) {
      const objects = sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
      if (objects.n === 0 && userVersion === 0) return { kind: 'empty-sqlite' };
      throw hasLedgerTables(sqlite) && userVersion === 0 ? versionLost(file) : notLedger(file);
    }
    if (userVersion === 0) throw versionLost(file);
    if (userVersion > latestSchemaVersion) {
      throw new LedgerError(
        'DB_TOO_NEW',
        `数据库“${path.basename(file)}”由更新版本的台账程序创建（数据版本 ${userVersion}，本程序支持到 ${latestSchemaVersion}）。请升级程序后再打开；文件未做任何改动。`,
      );
    }
    return { kind: 'ledger', userVersion };
  } catch (error) {
    throw asOpenError(error, file);
  } finally {
    sqlite.close();
  }
}

function hasLedgerTables(sqlite: Sqlite.Database): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('plans', 'projects', 'sign_offs')").get() as { n: number };
  return row.n === 3;
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    fs.readSync(fd, buffer, 0, 16, 0);
    return buffer.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** better-sqlite3 13 loads its prebuilt Node-API binding in Node and Electron alike: no binding to choose. */
function connect(file: string, readonly: boolean): Sqlite.Database {
  try {
    return new Sqlite(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw asOpenError(error, file);
  }
}

function backup(sqlite: Sqlite.Database, file: string, fromVersion: number, options: OpenOptions): string {
  try {
    return backupLedger(sqlite, file, `v${fromVersion}`, { ...(options.backupDir ? { dir: options.backupDir } : {}), ...(options.now ? { now: options.now() } : {}) });
  } catch (error) {
    throw new LedgerError('DB_OPEN_FAILED', `升级数据库前无法备份到“${backupsDir(file, options.backupDir)}”，未做任何改动。请检查磁盘空间和文件夹权限。`, {
      cause: error,
    });
  }
}

/** WAL with full sync for official records; WAL cannot work on a network share, so fall back there. */
function configure(sqlite: Sqlite.Database, file: string): string {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const wanted = isOnNetworkShare(file) ? 'DELETE' : 'WAL';
  let journalMode: string;
  try {
    journalMode = String(sqlite.pragma(`journal_mode = ${wanted}`, { simple: true }));
  } catch (error) {
    throw asOpenError(error, file);
  }
  sqlite.pragma('synchronous = FULL');
  return journalMode;
}

/** The check's own report is for support staff (it can run to thousands of English lines); a user is told what to do. */
function checkIntegrity(sqlite: Sqlite.Database, file: string): void {
  let result: unknown;
  try {
    result = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    throw asOpenError(error, file);
  }
  if (result !== 'ok') {
    throw new LedgerError('DB_CORRUPT', `数据库文件“${path.basename(file)}”已损坏（完整性检查未通过）。${restoreHint}`, { cause: new Error(String(result)) });
  }
}

/**
 * Applies the migrations this file lacks, all in one transaction under the write lock, reading the version
 * again inside it: a second program opening the same older file at once waits, then finds nothing left to do.
 * Returns whether anything was migrated; a copy made beforehand for a migration someone else did is removed.
 */
function migrateOrDiscard(sqlite: Sqlite.Database, file: string, backupPath: string | null): boolean {
  let migrated: boolean;
  try {
    migrated = migrate(sqlite);
  } catch (error) {
    // Nothing was changed (the transaction rolled back): a copy per failed start would only fill the disk.
    if (backupPath) fs.rmSync(backupPath, { force: true });
    throw asOpenError(error, file);
  }
  if (!migrated && backupPath) fs.rmSync(backupPath, { force: true });
  return migrated;
}

function migrate(sqlite: Sqlite.Database): boolean {
  return sqlite
    .transaction(() => {
      const current = sqlite.pragma('user_version', { simple: true }) as number;
      const pending = migrations.filter((m) => m.version > current);
      for (const migration of pending) sqlite.exec(migration.sql);
      if (pending.length === 0) return false;
      sqlite.pragma(`application_id = ${ledgerApplicationId}`);
      sqlite.pragma(`user_version = ${latestSchemaVersion}`);
      return true;
    })
    .immediate();
}

const restoreHint = '请从备份恢复：在程序的恢复界面选择一份备份，或使用命令“ledger backups list”和“ledger backups restore”。';

function versionLost(file: string): LedgerError {
  return new LedgerError(
    'DB_CORRUPT',
    `数据库“${path.basename(file)}”含有台账数据，但记录数据版本的文件头已被清除（版本号为 0），无法判断应如何升级。为免损坏数据，程序没有改动它。${restoreHint}`,
  );
}

function notLedger(file: string): LedgerError {
  return new LedgerError('DB_NOT_LEDGER', `“${path.basename(file)}”不是台账数据库文件，未做任何改动。请选择由本程序创建的 .sqlite 文件。`);
}

function asOpenError(error: unknown, file: string): LedgerError {
  if (error instanceof LedgerError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return notLedger(file);
  if (code === 'EISDIR') return new LedgerError('DB_OPEN_FAILED', `“${file}”是一个文件夹，不是台账数据库文件。`, { cause: error });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('DB_LOCKED', `数据库“${path.basename(file)}”正被其他程序占用，请关闭后重试。`, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new LedgerError('DB_CORRUPT', `数据库文件“${path.basename(file)}”已损坏。${restoreHint}`, { cause: error });
  }
  return new LedgerError('DB_OPEN_FAILED', `无法打开数据库“${file}”：${(error as Error)?.message ?? String(error)}`, { cause: error });
}
