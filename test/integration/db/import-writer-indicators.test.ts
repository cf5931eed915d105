/**
 * The import writes the indicators it creates in bulk, giving them their ids and positions itself
 * (import-writer.ts). What it writes must be what the repository's `insertIndicator` writes one by one: the
 * next free id, and each project's next position — after the indicators the ledger already has.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Indicator } from '../../../shared/domain';
import { openLedgerDatabase, type LedgerDatabase } from '../../../db/open';
import { insertBatch } from '../../../db/repositories/import-batches';
import { importWriter } from '../../../db/repositories/import-writer';
import { insertIndicator, listIndicators } from '../../../db/repositories/indicators';
import { insertPlan } from '../../../db/repositories/plans';
import { tempDir } from '../../helpers/temp';

const now = '2022-10-25T08:00:00.000Z';
let ledger: LedgerDatabase | undefined;
afterEach(async () => ledger?.close());

const fields = (name: string): Omit<Indicator, 'id' | 'position' | 'projectId'> => ({
  name,
  kind: 'count',
  comparator: '>=',
  target: 10,
  unit: '人',
  approximate: false,
  deadline: null,
  sourceText: `全年${name}10人`,
});

/** A ledger with one plan whose project 1 has indicators at positions 0 and 1, and one indicator deleted after them. */
async function ledgerWithIndicators(): Promise<{ planId: number; projectId: number }> {
  ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
  const plan = await insertPlan(ledger.db, { year: 2022, level: 'county', name: '2022年民生实事', region: '', startDate: '2022-01-01', endDate: '2022-12-31', createdAt: now, updatedAt: now });
  const { sqlite } = ledger;
  const projectId = Number(
    sqlite.prepare("INSERT INTO projects (plan_id, seq, section, title, goal, created_at, updated_at) VALUES (?, 1, '', '已有项目', '', ?, ?)").run(plan.id, now, now).lastInsertRowid,
  );
  await insertIndicator(ledger.db, projectId, fields('救助'), now);
  await insertIndicator(ledger.db, projectId, fields('培训'), now);
  const dropped = await insertIndicator(ledger.db, projectId, fields('删除的'), now);
  sqlite.prepare('DELETE FROM indicators WHERE id = ?').run(dropped);
  return { planId: plan.id, projectId };
}

describe('indicators written by an import', () => {
  it('continue an existing project’s positions, start a new project’s at 0, and take the next free ids, as one-by-one inserts do', async () => {
    const { planId, projectId } = await ledgerWithIndicators();
    const { sqlite, db } = ledger!;
    const before = await listIndicators(db, projectId);
    expect(before.map((i) => i.position)).toEqual([0, 1]);

    // The writer logs the projects it creates in the batch's undo log: a batch to log them in.
    const batchId = await insertBatch(db, { planId, periodId: null, fileName: 'a.xlsx', sha256: 'a'.repeat(64), format: 'xlsx', sheet: '表', mappingJson: '[]', countsJson: '{}', actor: '测试员', importedAt: now });
    sqlite.exec('BEGIN');
    const writer = importWriter(sqlite, { planId, batchId, actor: '测试员', now });
    const added = [writer.insertIndicator(projectId, fields('新增一')), writer.insertIndicator(projectId, fields('新增二'))];
    const fresh = writer.insertProject({ planId, seq: 2, section: '', title: '新项目', goal: '' }, { leadUnits: [], supportUnits: [], responsiblePeople: [], leaders: [] });
    const freshAdded = [writer.insertIndicator(fresh, fields('甲')), writer.insertIndicator(fresh, fields('乙'))];
    writer.finish();
    sqlite.exec('COMMIT');

    // SQLite gives an INTEGER PRIMARY KEY the largest id in use plus one: the deleted indicator's id is free again.
    const largest = Math.max(...before.map((i) => i.id));
    expect([...added, ...freshAdded]).toEqual([largest + 1, largest + 2, largest + 3, largest + 4]);
    const existing = await listIndicators(db, projectId);
    expect(existing.map((i) => [i.name, i.position])).toEqual([['救助', 0], ['培训', 1], ['新增一', 2], ['新增二', 3]]);
    expect(existing[2]).toEqual({ ...before[0], ...fields('新增一'), id: added[0], position: 2 });
    const made = await listIndicators(db, fresh);
    expect(made.map((i) => [i.id, i.name, i.position])).toEqual([[freshAdded[0], '甲', 0], [freshAdded[1], '乙', 1]]);
  });
});
