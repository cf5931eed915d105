import { LedgerError } from '../../../shared/errors';
import { findPlanByName, insertPlan, listPlans } from '../../../db/repositories/plans';
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
} satisfies Partial<Handlers>;
