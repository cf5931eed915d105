import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerApplicationId } from '../../../db/open';
import { latestSchemaVersion, migrations } from '../../../db/migrations';
import { tsx } from '../../helpers/processes';
import { tempDir } from '../../helpers/temp';

const opener = path.resolve(import.meta.dirname, '../../helpers/open-at.ts');

function runOpeners(count: number, files: string[]): Promise<string[]> {
  // Far enough ahead for every process to have started and loaded the code.
  const startAt = String(Date.now() + 4000);
  const runs = Array.from({ length: count }, () => {
    const child = spawn(tsx, [opener, startAt, ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    return new Promise<string>((resolve) => child.on('close', () => resolve(out)));
  });
  return Promise.all(runs).then((outs) => outs.flatMap((out) => out.trim().split('\n')));
}

function olderFile(file: string, version: number): string {
  const sqlite = new Sqlite(file);
  for (const migration of migrations.slice(0, version)) sqlite.exec(migration.sql);
  sqlite.pragma(`application_id = ${ledgerApplicationId}`);
  sqlite.pragma(`user_version = ${version}`);
  sqlite.close();
  return file;
}

describe('several programs opening one file at the same moment', () => {
  it('all open a new or an older file, migrated once, with no "table already exists" (real processes)', async () => {
    const dir = tempDir();
    const fresh = ['a', 'b', 'c'].map((n) => path.join(dir, n, 'ledger.sqlite'));
    const older = [1, 2, 3].map((v) => olderFile(path.join(dir, `v${v}.sqlite`), v));
    const results = await runOpeners(4, [...fresh, ...older]);
    expect(results).toHaveLength(4 * 6);
    expect(results.filter((line) => line !== '{"ok":true}')).toEqual([]);
    for (const file of [...fresh, ...older]) {
      const raw = new Sqlite(file, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      raw.close();
    }
    // One copy per older file: the programs that found it already migrated keep none.
    expect(fs.readdirSync(path.join(dir, 'backups')).length).toBe(older.length);
  }, 40_000);
});
