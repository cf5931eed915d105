import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { testBackend } from '../../helpers/backend';
import { damageInPlace } from '../../helpers/damage';
import { tempDir } from '../../helpers/temp';

/** A ledger with one plan and a copy of it made by hand, then damaged. */
export async function damagedWithBackup(dir: string): Promise<{ db: string; backup: string }> {
  const db = path.join(dir, 'ledger.sqlite');
  const backend = await testBackend(db);
  await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年县重点民生实事', region: '' });
  const backup = await backend.do('backups.create', {});
  backend.close();
  damageInPlace(db);
  return { db, backup: path.basename(backup.file) };
}

describe('a damaged ledger from the command line', () => {
  it('lists its backups and restores one without opening it, keeping the damaged file aside', async () => {
    const dir = tempDir();
    const { db, backup } = await damagedWithBackup(dir);
    const damagedBytes = fs.readFileSync(db);
    const env = { ...process.env, LEDGER_DATA_DIR: dir };

    const refused = await runCaptured(['plans', 'list', '--db', db, '--json'], env);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).error).toMatchObject({ code: 'DB_CORRUPT' });

    const listed = await runCaptured(['backups', 'list', '--db', db, '--json'], env);
    expect(listed.err).toBe('');
    expect(JSON.parse(listed.out).backups.map((b: { file: string }) => path.basename(b.file))).toContain(backup);

    const restored = await runCaptured(['backups', 'restore', backup, '--db', db], env);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    const aside = fs.readdirSync(dir).find((name) => name.includes('.damaged-'))!;
    expect(restored.out).toContain(aside);
    expect(fs.readFileSync(path.join(dir, aside)).equals(damagedBytes)).toBe(true);

    const plans = await runCaptured(['plans', 'list', '--db', db], env);
    expect(plans.code).toBe(0);
    expect(plans.out).toContain('2022年县重点民生实事');
  });

  it('refuses a backup that is itself damaged, leaving the ledger as it was', async () => {
    const dir = tempDir();
    const { db, backup } = await damagedWithBackup(dir);
    damageInPlace(path.join(dir, 'backups', backup));
    const before = fs.readFileSync(db);
    const run = await runCaptured(['backups', 'restore', backup, '--db', db, '--json'], { ...process.env, LEDGER_DATA_DIR: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out).error.message).toMatch(/无法使用，台账未做任何改动/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.damaged-') || name.startsWith('.restore-'))).toEqual([]);
  });
});
