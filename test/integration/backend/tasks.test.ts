import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend?.close());

describe('工作任务 under a project', () => {
  it('adds numbered tasks with their own units, edits and deletes them, and records each in the history', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2021, level: 'city', name: '2021年省、市重点民生实事' });
    const project = await backend.do('projects.create', { planId: plan.id, title: '实施文化惠民工程', leadUnits: ['市委宣传部'] });
    const first = await backend.do('tasks.save', { projectId: project.id, title: '组织红色文艺轻骑兵入百村活动100场', leadUnits: ['市委宣传部', '市文联'] });
    const second = await backend.do('tasks.save', { projectId: project.id, title: '组织“消夏音乐会”', leadUnits: ['市文化广电和旅游局'] });
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(first.leadUnits).toEqual(['市委宣传部', '市文联']);

    const edited = await backend.do('tasks.save', { projectId: project.id, id: first.id, title: '组织红色文艺轻骑兵入百村活动', leadUnits: ['市文联'] });
    expect(edited).toMatchObject({ seq: 1, leadUnits: ['市文联'] });
    await backend.do('tasks.delete', { id: second.id });
    expect((await backend.do('tasks.list', { projectId: project.id })).map((t) => t.title)).toEqual(['组织红色文艺轻骑兵入百村活动']);

    const summaries = (await backend.do('projects.history', { id: project.id })).map((h) => h.summary);
    expect(summaries).toContain('删除工作任务：组织“消夏音乐会”');
  });

  it('will not edit a task through another project', async () => {
    backend = await testBackend();
    const plan = await backend.do('plans.create', { year: 2021, level: 'city', name: 'p' });
    const a = await backend.do('projects.create', { planId: plan.id, title: 'a', leadUnits: ['甲'] });
    const b = await backend.do('projects.create', { planId: plan.id, title: 'b', leadUnits: ['甲'] });
    const task = await backend.do('tasks.save', { projectId: a.id, title: '任务' });
    await expect(backend.call('tasks.save', { projectId: b.id, id: task.id, title: '改' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
