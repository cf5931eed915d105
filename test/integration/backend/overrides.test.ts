import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

async function planWithThreeMonths(b: TestBackend) {
  const plan = await b.do('plans.create', { year: 2022, level: 'county', name: '2022年民生实事' });
  const project = await b.do('projects.create', { planId: plan.id, title: '老旧小区改造', leadUnits: ['县住建局'] });
  const indicator = await b.do('indicators.create', { projectId: project.id, name: '改造', kind: 'count', target: 100, unit: '户' });
  const periods = [];
  for (const [asOf, done] of [['2022-07-25', 30], ['2022-08-25', 214.3], ['2022-09-30', 40]] as const) {
    const period = await b.do('periods.create', { planId: plan.id, kind: 'month', asOf });
    await b.do('progress.save', { projectId: project.id, periodId: period.id, unit: null, narrative: `完成${done}户`, actuals: [{ indicatorId: indicator.id, actual: done }] });
    periods.push(period);
  }
  return { plan, project, periods };
}

describe('an override belongs to one period', () => {
  it('made while judging 09-30, it does not change 07-25 or 08-25', async () => {
    backend = await testBackend();
    const { plan, project, periods } = await planWithThreeMonths(backend);
    const saved = await backend.do('status.override', { projectId: project.id, periodId: periods[2]!.id, status: 'lagging', reason: '实地核查进度滞后' });
    expect(saved).toMatchObject({ status: 'lagging', periodId: periods[2]!.id });
    const at = async (asOf: string) => (await backend!.do('status.plan', { planId: plan.id, asOf })).projects[0]!;
    expect((await at('2022-09-30')).status).toBe('lagging');
    const august = await at('2022-08-25');
    expect([august.status, august.override]).toEqual(['completed', undefined]);
    expect((await at('2022-07-25')).override).toBeUndefined();
  });

  it('clearing one period’s override leaves another period’s standing', async () => {
    backend = await testBackend();
    const { plan, project, periods } = await planWithThreeMonths(backend);
    await backend.do('status.override', { projectId: project.id, periodId: periods[0]!.id, status: 'onTrack', reason: '七月已开工' });
    await backend.do('status.override', { projectId: project.id, periodId: periods[2]!.id, status: 'lagging', reason: '九月核查滞后' });
    expect(await backend.do('status.clearOverride', { projectId: project.id, periodId: periods[2]!.id })).toEqual({ cleared: 1 });
    expect((await backend.do('status.plan', { planId: plan.id, asOf: '2022-07-25' })).projects[0]!.override).toMatchObject({ reason: '七月已开工' });
    expect((await backend.do('status.plan', { planId: plan.id, asOf: '2022-09-30' })).projects[0]!.override).toBeUndefined();
  });

  it('refuses a period of another plan', async () => {
    backend = await testBackend();
    const { project } = await planWithThreeMonths(backend);
    const other = await backend.do('plans.create', { year: 2023, level: 'county', name: '2023年民生实事' });
    const foreign = await backend.do('periods.create', { planId: other.id, kind: 'month', asOf: '2023-01-31' });
    await expect(backend.call('status.override', { projectId: project.id, periodId: foreign.id, status: 'lagging', reason: '不相干' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
