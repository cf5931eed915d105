/**
 * The import's read path (`importReader`) returns what the repositories' Kysely queries return, in the same
 * order and with the same keys: the plan of next month's rows is made from it, and a project's object goes
 * into the undo log as JSON.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openLedgerDatabase } from '../../../db/open';
import { importReader } from '../../../db/repositories/import-reader';
import { listPeriods } from '../../../db/repositories/periods';
import { periodReports } from '../../../db/repositories/progress';
import { listProjects } from '../../../db/repositories/projects';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { countyTable, type CountyRow } from '../../helpers/county-table';

let backend: TestBackend;
afterEach(() => backend?.close());

/** Projects with one unit or two (their progress split by unit), several people, and figures in the words. */
function table(month: number): Buffer {
  const rows: CountyRow[] = [];
  for (let i = 1; i <= 12; i++) {
    const two = i % 3 === 0;
    rows.push([
      i,
      `第${i}项民生实事。全年完成技能培训${i}万人次。`,
      two ? '县城管局\n县住建局' : i % 2 ? '县人社局' : '县医保局',
      i % 2 ? '虎永福' : '王 晓 滕跃峰',
      '胡炜哲',
      two ? `县城管局：已整改病害井盖${i + month}座。\n县住建局：已完成招标。` : `已完成技能培训${(i * month) / 10}万人次。`,
    ]);
  }
  return countyTable(month, rows);
}

async function importMonth(month: number): Promise<number> {
  const staged = await backend.do('import.stage', { fileName: `county-${month}.xlsx`, contentBase64: table(month).toString('base64') });
  const batch = await backend.do('import.commit', { stagingId: staged.stagingId, figures: 'all' });
  return batch.planId!;
}

describe('the import reader', () => {
  it('reads a plan’s projects with their links, and a period’s narratives, as the repositories do', async () => {
    backend = await testBackend();
    const planId = await importMonth(7);
    await importMonth(8);
    const projects = await backend.do('projects.list', { planId });
    // A deleted project is not listed; another plan's projects are not either.
    await backend.do('projects.delete', { id: projects[1]!.id });
    await backend.do('projects.create', { planId, title: '手工添加的实事', goal: '', section: '', deadline: null, leadUnits: ['县财政局', '县人社局'], supportUnits: [], responsiblePeople: [], leaders: ['胡炜哲'] });
    const file = backend.dbPath;
    backend.close();

    const ledger = openLedgerDatabase(file);
    const { db } = ledger;
    const reader = importReader(ledger.sqlite);
    const expected = await listProjects(db, planId);
    expect(expected.length).toBe(12);
    expect(expected.some((p) => p.leadUnits.length === 2 && p.responsiblePeople.length === 2)).toBe(true);
    // Same keys in the same order: JSON alike, not only equal.
    expect(JSON.stringify(reader.projects(planId))).toBe(JSON.stringify(expected));
    expect(reader.projects(planId + 1)).toEqual([]);

    const periods = await listPeriods(db, planId);
    expect(periods.length).toBe(2);
    for (const period of periods) {
      const reports = await periodReports(db, period.id);
      expect(reports.narratives.some((n) => n.unit !== null)).toBe(true);
      expect(reader.narrativeTexts(period.id)).toEqual(reports.narratives.map((n) => [n.projectId, n.narrative]));
    }
    await ledger.close();
  });
});
