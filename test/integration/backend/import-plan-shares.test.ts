/**
 * The diff's plan is kept, one per row, until the commit: 100,000 rows must fit in 600 MB (issue #13). A row
 * whose names the directory names alike keeps the row's own lists, and a new project's figures are the ones
 * its preview read, not copies of them; next month's plan still names what changed.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedgerDatabase, type LedgerDatabase } from '../../../db/open';
import { planRows } from '../../../electron/backend/features/import/plan-rows';
import { resolveTarget } from '../../../electron/backend/features/import/target';
import { tableWithFigures } from '../../../electron/backend/features/import/understood';
import { understandTable } from '../../../shared/import/understand';
import { tempDir } from '../../helpers/temp';

let ledger: LedgerDatabase | null = null;
afterEach(async () => {
  await ledger?.close();
  ledger = null;
});

const grid = {
  cells: [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['填报单位：叶县人民政府办公室', '', '', '截至日期：2022年7月25日'],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
    [1, '第1项民生实事。全年完成技能培训3万人次。', '县人社局', '王 晓 滕跃峰', '胡炜哲', '已完成技能培训1.2万人次。'],
    [2, '第2项民生实事。新建公园2个。', '县城管局\n县住建局', '虎永福', '胡炜哲', '县城管局：已开工。\n县住建局：已完成招标。'],
  ],
  merges: [],
};

describe('the plan of a first import', () => {
  it('keeps the rows’ own name lists and figures', async () => {
    ledger = openLedgerDatabase(path.join(tempDir(), 'ledger.sqlite'));
    const table = tableWithFigures(understandTable(grid), 2022);
    const target = await resolveTarget(ledger.db, table, {});
    const rows = await planRows({ db: ledger.db, sqlite: ledger.sqlite }, table, target);
    expect(rows).toHaveLength(2);
    for (const plan of rows) {
      expect(plan.entry.kind).toBe('new');
      for (const role of ['leadUnits', 'supportUnits', 'responsiblePeople', 'leaders'] as const) expect(plan.names[role]).toBe(plan.row[role]);
      expect(plan.figures).toBe((plan.row as (typeof table.rows)[number]).figures);
      expect(plan.entry.changes.map((c) => c.field)).toContain('leaders');
    }
    expect(rows[0]!.names.responsiblePeople).toEqual(['王晓', '滕跃峰']);
    expect(rows[0]!.figures.targets.length).toBeGreaterThan(0);
  });
});
