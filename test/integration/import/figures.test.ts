import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../../shared/domain';
import { testBackend } from '../../helpers/backend';
import { runCaptured } from '../../helpers/cli';
import { writeSeedTable } from '../../helpers/seed-tables';
import { tempDir } from '../../helpers/temp';
import { seedsPresent } from '../../unit/text/seedText';

async function importSeed(prefix: '000' | '002', accept = true): Promise<{ db: string; file: string; report: StatusReport }> {
  const dir = tempDir();
  const file = path.join(dir, `seed-${prefix}.xlsx`);
  await writeSeedTable(file, prefix);
  const db = path.join(dir, 'ledger.sqlite');
  const imported = await runCaptured(['import', file, '--db', db, '--json', ...(accept ? ['--accept-figures'] : [])]);
  expect(imported.code, imported.err).toBe(0);
  const status = await runCaptured(['status', '--json', '--db', db]);
  expect(status.code, status.err).toBe(0);
  return { db, file, report: JSON.parse(status.out) as StatusReport };
}

const classes = (report: StatusReport) => report.projects.map((p) => `${p.seq}:${p.status}/${p.light}`);

describe.skipIf(!seedsPresent)('a text-only table imported with --accept-figures is judged from its words', () => {
  it('seed 002 (19 projects, 1-9月): the 11 已完成 completed, the 43% road red and lagging, the 92% car parks on track', async () => {
    const { report } = await importSeed('002');
    expect(report.asOf).toBe('2022-09-30');
    expect(report.projects).toHaveLength(19);
    const byTitle = new Map(report.projects.map((p) => [p.title, p]));
    expect(report.projects.slice(0, 11).map((p) => p.status)).toEqual(Array(11).fill('completed'));
    const road = byTitle.get('加快农村交通物流体系建设')!;
    expect([road.status, road.light]).toEqual(['lagging', 'red']);
    expect(road.reasons[0]).toBe('完成 43%，时序进度 75%，落后 32 个百分点');
    const parking = byTitle.get('加强市区停车场建设')!;
    expect([parking.status, parking.light]).toEqual(['onTrack', 'green']);
    expect(parking.reasons[0]).toBe('依据进展情况“完成全年工作任务的 92%”：时序进度 75%，超前 17 个百分点');
    // Stage words alone ("正在进行项目招标") make no class: a person judges.
    expect(byTitle.get('推进城镇老旧小区提升改造')!.status).toBe('manual');
    expect(report.projects.filter((p) => p.status === 'manual')).toHaveLength(6);
  });

  it('seed 000 (12 projects, 前三季度): judged from the targets in 年度目标 and the figures in 完成情况', async () => {
    const { report } = await importSeed('000');
    expect(report.asOf).toBe('2021-09-30');
    expect(classes(report)).toEqual([
      '1:onTrack/green', // 两癌 68%, the rates met
      '2:completed/green', // 98 of 70 children
      '3:manual/none', // 3006 户: tendering only
      '4:lagging/yellow', // 6 of 12 公里
      '5:onTrack/green', // 5 of 6 台区
      '6:lagging/yellow', // 300 of 500 井盖
      '7:onTrack/green', // 年底前投入使用, not yet due
      '8:onTrack/green', // 8.8 of 9.223 km, 9.54 of 9.64 km
      '9:manual/none', // no target
      '10:manual/none', // the kindergartens have no figure
      '11:completed/green', // 93% ≥ 90%
      '12:completed/green', // 345928 people insured
    ]);
  });

  it('without --accept-figures nothing read from the words is written: every project waits for a person', async () => {
    const { report } = await importSeed('002', false);
    expect(new Set(report.projects.map((p) => p.status))).toEqual(new Set(['manual']));
  });

  it('undoing the import takes the accepted figures back with it', async () => {
    const { db } = await importSeed('002');
    expect((await runCaptured(['imports', 'undo', '1', '--db', db])).code).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    try {
      const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('indicators'), count('indicator_values'), count('stated_completions'), count('projects')]).toEqual([0, 0, 0, 0]);
    } finally {
      sqlite.close();
    }
  });

  it('re-importing the same table proposes no figure again; the provenance of each figure is kept', async () => {
    const { db, file } = await importSeed('002');
    const backend = await testBackend(db);
    try {
      const stage = await backend.do('import.stage', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
      const diff = await backend.do('import.diff', { stagingId: stage.stagingId });
      expect(diff.entries.flatMap((e) => [...e.figures.targets, ...e.figures.actuals, ...(e.figures.stated ? [e.figures.stated] : [])])).toEqual([]);
      const road = (await backend.do('projects.list', { planId: 1 })).find((p) => p.title === '加快农村交通物流体系建设')!;
      const [indicator] = await backend.do('indicators.list', { projectId: road.id });
      expect(indicator).toMatchObject({ name: '新建和改造农村公路', target: 30, unit: '公里', sourceText: '新建和改造农村公路 30 公里以上' });
      const progress = await backend.do('progress.get', { projectId: road.id, periodId: 1 });
      expect(progress.actuals).toEqual([{ indicatorId: indicator!.id, unit: null, actual: 12.85, sourceText: '“湛河区乡村振兴农村公路”项目已完成 12.85 公里' }]);
    } finally {
      backend.close();
    }
  });
});
