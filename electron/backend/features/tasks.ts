import { LedgerError } from '../../../shared/errors';
import { uniqueNames } from '../../../shared/names';
import { recordAudit } from '../../../db/repositories/audit';
import { getProject } from '../../../db/repositories/projects';
import { deleteTaskRow, getTask, listTasks, saveTaskRow } from '../../../db/repositories/tasks';
import type { Handlers } from '../context';

const missing = (id: number) => new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的工作任务，可能已被删除。`);

export const taskHandlers = {
  'tasks.list': async ({ projectId }, ctx) => listTasks(ctx.db, projectId),

  'tasks.save': async ({ projectId, id, ...fields }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await getProject(trx, projectId))) throw new LedgerError('NOT_FOUND', `找不到编号为 ${projectId} 的实事项目。`);
      const before = id === undefined ? undefined : await getTask(trx, id);
      if (id !== undefined && (!before || before.projectId !== projectId)) throw missing(id);
      const now = ctx.now();
      const taskId = await saveTaskRow(trx, projectId, id, { ...fields, leadUnits: uniqueNames(fields.leadUnits) }, now);
      const after = (await getTask(trx, taskId))!;
      await recordAudit(trx, { actor: ctx.actor, action: before ? 'update' : 'create', entity: 'task', entityId: taskId, before, after }, now);
      return after;
    }),

  'tasks.delete': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getTask(trx, id);
      if (!before) throw missing(id);
      await deleteTaskRow(trx, id);
      await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'task', entityId: id, before }, ctx.now());
      return before;
    }),
} satisfies Partial<Handlers>;
