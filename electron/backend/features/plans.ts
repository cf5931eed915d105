import { inYear } from '../../../shared/api/fields';
import { LedgerError } from '../../../shared/errors';
import { findPlanByName, getPlan, hasSignOffs, insertPlan, listPlans, setPlanDeleted, updatePlanRow } from '../../../db/repositories/plans';
import { recordAudit } from '../../../db/repositories/audit';
import type { Handlers } from '../context';

export const planHandlers = {
  'plans.list': async (_input, ctx) => listPlans(ctx.db),

  'plans.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      if (await findPlanByName(trx, input.year, input.name)) {
        throw new LedgerError('CONFLICT', `${input.year} 年已有名为“${input.name}”的计划。`);
      }
      const now = ctx.now();
      const plan = await insertPlan(trx, {
        year: input.year,
        level: input.level,
        name: input.name,
        region: input.region,
        startDate: input.startDate ?? `${input.year}-01-01`,
        endDate: input.endDate ?? `${input.year}-12-31`,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'plan', entityId: plan.id, after: plan }, now);
      return plan;
    }),

  'plans.update': async ({ id, ...changes }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getPlan(trx, id);
      if (!before) throw new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的计划。`);
      const next = { ...before, ...changes };
      if (next.startDate > next.endDate) throw new LedgerError('INVALID_INPUT', '结束日期不能早于开始日期。');
      if (!inYear(next.startDate, before.year) || !inYear(next.endDate, before.year)) {
        throw new LedgerError('INVALID_INPUT', `计划的开始和结束日期应在 ${before.year} 年之内。`);
      }
      const clash = await findPlanByName(trx, before.year, next.name);
      if (clash && clash.id !== id) throw new LedgerError('CONFLICT', `${before.year} 年已有名为“${next.name}”的计划。`);
      const now = ctx.now();
      const after = await updatePlanRow(trx, id, changes, now);
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'plan', entityId: id, before, after }, now);
      return after;
    }),

  'plans.delete': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getPlan(trx, id);
      if (!before) throw new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的计划。`);
      if (await hasSignOffs(trx, id)) {
        throw new LedgerError('CONFLICT', `“${before.name}”已有提交或签发的报表，这些是正式记录，计划不能删除。`);
      }
      const now = ctx.now();
      await setPlanDeleted(trx, id, now);
      await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'plan', entityId: id, before }, now);
      return before;
    }),

  'plans.restore': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const plan = await getPlan(trx, id, { includeDeleted: true });
      if (!plan) throw new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的计划：它可能已被同名的新计划取代。`);
      const now = ctx.now();
      await setPlanDeleted(trx, id, null);
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'plan', entityId: id, after: plan }, now);
      return plan;
    }),
} satisfies Partial<Handlers>;
