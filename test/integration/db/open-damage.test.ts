import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerApplicationId, openLedgerDatabase } from '../../../db/open';
import { migrations } from '../../../db/migrations';
import { LedgerError } from '../../../shared/errors';
import { sha256OfFile } from '../../helpers/files';
import { tempDir } from '../../helpers/temp';
import { damagedLedger } from '../../helpers/damage';

function openError(file: string): LedgerError {
  try {
    openLedgerDatabase(file);
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error('opened');
}

describe('a ledger that cannot be opened', () => {
  it('says it is damaged in Chinese only, without the integrity check’s English report', () => {
    const file = damagedLedger(path.join(tempDir(), 'ledger.sqlite'));
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/已损坏.*backups restore/);
    expect(error.message).not.toMatch(/[A-Za-z]{3,}.*(page|cell|btree|Tree|row)/i);
    expect(error.message.length).toBeLessThan(200);
  });

  it('makes no backup copy at each failed open of an older, damaged file', () => {
    const dir = tempDir();
    const file = damagedLedger(path.join(dir, 'ledger.sqlite'), 1);
    for (let i = 0; i < 3; i++) expect(openError(file).code).toBe('DB_CORRUPT');
    const backups = path.join(dir, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);
  });

  it('makes no backup copy at each failed migration', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    const sqlite = new Sqlite(file);
    sqlite.exec(migrations[0]!.sql);
    sqlite.exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY)'); // the next migration's table, already there
    sqlite.pragma(`application_id = ${ledgerApplicationId}`);
    sqlite.pragma('user_version = 1');
    sqlite.close();
    for (let i = 0; i < 3; i++) expect(() => openLedgerDatabase(file)).toThrow();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('says when a file has ledger tables but its version number was cleared, and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const sqlite = new Sqlite(file);
    for (const migration of migrations) sqlite.exec(migration.sql);
    sqlite.pragma(`application_id = ${ledgerApplicationId}`);
    sqlite.close();
    const before = sha256OfFile(file);
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/版本号为 0/);
    expect(sha256OfFile(file)).toBe(before);

    const foreignId = new Sqlite(file);
    foreignId.pragma('application_id = 0');
    foreignId.close();
    expect(openError(file).message).toMatch(/版本号为 0/);
  });

  it('says a folder given as the database is a folder', () => {
    const dir = tempDir();
    const error = openError(dir);
    expect(error.code).toBe('DB_OPEN_FAILED');
    expect(error.message).toMatch(/是一个文件夹/);
  });

  it('removes what a killed restore or creation left beside the ledger, at the next start', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    await openLedgerDatabase(file).close();
    // A process id no running program has (Linux pids stop well below 2^22).
    const dead = 4_999_999;
    fs.mkdirSync(path.join(dir, `.restore-${dead}-Ab12Cd`));
    fs.writeFileSync(path.join(dir, `.restore-${dead}-Ab12Cd`, 'ledger.sqlite'), 'x'.repeat(4096));
    fs.mkdirSync(path.join(dir, '.restore-XyZ123')); // left by a version that did not name its process
    fs.writeFileSync(path.join(dir, `ledger.sqlite.new-${dead}-1700000000000`), 'x');
    const alive = path.join(dir, `.restore-${process.pid}-Live00`);
    fs.mkdirSync(alive);
    await openLedgerDatabase(file).close();
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(alive), 'ledger.sqlite'].sort());
  });
});
