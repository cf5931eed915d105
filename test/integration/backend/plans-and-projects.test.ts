import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend?.close());

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('plans', () => {
  it('defaults a plan to the calendar year and lists it with its project count', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事（叶县）', region: '叶县' });
    expect(plan).toMatchObject({ startDate: '2022-01-01', endDate: '2022-12-31', region: '叶县' });
    await backend.do('projects.create', { planId: plan.id, title: '开展职业技能培训', leadUnits: ['县人社局'] });
    expect(await backend.do('plans.list', {})).toMatchObject([{ id: plan.id, projectCount: 1 }]);
  });

  it('refuses a second plan with the same year and name, with nothing written', async () => {
    backend = await testBackend();
    await backend.do('plans.create', { year: 2022, level: 'county', name: '县民生实事' });
    const error = await rejection(backend.do('plans.create', { year: 2022, level: 'county', name: '县民生实事' }));
    expect(error.code).toBe('CONFLICT');
    expect(await backend.do('plans.list', {})).toHaveLength(1);
  });

  it('rejects input that breaks the contract before touching the database', async () => {
    backend = await testBackend();
    for (const input of [{ year: 1999, level: 'county', name: 'x' }, { year: 2022, level: 'village', name: 'x' }, { year: 2022, level: 'county', name: '  ' }, { year: 2022, level: 'county', name: 'x', extra: 1 }, { year: 2022, level: 'county', name: 'x', startDate: '2022-12-31', endDate: '2022-01-01' }]) {
      const error = await rejection(backend.call('plans.create', input));
      expect(error.code).toBe('INVALID_INPUT');
    }
    expect((await rejection(backend.call('plans.drop', {}))).code).toBe('UNKNOWN_METHOD');
    expect(await backend.do('plans.list', {})).toEqual([]);
  });
});

describe('projects', () => {
  it('keeps several lead units in the order given and joins padded names', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    const project = await backend.do('projects.create', {
      planId: plan.id,
      title: '实施城市窨井设施提升改造',
      leadUnits: ['县城管局', '县住建局', '县城管局'],
      supportUnits: ['各乡镇人民政府'],
      responsiblePeople: ['王 晓'],
      leaders: ['李　明'],
    });
    expect(project).toMatchObject({
      seq: 1,
      leadUnits: ['县城管局', '县住建局'],
      supportUnits: ['各乡镇人民政府'],
      responsiblePeople: ['王晓'],
      leaders: ['李明'],
    });
    expect(await backend.do('directory.units', {})).toEqual(['县住建局', '县城管局', '各乡镇人民政府'].sort());
  });

  it('numbers new projects after the highest number in the plan', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    await backend.do('projects.create', { planId: plan.id, seq: 5, title: '五', leadUnits: ['甲'] });
    const next = await backend.do('projects.create', { planId: plan.id, title: '六', leadUnits: ['甲'] });
    expect(next.seq).toBe(6);
    expect((await backend.do('projects.list', { planId: plan.id })).map((p) => p.title)).toEqual(['五', '六']);
  });

  it('records who created and changed a project, before and after, in the audit log', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    const created = await backend.do('projects.create', { planId: plan.id, title: '旧名称', leadUnits: ['甲'] });
    const updated = await backend.do('projects.update', { id: created.id, title: '新名称', leadUnits: ['乙', '甲'] });
    expect(updated).toMatchObject({ title: '新名称', leadUnits: ['乙', '甲'] });

    const raw = new Sqlite(backend.dbPath, { readonly: true });
    const rows = raw.prepare("SELECT actor, action, before_json, after_json FROM audit_log WHERE entity = 'project' ORDER BY id").all() as {
      actor: string;
      action: string;
      before_json: string | null;
      after_json: string;
    }[];
    raw.close();
    expect(rows.map((r) => [r.actor, r.action])).toEqual([
      ['测试员', 'create'],
      ['测试员', 'update'],
    ]);
    expect(JSON.parse(rows[1]!.before_json!).title).toBe('旧名称');
    expect(JSON.parse(rows[1]!.after_json).title).toBe('新名称');
  });

  it('refuses a project without a lead unit, or for a plan that does not exist', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    expect((await rejection(backend.call('projects.create', { planId: plan.id, title: 'x', leadUnits: [] }))).code).toBe('INVALID_INPUT');
    expect((await rejection(backend.call('projects.create', { planId: plan.id, title: 'x', leadUnits: [' '] }))).code).toBe('INVALID_INPUT');
    expect((await rejection(backend.call('projects.create', { planId: 999, title: 'x', leadUnits: ['甲'] }))).code).toBe('NOT_FOUND');
    expect((await rejection(backend.call('projects.update', { id: 999, title: 'x' }))).code).toBe('NOT_FOUND');
    expect(await backend.do('projects.list', { planId: plan.id })).toEqual([]);
  });

  it('survives closing and reopening the file', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    await backend.do('projects.create', { planId: plan.id, title: '持久', leadUnits: ['甲'] });
    const file = backend.dbPath;
    backend.close();
    backend = await testBackend(file);
    expect((await backend.do('projects.list', { planId: plan.id })).map((p) => p.title)).toEqual(['持久']);
  });
});

