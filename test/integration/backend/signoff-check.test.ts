import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

describe('the check before sign-off', () => {
  it('lists rows still 待人工判定, overrides the numbers contradict, and progress copied from last period', async () => {
    backend = await testBackend();
    const b = backend;
    const plan = await b.do('plans.create', { year: 2022, level: 'county', name: '2022年民生实事' });
    const roads = await b.do('projects.create', { planId: plan.id, title: '农村公路', leadUnits: ['县交通局'] });
    const homes = await b.do('projects.create', { planId: plan.id, title: '老旧小区改造', leadUnits: ['县住建局'] });
    const app = await b.do('projects.create', { planId: plan.id, title: '豫事办推广', leadUnits: ['县行政服务中心'] });
    const km = await b.do('indicators.create', { projectId: roads.id, name: '农村公路', kind: 'length', target: 30, unit: '公里' });
    const july = await b.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2022-07-25' });
    const august = await b.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2022-08-25' });
    for (const period of [july, august]) {
      await b.do('progress.save', { projectId: homes.id, periodId: period.id, unit: null, narrative: '正在进行项目招标', actuals: [] });
    }
    await b.do('progress.save', { projectId: roads.id, periodId: august.id, unit: null, narrative: '已完成 64.29 公里', actuals: [{ indicatorId: km.id, actual: 64.29 }] });
    await b.do('progress.save', { projectId: app.id, periodId: august.id, unit: null, narrative: '目前完成注册25.9万', actuals: [] });
    await b.do('status.override', { projectId: roads.id, periodId: august.id, status: 'lagging', reason: '路面未完成' });

    const check = await b.do('signoff.check', { periodId: august.id });
    expect(check.asOf).toBe('2022-08-25');
    expect(check.manual.map((i) => i.title)).toEqual(['老旧小区改造', '豫事办推广']);
    expect(check.contradicting).toEqual([
      { projectId: roads.id, seq: roads.seq, title: '农村公路', detail: '改判为“进展缓慢”，按数字为“已完成”，完成 214%：路面未完成' },
    ]);
    expect(check.sameAsLast.map((i) => [i.title, i.detail])).toEqual([['老旧小区改造', '进展情况与“2022年7月”（截至 2022-07-25）一字不差']]);
  });
});
