import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend.close());

async function planWithProject() {
  backend = await testBackend();
  const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年县重点民生实事' });
  const project = await backend.do('projects.create', { planId: plan.id, title: '实施残疾儿童康复救助', leadUnits: ['县残联'] });
  return { plan, project };
}

/** The call is refused as bad input, naming the field in Chinese. */
async function refused(method: Parameters<TestBackend['call']>[0], input: unknown, label: RegExp) {
  await expect(backend.call(method, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(label) });
}

describe('input that is refused, never stored altered', () => {
  it('refuses negative, infinite and absurd targets, and a rate target above 100%', async () => {
    const { project } = await planWithProject();
    const base = { projectId: project.id, name: '救助人数', kind: 'count' as const };
    await refused('indicators.create', { ...base, target: -70 }, /目标值不能为负数/);
    await refused('indicators.create', { ...base, target: 1e308 }, /目标值过大/);
    await refused('indicators.create', { ...base, kind: 'rate', target: 120 }, /比率类指标的目标值不能超过 100%/);
    const rate = await backend.do('indicators.create', { ...base, kind: 'rate', target: 95, unit: '%' });
    await refused('indicators.update', { id: rate.id, target: 101 }, /比率类指标的目标值不能超过 100%/);
    const count = await backend.do('indicators.create', { ...base, target: 200 });
    await refused('indicators.update', { id: count.id, kind: 'rate' }, /比率类指标的目标值不能超过 100%/);
    expect((await backend.do('indicators.list', { projectId: project.id })).map((i) => [i.kind, i.target])).toEqual([
      ['rate', 95],
      ['count', 200],
    ]);
  });

  it('refuses plan and period dates outside the plan’s year', async () => {
    const { plan } = await planWithProject();
    await refused('plans.create', { year: 2022, level: 'county', name: '另一个计划', endDate: '9999-12-31' }, /结束日期应在计划年度之内/);
    await refused('plans.update', { id: plan.id, endDate: '9999-12-31' }, /2022 年之内/);
    await refused('periods.create', { planId: plan.id, kind: 'custom', asOf: '9999-12-31' }, /不能晚于计划结束日期 2022-12-31/);
    expect((await backend.do('plans.list', {})).map((p) => p.endDate)).toEqual(['2022-12-31']);
    expect(await backend.do('periods.list', { planId: plan.id })).toEqual([]);
  });

  it('refuses NUL and control characters, lone surrogates, and names of blanks or zero-width characters alone', async () => {
    const { plan, project } = await planWithProject();
    const create = (title: string) => ({ planId: plan.id, title, leadUnits: ['县残联'] });
    await refused('projects.create', create('康复\u0000救助'), /实事名称中含有控制字符/);
    await refused('projects.create', create('康复\u001b[31m救助'), /实事名称中含有控制字符/);
    await refused('projects.create', create('康复\ud800救助'), /实事名称中含有无法识别的字符/);
    await refused('projects.create', create('\u200b\u200b'), /请填写实事名称/);
    await refused('projects.create', create('\u3000 \u00a0\ufeff'), /请填写实事名称/);
    await refused('projects.create', { planId: plan.id, title: '新项目', leadUnits: ['\u200d'] }, /请填写主要责任单位/);
    await refused('projects.update', { id: project.id, goal: '目标\u0007' }, /年度目标中含有控制字符/);
    await refused('settings.update', { officeName: '叶县\udfff' }, /单位名称中含有无法识别的字符/);
    await refused('plans.create', { year: 2022, level: 'county', name: '\u2060' }, /请填写计划名称/);
    // A line break and a tab in a long text are what people type: kept as they are.
    const kept = await backend.do('projects.update', { id: project.id, goal: '第一行\n第二行\t（续）' });
    expect(kept.goal).toBe('第一行\n第二行\t（续）');
    expect((await backend.do('projects.list', { planId: plan.id })).map((p) => p.title)).toEqual(['实施残疾儿童康复救助']);
  });
});
