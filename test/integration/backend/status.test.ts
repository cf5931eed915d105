import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import type { Input } from '../../../shared/api/contract';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend?.close());

type IndicatorInput = Omit<Input<'indicators.create'>, 'projectId'>;

/** Seed 000 (2021年前三季度区重点民生实事), four of its projects entered by hand as of 2021-09-30. */
async function enterSeed000(b: TestBackend) {
  const plan = await b.do('plans.create', { year: 2021, level: 'district', name: '2021年区重点民生实事' });
  const period = await b.do('periods.create', { planId: plan.id, kind: 'quarter', asOf: '2021-09-30' });
  const add = async (seq: number, title: string, leadUnit: string, indicator: IndicatorInput, actual: number | null, narrative: string) => {
    const project = await b.do('projects.create', { planId: plan.id, seq, title, leadUnits: [leadUnit] });
    const created = await b.do('indicators.create', { projectId: project.id, ...indicator });
    await b.do('progress.save', { projectId: project.id, periodId: period.id, narrative, actuals: actual === null ? [] : [{ indicatorId: created.id, actual }] });
    return project;
  };
  await add(2, '实施残疾儿童康复救助', '区残联', { name: '救助残疾儿童', kind: 'count', comparator: '>=', target: 70, unit: '人' }, 98, '全区共有 98 名各类残疾儿童接受康复服务');
  await add(3, '推进城镇老旧小区改造提升', '区住房和城乡建设局', { name: '改造老旧小区', kind: 'count', target: 3006, unit: '户' }, null, '50个老旧小区3006户改造项目已有12个完成招标并进场施工');
  await add(4, '改善农村出行条件', '区交通运输局', { name: '农村公路提档升级', kind: 'length', target: 12, unit: '公里' }, 6, '已完成6公里水泥稳定砂砾石基层');
  await add(12, '持续提升食品安全保障水平', '区市场监管局', { name: '食品安全责任保险投保', kind: 'count', target: 345928, unit: '人' }, 345928, '已完成为辖区 345928 名常住人口居民购买食品安全责任保险工作');
  return { plan, period };
}