describe('deleting a project', () => {
  it('hides it everywhere and brings it back, with its indicators, on undo', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '叶县' });
    const project = await backend.do('projects.create', { planId: plan.id, title: '误录的实事', leadUnits: ['县民政局'] });
    await backend.do('indicators.create', { projectId: project.id, name: '建设养老设施', kind: 'count', target: 5, unit: '个' });
    await backend.do('projects.delete', { id: project.id });
    expect(await backend.do('projects.list', { planId: plan.id })).toEqual([]);
    expect((await backend.do('plans.list', {}))[0]!.projectCount).toBe(0);
    expect((await backend.do('units.list', {}))[0]!.projectCount).toBe(0);
    expect((await backend.do('status.plan', { planId: plan.id })).projects).toEqual([]);
    await expect(backend.call('projects.update', { id: project.id, title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const restored = await backend.do('projects.restore', { id: project.id });
    expect(restored).toMatchObject({ title: '误录的实事', leadUnits: ['县民政局'] });
    expect(await backend.do('indicators.list', { projectId: project.id })).toHaveLength(1);
    expect((await backend.do('projects.history', { id: project.id })).map((h) => h.summary)).toContain('删除实事项目');
  });
});

describe('deleting a plan', () => {
  async function planWithProject(b: TestBackend, name = '2022年县民生实事') {
    const plan = await b.do('plans.create', { year: 2022, level: 'county', name });
    await b.do('projects.create', { planId: plan.id, title: '开展职业技能培训', leadUnits: ['县人社局'] });
    return plan;
  }

  it('takes the plan and everything in it out of sight, and brings it all back on restore', async () => {
    backend = await testBackend();
    const plan = await planWithProject(backend);
    expect(await backend.do('plans.delete', { id: plan.id })).toMatchObject({ id: plan.id, name: plan.name });
    expect(await backend.do('plans.list', {})).toEqual([]);
    expect((await rejection(backend.do('status.plan', { planId: plan.id }))).code).toBe('NOT_FOUND');
    expect((await rejection(backend.do('plans.update', { id: plan.id, name: '改名' }))).code).toBe('NOT_FOUND');

    expect(await backend.do('plans.restore', { id: plan.id })).toEqual(plan);
    expect(await backend.do('plans.list', {})).toMatchObject([{ id: plan.id, projectCount: 1 }]);
    const history = await backend.do('projects.history', { id: (await backend.do('projects.list', { planId: plan.id }))[0]!.id });
    expect(history.length).toBeGreaterThan(0);
  });

  it('refuses while a period of the plan has a sign-off on record, with nothing changed', async () => {
    backend = await testBackend();
    const plan = await planWithProject(backend);
    const period = await backend.do('periods.create', { planId: plan.id, kind: 'quarter', asOf: '2022-09-30' });
    const raw = new Sqlite(backend.dbPath);
    raw.prepare("INSERT INTO sign_offs (period_id, revision, state, preparer) VALUES (?, 1, 'prepared', '张三')").run(period.id);
    raw.close();
    const error = await rejection(backend.do('plans.delete', { id: plan.id }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/正式记录，计划不能删除/) });
    expect(await backend.do('plans.list', {})).toHaveLength(1);
  });

  it('lets a new plan take a deleted plan’s year and name, which removes the deleted one for good', async () => {
    backend = await testBackend();
    const old = await planWithProject(backend);
    await backend.do('plans.delete', { id: old.id });
    const fresh = await backend.do('plans.create', { year: 2022, level: 'county', name: old.name });
    expect(await backend.do('plans.list', {})).toMatchObject([{ id: fresh.id, projectCount: 0 }]);
    // The old plan's projects are gone for good, whatever an old 撤销 asks for later.
    await backend.call('plans.restore', { id: old.id }).catch(() => undefined);
    expect(await backend.do('plans.list', {})).toMatchObject([{ id: fresh.id, name: old.name, projectCount: 0 }]);
  });
});
