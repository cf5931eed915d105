import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerApplicationId } from '../../../db/open';
import { migrations } from '../../../db/migrations';
import { snapshotDetail } from '../../../db/migrations/005-snapshot-detail';
import { snapshotFormat, type PeriodSnapshot } from '../../../shared/snapshot';
import { testBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

const oldSnapshot: PeriodSnapshot = {
  format: snapshotFormat,
  office: '叶县人民政府办公室',
  plan: { year: 2022, name: '2022年叶县民生实事', level: 'county' },
  period: { label: '9月', asOf: '2022-09-30' },
  revision: 1,
  revisionReason: '',
  columns: ['status'],
  rows: [{ seq: '1', task: '实施残疾儿童康复救助。全年救助不少于70人。', units: ['县残联'], responsiblePeople: [], leaders: [], progress: '已救助98人', status: '已完成' }],
  signOff: { preparer: '甲', preparedAt: 'x', reviewer: '乙', reviewedAt: 'x', signer: '丙', signedAt: 'x' },
};

describe('migration 008: the bulletin detail beside the sealed snapshot', () => {
  it('adds detail_json to a real file whose signed revision predates it; that revision still makes a bulletin, read from its snapshot', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const before = migrations.indexOf(snapshotDetail);
    const sqlite = new Sqlite(file);
    for (const migration of migrations.slice(0, before)) sqlite.exec(migration.sql);
    sqlite.pragma(`application_id = ${ledgerApplicationId}`);
    sqlite.pragma(`user_version = ${before}`);
    sqlite.prepare("INSERT INTO plans (id, year, level, name, start_date, end_date, created_at, updated_at) VALUES (1, 2022, 'county', '2022年叶县民生实事', '2022-01-01', '2022-12-31', 'x', 'x')").run();
    sqlite.prepare("INSERT INTO periods (id, plan_id, kind, label, start_date, as_of, created_at) VALUES (1, 1, 'month', '9月', '2022-09-01', '2022-09-30', 'x')").run();
    sqlite
      .prepare("INSERT INTO sign_offs (period_id, revision, state, preparer, reviewer, signer, signed_at, snapshot_json) VALUES (1, 1, 'signed', '甲', '乙', '丙', 'x', ?)")
      .run(JSON.stringify(oldSnapshot));
    sqlite.close();

    const backend = await testBackend(file);
    const draft = await backend.do('bulletin.draft', { periodId: 1 });
    expect(draft.source.items).toEqual([
      expect.objectContaining({ title: '实施残疾儿童康复救助', goal: '全年救助不少于70人。', leadUnits: ['县残联'], status: 'completed', progress: [{ unit: null, text: '已救助98人' }] }),
    ]);
    expect(draft.options.distribution).toContain('县委常委');
    backend.close();

    const raw = new Sqlite(file, { readonly: true });
    const columns = (raw.prepare('PRAGMA table_info(sign_offs)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('detail_json');
    // The snapshot the seal covers is exactly as it was.
    expect(JSON.parse((raw.prepare('SELECT snapshot_json AS s FROM sign_offs').get() as { s: string }).s)).toEqual(oldSnapshot);
    raw.close();
  });
});
