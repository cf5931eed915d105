import path from 'node:path';
import type { Output } from '../../shared/api/contract';
import { testBackend, type TestBackend } from './backend';
import { tempDir } from './temp';

export interface Office {
  backend: TestBackend;
  dbPath: string;
  file: Output<'export.period'>;
  key: Output<'keys.info'>;
}

/** An office (its own ledger and key) that reports one project and exports its signed, sealed table. */
export async function officeWithSignedTable(office: string, progress = '救助 12 人'): Promise<Office> {
  const dbPath = path.join(tempDir(), 'ledger.sqlite');
  const backend = await testBackend(dbPath);
  await backend.do('settings.update', { officeName: office });
  const plan = await backend.do('plans.create', { year: 2022, level: 'township', name: '2022年省民生实事叶县' });
  const period = await backend.do('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-07-25' });
  const project = await backend.do('projects.create', { planId: plan.id, title: '实施残疾儿童康复救助', leadUnits: [office] });
  await backend.do('progress.save', { projectId: project.id, periodId: period.id, narrative: progress });
  const prepared = await backend.do('signoff.prepare', { periodId: period.id, preparer: '甲', columns: [] });
  await backend.do('signoff.review', { id: prepared.id, reviewer: '乙' });
  await backend.do('signoff.sign', { id: prepared.id, signer: `${office}镇长` });
  return { backend, dbPath, file: await backend.do('export.period', { periodId: period.id }), key: await backend.do('keys.info', {}) };
}
