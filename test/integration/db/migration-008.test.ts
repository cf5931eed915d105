import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/migrations';
import { openLedgerDatabase } from '../../../db/open';
import { ledgerAtVersion } from '../../helpers/old-ledger';
import { tempDir } from '../../helpers/temp';

describe('migration 8: an import logs the projects it created as one run of ids', () => {
  it('upgrades a version-7 ledger on a real file, keeping its entries as entries for one id, and refuses a run that ends before it starts', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const old = ledgerAtVersion(file, 7);
    old.exec(`
      INSERT INTO plans (id, year, level, name, start_date, end_date, created_at, updated_at) VALUES (1, 2022, 'district', '计划', '2022-01-01', '2022-12-31', 'x', 'x');
      INSERT INTO import_batches (id, plan_id, file_name, sha256, format, imported_at) VALUES (1, 1, 'a.xlsx', '${'a'.repeat(64)}', 'xlsx', 'x');
      INSERT INTO import_batch_items (batch_id, entity, entity_id, action) VALUES (1, 'project', 1, 'create'), (1, 'project', 2, 'create');
    `);
    old.close();

    const ledger = openLedgerDatabase(file);
    try {
      expect(ledger.schemaVersion).toBe(latestSchemaVersion);
      const sqlite = ledger.sqlite;
      expect(sqlite.prepare('SELECT entity_id, last_entity_id FROM import_batch_items ORDER BY id').all()).toEqual([
        { entity_id: 1, last_entity_id: null },
        { entity_id: 2, last_entity_id: null },
      ]);
      sqlite.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action, last_entity_id) VALUES (1, 'project', 3, 'create', 20000)").run();
      expect(() => sqlite.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action, last_entity_id) VALUES (1, 'project', 9, 'create', 8)").run()).toThrow(/CHECK/);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await ledger.close();
    }
  });
});
