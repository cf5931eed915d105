import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/migrations';
import { openLedgerDatabase } from '../../../db/open';
import { ledgerAtVersion } from '../../helpers/old-ledger';
import { tempDir } from '../../helpers/temp';

describe('migration 6: figures read from the words', () => {
  it('upgrades a version-5 ledger on a real file, keeping its undo log, and accepts stated completions', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const old = ledgerAtVersion(file, 5);
    old.exec(`
      INSERT INTO plans (id, year, level, name, start_date, end_date, created_at, updated_at) VALUES (1, 2022, 'district', '计划', '2022-01-01', '2022-12-31', 'x', 'x');
      INSERT INTO projects (id, plan_id, seq, title, created_at, updated_at) VALUES (1, 1, 1, '实事', 'x', 'x');
      INSERT INTO periods (id, plan_id, kind, label, start_date, as_of, created_at) VALUES (1, 1, 'quarter', '三季度', '2022-07-01', '2022-09-30', 'x');
      INSERT INTO indicators (id, project_id, name, kind, target, unit, created_at, updated_at) VALUES (1, 1, '公路', 'length', 30, '公里', 'x', 'x');
      INSERT INTO import_batches (id, plan_id, period_id, file_name, sha256, format, imported_at) VALUES (1, 1, 1, 'a.xlsx', '${'a'.repeat(64)}', 'xlsx', 'x');
      INSERT INTO import_batch_items (batch_id, entity, entity_id, action) VALUES (1, 'project', 1, 'create'), (1, 'indicator', 1, 'create');
    `);
    old.close();

    const ledger = openLedgerDatabase(file);
    try {
      expect(ledger.schemaVersion).toBe(latestSchemaVersion);
      const sqlite = ledger.sqlite;
      expect(sqlite.prepare('SELECT entity FROM import_batch_items ORDER BY id').all()).toEqual([{ entity: 'project' }, { entity: 'indicator' }]);
      expect(sqlite.prepare('SELECT source_text FROM indicators').get()).toEqual({ source_text: '' });
      sqlite.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action) VALUES (1, 'stated', 1, 'create')").run();
      sqlite.prepare("INSERT INTO stated_completions (project_id, period_id, share, done, words, updated_at) VALUES (1, 1, 43, 0, '完成全年任务的43%', 'x')").run();
      // One statement per project and period; no empty words, no negative share.
      expect(() => sqlite.prepare("INSERT INTO stated_completions (project_id, period_id, share, done, words, updated_at) VALUES (1, 1, 50, 0, '完成50%', 'x')").run()).toThrow(/UNIQUE/);
      expect(() => sqlite.prepare("INSERT INTO stated_completions (project_id, period_id, share, done, words, updated_at) VALUES (1, 1, -1, 0, '', 'x')").run()).toThrow(/CHECK|UNIQUE/);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await ledger.close();
    }
  });
});
