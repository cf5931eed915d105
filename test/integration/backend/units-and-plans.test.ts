import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend?.close());

async function planWithTwoSpellings(b: TestBackend) {
  const plan = await b.do('plans.create', { year: 2023, level: 'district', name: '2023年湛河区重点民生实事' });
  const a = await b.do('projects.create', { planId: plan.id, title: '开展职业技能培训', leadUnits: ['区人力资源和社会保障局'] });
  const c = await b.do('projects.create', { planId: plan.id, title: '城镇新增就业', leadUnits: ['区人社局', '区民政局'] });
  const units = await b.do('units.list', {});
  const id = (name: string) => units.find((u) => u.name === name)!.id;
  return { plan, a, c, full: id('区人力资源和社会保障局'), short: id('区人社局') };
}

describe('the units directory', () => {
  it('merges a unit written two ways into one, keeping the old name as an alias that later input resolves', async () => {
    backend = await testBackend();
    const { plan, full, short } = await planWithTwoSpellings(backend);
    const merged = await backend.do('units.merge', { fromId: short, intoId: full });
    expect(merged).toMatchObject({ name: '区人力资源和社会保障局', aliases: ['区人社局'], projectCount: 2 });
    expect((await backend.do('units.list', {})).map((u) => u.name).sort()).toEqual(['区人力资源和社会保障局', '区民政局'].sort());
    const projects = await backend.do('projects.list', { planId: plan.id });
    expect(projects.map((p) => p.leadUnits)).toEqual([['区人力资源和社会保障局'], ['区人力资源和社会保障局', '区民政局']]);

    const later = await backend.do('projects.create', { planId: plan.id, title: '新增技能人才', leadUnits: ['区人社局'] });
    expect(later.leadUnits).toEqual(['区人力资源和社会保障局']);
  });

  it('keeps one link when a project named both spellings', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2023, level: 'district', name: 'p' });
    const project = await backend.do('projects.create', { planId: plan.id, title: 'x', leadUnits: ['区人社局', '区人力资源和社会保障局'] });
    const units = await backend.do('units.list', {});
    await backend.do('units.merge', { fromId: units.find((u) => u.name === '区人社局')!.id, intoId: units.find((u) => u.name !== '区人社局')!.id });
    expect((await backend.do('projects.get', { id: project.id })).leadUnits).toEqual(['区人力资源和社会保障局']);
  });

  it('refuses a merge that would mix two reports of one period, with nothing changed', async () => {
    backend = await testBackend();
    const { plan, a, full, short } = await planWithTwoSpellings(backend);
    const period = await backend.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2023-09-30' });
    await backend.do('progress.save', { projectId: a.id, periodId: period.id, unit: '区人社局', narrative: '甲' });
    await backend.do('progress.save', { projectId: a.id, periodId: period.id, unit: '区人力资源和社会保障局', narrative: '乙' });
    await expect(backend.call('units.merge', { fromId: short, intoId: full })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await backend.do('units.list', {})).length).toBe(3);
  });

  it('adds an alias unless the name already belongs to a unit', async () => {
    backend = await testBackend();
    const { full } = await planWithTwoSpellings(backend);
    // "区人社 局" is tidied to 区人社局, which is already a unit of its own: merging is the way.
    await expect(backend.call('units.addAlias', { unitId: full, alias: '区人社 局' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await backend.do('units.addAlias', { unitId: full, alias: '区人社保局' })).aliases).toEqual(['区人社保局']);
    await expect(backend.call('units.merge', { fromId: full, intoId: full })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('editing a plan', () => {
  it('renames a plan and moves its dates, and refuses a name another plan of the year has', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '旧名' });
    await backend.do('plans.create', { year: 2022, level: 'county', name: '另一个' });
    const updated = await backend.do('plans.update', { id: plan.id, name: '2022年省民生实事（叶县）', startDate: '2022-03-01' });
    expect(updated).toMatchObject({ name: '2022年省民生实事（叶县）', startDate: '2022-03-01', endDate: '2022-12-31' });
    await expect(backend.call('plans.update', { id: plan.id, name: '另一个' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(backend.call('plans.update', { id: plan.id, endDate: '2022-01-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
