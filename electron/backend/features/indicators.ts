import { rateTargetFits, rateTargetMessage } from '../../../shared/api/fields';
import { LedgerError } from '../../../shared/errors';
import { recordAudit } from '../../../db/repositories/audit';
import { deleteIndicatorRow, getIndicator, insertIndicator, listIndicators, updateIndicatorRow } from '../../../db/repositories/indicators';
import { getProject } from '../../../db/repositories/projects';
import type { Handlers } from '../context';

const notFound = (id: number) => new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的指标，可能已被删除。`);

export const indicatorHandlers = {
  'indicators.list': async ({ projectId }, ctx) => listIndicators(ctx.db, projectId),

  'indicators.create': async ({ projectId, ...fields }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await getProject(trx, projectId))) throw new LedgerError('NOT_FOUND', `找不到编号为 ${projectId} 的实事项目。`);
      const now = ctx.now();
      const indicator = (await getIndicator(trx, await insertIndicator(trx, projectId, fields, now)))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'indicator', entityId: indicator.id, after: indicator }, now);
      return indicator;
    }),

  'indicators.update': async ({ id, ...fields }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getIndicator(trx, id);
      if (!before) throw notFound(id);
      if (!rateTargetFits({ ...before, ...fields })) throw new LedgerError('INVALID_INPUT', `输入有误：target：${rateTargetMessage}`);
      const now = ctx.now();
      await updateIndicatorRow(trx, id, fields, now);
      const after = (await getIndicator(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'indicator', entityId: id, before, after }, now);
      return after;
    }),

  'indicators.delete': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getIndicator(trx, id);
      if (!before) throw notFound(id);
      const now = ctx.now();
      await deleteIndicatorRow(trx, id);
      await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'indicator', entityId: id, before }, now);
      return before;
    }),
} satisfies Partial<Handlers>;
