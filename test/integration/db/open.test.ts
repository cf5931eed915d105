import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerApplicationId, openLedgerDatabase } from '../../../db/open';
import { latestSchemaVersion, migrations } from '../../../db/migrations';
import { LedgerError } from '../../../shared/errors';
import { sha256OfFile } from '../../helpers/files';
import { tempDir } from '../../helpers/temp';

/** A real file as an older version of the app left it: the first `version` migrations applied. */
function makeDatabaseAtVersion(file: string, version: number): void {
  const sqlite = new Sqlite(file);
  for (const migration of migrations.slice(0, version)) sqlite.exec(migration.sql);
  sqlite.pragma(`application_id = ${ledgerApplicationId}`);
  sqlite.pragma(`user_version = ${version}`);
  sqlite
    .prepare("INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2021, 'district', '旧计划', '2021-01-01', '2021-12-31', 'x', 'x')")
    .run();
  sqlite.close();
}

function expectLedgerError(run: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(LedgerError);
  expect((thrown as LedgerError).code).toBe(code);
  expect((thrown as LedgerError).message).toMatch(/[\u4e00-\u9fff]/);
}

describe('opening a ledger database', () => {
  it('creates a new file at the latest schema version, in WAL mode with foreign keys on', async () => {
    const file = path.join(tempDir(), 'sub', 'ledger.sqlite');
    const ledger = openLedgerDatabase(file);
    expect(ledger.schemaVersion).toBe(latestSchemaVersion);
    expect(ledger.journalMode).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ledger.backupPath).toBeNull();
    await ledger.close();

    const raw = new Sqlite(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(raw.pragma('application_id', { simple: true })).toBe(ledgerApplicationId);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('numbers the migrations 1, 2, … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  for (let version = 1; version < latestSchemaVersion; version++) {
    it(`upgrades a version ${version} file, keeping its data and backing it up first`, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'ledger.sqlite');
      makeDatabaseAtVersion(file, version);
      const before = sha256OfFile(file);

      const ledger = openLedgerDatabase(file);
      expect(ledger.schemaVersion).toBe(latestSchemaVersion);
      const plans = await ledger.db.selectFrom('plans').select('name').execute();
      expect(plans).toEqual([{ name: '旧计划' }]);
      await ledger.close();

      expect(ledger.backupPath).not.toBeNull();
      const backup = new Sqlite(ledger.backupPath!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(version);
      expect(backup.prepare('SELECT name FROM plans').all()).toEqual([{ name: '旧计划' }]);
      backup.close();
      expect(before).not.toBe(sha256OfFile(file));
    });
  }

  it('opens a current file again without migrating or backing up', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    await openLedgerDatabase(file).close();
    const again = openLedgerDatabase(file);
    expect(again.backupPath).toBeNull();
    await again.close();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('refuses a file from a newer version of the app and leaves it byte for byte unchanged', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    makeDatabaseAtVersion(file, latestSchemaVersion);
    const raw = new Sqlite(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const before = sha256OfFile(file);
    expectLedgerError(() => openLedgerDatabase(file), 'DB_TOO_NEW');
    expect(sha256OfFile(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database at all, unchanged', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, '这不是数据库，而是一段文字。'.repeat(20));
    const before = sha256OfFile(file);
    expectLedgerError(() => openLedgerDatabase(file), 'DB_NOT_LEDGER');
    expect(sha256OfFile(file)).toBe(before);
  });

  it("refuses another program's SQLite database, unchanged", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Sqlite(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = sha256OfFile(file);
    expectLedgerError(() => openLedgerDatabase(file), 'DB_NOT_LEDGER');
    expect(sha256OfFile(file)).toBe(before);
  });

  it('refuses an empty (zero-byte) ledger file like a damaged one, leaving it as it is', () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    fs.writeFileSync(file, '');
    expectLedgerError(() => openLedgerDatabase(file), 'DB_CORRUPT');
    expect(() => openLedgerDatabase(file)).toThrow(/是空的（0 字节）.*backups restore/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('rolls back a failing migration completely, leaving the old version in place', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    makeDatabaseAtVersion(file, 1);
    // A table the next migration wants to create already exists: that migration must fail as a whole.
    const raw = new Sqlite(file);
    raw.exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY)');
    raw.close();
    expect(() => openLedgerDatabase(file)).toThrow();
    const after = new Sqlite(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'periods'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('will not let a signed revision be edited or deleted, even by direct SQL', async () => {
    const ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
    const s = ledger.sqlite;
    s.prepare("INSERT INTO plans (year, level, name, start_date, end_date, created_at, updated_at) VALUES (2022, 'county', 'p', '2022-01-01', '2022-12-31', 'x', 'x')").run();
    s.prepare("INSERT INTO periods (plan_id, kind, label, start_date, as_of, created_at) VALUES (1, 'month', '9月', '2022-09-01', '2022-09-30', 'x')").run();
    s.prepare("INSERT INTO sign_offs (period_id, revision, state, signer) VALUES (1, 1, 'signed', '张三')").run();
    expect(() => s.prepare("UPDATE sign_offs SET signer = '李四'").run()).toThrow(/SIGNED_REVISION_LOCKED/);
    expect(() => s.prepare('DELETE FROM sign_offs').run()).toThrow(/SIGNED_REVISION_LOCKED/);
    await ledger.close();
  });
});
