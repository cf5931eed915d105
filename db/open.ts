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

type FileState = { kind: 'new' } | { kind: 'ledger'; userVersion: number };

/**
 * Opens (creating if needed) a ledger database and brings its schema up to date.
 * A file that is not ours, or is newer than this app, is refused before anything is written to it.
 */
export function openLedgerDatabase(file: string, options: OpenOptions = {}): LedgerDatabase {
  const absolute = path.resolve(file);
  const state = inspect(absolute);
  if (state.kind === 'new') fs.mkdirSync(path.dirname(absolute), { recursive: true });

  const sqlite = connect(absolute, false);
  try {
    const backupPath =
      state.kind === 'ledger' && state.userVersion < latestSchemaVersion
        ? backup(sqlite, absolute, state.userVersion, options)
        : null;
    const journalMode = configure(sqlite, absolute);
    if (state.kind === 'ledger') checkIntegrity(sqlite);
    migrate(sqlite, state.kind === 'new' ? 0 : state.userVersion);
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
      backupPath,
      close: () => db.destroy(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Reads what kind of file this is without writing a byte to it. */
function inspect(file: string): FileState {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { kind: 'new' };
  }
  if (size === 0) return { kind: 'new' };
  if (size < 100 || readHeader(file) !== sqliteMagic) throw notLedger(file);

  const sqlite = connect(file, true);
  try {
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (applicationId !== ledgerApplicationId) {
      const objects = sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
      if (objects.n === 0 && userVersion === 0) return { kind: 'new' };
      throw notLedger(file);
    }
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

function checkIntegrity(sqlite: Sqlite.Database): void {
  const result = sqlite.pragma('quick_check', { simple: true });
  if (result !== 'ok') {
    throw new LedgerError('DB_CORRUPT', `数据库文件已损坏（${String(result)}）。请从 backups 文件夹中的备份恢复。`);
  }
}

function migrate(sqlite: Sqlite.Database, fromVersion: number): void {
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite.pragma(`application_id = ${ledgerApplicationId}`);
      sqlite.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function notLedger(file: string): LedgerError {
  return new LedgerError('DB_NOT_LEDGER', `“${path.basename(file)}”不是台账数据库文件，未做任何改动。请选择由本程序创建的 .sqlite 文件。`);
}

function asOpenError(error: unknown, file: string): LedgerError {
  if (error instanceof LedgerError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return notLedger(file);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('DB_LOCKED', `数据库“${path.basename(file)}”正被其他程序占用，请关闭后重试。`, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new LedgerError('DB_CORRUPT', `数据库文件“${path.basename(file)}”已损坏。请从 backups 文件夹中的备份恢复。`, { cause: error });
  }
  return new LedgerError('DB_OPEN_FAILED', `无法打开数据库“${file}”：${(error as Error)?.message ?? String(error)}`, { cause: error });
}