describe('status of a plan', () => {
  it('judges seed 000 as a supervision office would, as of 30 September', async () => {
    backend = await testBackend();
    const { plan } = await enterSeed000(backend);
    const report = await backend.do('status.plan', { planId: plan.id });
    expect(report.asOf).toBe('2021-09-30');
    expect(report.preset).toEqual({ name: 'default', version: 1 });
    const byTitle = Object.fromEntries(report.projects.map((p) => [p.title, p]));

    expect(byTitle['实施残疾儿童康复救助']).toMatchObject({ status: 'completed', light: 'green' });
    expect(byTitle['实施残疾儿童康复救助']!.completion).toBeCloseTo(98 / 70);
    expect(byTitle['持续提升食品安全保障水平']).toMatchObject({ status: 'completed' });
    const road = byTitle['改善农村出行条件']!;
    expect(road).toMatchObject({ status: 'lagging', light: 'yellow', completion: 0.5 });
    expect(road.timeProgress).toBeCloseTo(273 / 365, 10);
    expect(road.reasons.join('')).toMatch(/完成 50%.*时序进度 75%.*落后 25 个百分点/);
    expect(byTitle['推进城镇老旧小区改造提升']).toMatchObject({ status: 'manual', light: 'none' });
  });

  it('marks a project with nothing reported in the current period as missing its report', async () => {
    backend = await testBackend();
    const { plan } = await enterSeed000(backend);
    await backend.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2021-10-31' });
    const report = await backend.do('status.plan', { planId: plan.id });
    expect(report.asOf).toBe('2021-10-31');
    const road = report.projects.find((p) => p.title === '改善农村出行条件')!;
    expect(road.status).toBe('missingReport');
  });

  it('judges by the rule preset asked for and names it', async () => {
    backend = await testBackend();
    const { plan } = await enterSeed000(backend);
    const ratio = await backend.do('status.plan', { planId: plan.id, preset: 'ratio' });
    expect(ratio.preset).toEqual({ name: 'ratio', version: 1 });
    // 50% done against 75% of the time is 67% of schedule: yellow under the Wuhan rule (red below 60%).
    expect(ratio.projects.find((p) => p.title === '改善农村出行条件')!.light).toBe('yellow');
    await expect(backend.call('status.plan', { planId: plan.id, preset: 'nonesuch' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("keeps a person's override with its reason beside the computed class, and can revoke it", async () => {
    backend = await testBackend();
    const { plan } = await enterSeed000(backend);
    const renovation = (await backend.do('projects.list', { planId: plan.id })).find((p) => p.seq === 3)!;
    await expect(backend.call('status.override', { projectId: renovation.id, status: 'onTrack', reason: ' ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await backend.do('status.override', { projectId: renovation.id, status: 'onTrack', reason: '12个项目已进场施工，其余待财政评审' });
    let judged = (await backend.do('status.plan', { planId: plan.id })).projects.find((p) => p.projectId === renovation.id)!;
    expect(judged.status).toBe('onTrack');
    expect(judged.computedStatus).toBe('manual');
    expect(judged.override).toMatchObject({ status: 'onTrack', reason: '12个项目已进场施工，其余待财政评审', by: '测试员' });

    expect(await backend.do('status.clearOverride', { projectId: renovation.id })).toEqual({ cleared: 1 });
    judged = (await backend.do('status.plan', { planId: plan.id })).projects.find((p) => p.projectId === renovation.id)!;
    expect(judged.status).toBe('manual');
    const history = await backend.do('projects.history', { id: renovation.id });
    expect(history.map((h) => h.summary)).toEqual([
      '新增实事项目',
      '新增指标“改造老旧小区”',
      '填报进展情况和完成值',
      '人工改判为“持续推进”，理由：12个项目已进场施工，其余待财政评审',
      '撤销人工改判，恢复按规则判定',
    ]);
  });

  it('adds up the units’ values when no value for the whole project was reported', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    const period = await backend.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2022-07-25' });
    const project = await backend.do('projects.create', { planId: plan.id, title: '推进城市窨井设施改造', leadUnits: ['县城管局', '县住建局'] });
    const indicator = await backend.do('indicators.create', { projectId: project.id, name: '更换改造窨井设施', kind: 'count', target: 478, unit: '个' });
    await backend.do('progress.save', { projectId: project.id, periodId: period.id, unit: '县城管局', narrative: '已整改病害井盖201座', actuals: [{ indicatorId: indicator.id, actual: 201 }] });
    await backend.do('progress.save', { projectId: project.id, periodId: period.id, unit: '县住建局', narrative: '', actuals: [{ indicatorId: indicator.id, actual: 100 }] });
    const judged = (await backend.do('status.plan', { planId: plan.id })).projects[0]!;
    expect(judged.completion).toBeCloseTo(301 / 478);
    const record = await backend.do('progress.get', { projectId: project.id, periodId: period.id });
    expect(record.narratives.map((n) => n.unit).sort()).toEqual(['县住建局', '县城管局'].sort());
  });

  it('refuses progress for another plan’s period or another project’s indicator', async () => {
    backend = await testBackend();
    const { plan, period } = await enterSeed000(backend);
    const other = await backend.do('plans.create', { year: 2022, level: 'district', name: '2022' });
    const otherProject = await backend.do('projects.create', { planId: other.id, title: 'x', leadUnits: ['甲'] });
    await expect(backend.call('progress.save', { projectId: otherProject.id, periodId: period.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [first, second] = await backend.do('projects.list', { planId: plan.id });
    const [foreign] = await backend.do('indicators.list', { projectId: second!.id });
    await expect(backend.call('progress.save', { projectId: first!.id, periodId: period.id, actuals: [{ indicatorId: foreign!.id, actual: 1 }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('ledger status', () => {
  it('prints the documented JSON', async () => {
    backend = await testBackend();
    await enterSeed000(backend);
    const { code, out } = await runCaptured(['status', '--db', backend.dbPath, '--as-of', '2021-09-30', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['asOf', 'preset', 'projects']);
    expect(json.asOf).toBe('2021-09-30');
    expect(json.preset).toEqual({ name: 'default', version: 1 });
    const road = json.projects.find((p: { seq: number }) => p.seq === 4);
    expect(Object.keys(road)).toEqual(['seq', 'title', 'status', 'light', 'completion', 'timeProgress', 'reasons', 'indicators']);
    expect(road).toMatchObject({ status: 'lagging', light: 'yellow', completion: 0.5 });
    expect(road.timeProgress).toBeCloseTo(273 / 365, 10);
  });
});
