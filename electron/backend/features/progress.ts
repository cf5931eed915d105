import type { Kysely } from 'kysely';
import { LedgerError } from '../../../shared/errors';
import { normalizeName } from '../../../shared/names';
import { recordAudit } from '../../../db/repositories/audit';
import { ensureUnits } from '../../../db/repositories/directory';
import { listIndicators } from '../../../db/repositories/indicators';
import { getPeriod, isPeriodSigned } from '../../../db/repositories/periods';
import { getProgressRecord, saveActual, saveNarrative } from '../../../db/repositories/progress';
import { getProject } from '../../../db/repositories/projects';
import type { Database } from '../../../db/schema';
import type { Handlers } from '../context';

async function checkProjectAndPeriod(db: Kysely<Database>, projectId: number, periodId: number) {
  const project = await getProject(db, projectId);
  if (!project) throw new LedgerError('NOT_FOUND', `找不到编号为 ${projectId} 的实事项目。`);
  const period = await getPeriod(db, periodId);
  if (!period || period.planId !== project.planId) throw new LedgerError('NOT_FOUND', `该计划中没有编号为 ${periodId} 的报送期。`);
  return { project, period };
}

export const progressHandlers = {
  'progress.get': async ({ projectId, periodId }, ctx) => {
    await checkProjectAndPeriod(ctx.db, projectId, periodId);
    return getProgressRecord(ctx.db, projectId, periodId);
  },

  'progress.save': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const { period } = await checkProjectAndPeriod(trx, input.projectId, input.periodId);
      if (await isPeriodSigned(trx, period.id)) throw new LedgerError('CONFLICT', `报送期“${period.label}”已签发，不能直接修改；请新建修订版。`);
      const own = new Set((await listIndicators(trx, input.projectId)).map((i) => i.id));
      const foreign = input.actuals.find((a) => !own.has(a.indicatorId));
      if (foreign) throw new LedgerError('INVALID_INPUT', `指标 ${foreign.indicatorId} 不属于这个实事项目。`);

      const now = ctx.now();
      const unitName = input.unit === null ? null : normalizeName(input.unit);
      const unitId = unitName === null ? null : ((await ensureUnits(trx, [unitName], now))[0] ?? null);
      const key = { periodId: period.id, unitId, actor: ctx.actor, now };
      const before = await getProgressRecord(trx, input.projectId, period.id);
      await saveNarrative(trx, input.projectId, input.narrative, key);
      for (const actual of input.actuals) await saveActual(trx, actual.indicatorId, actual.actual, actual.sourceText, key);
      const after = await getProgressRecord(trx, input.projectId, period.id);
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'progress', entityId: input.projectId, before, after }, now);
      return after;
    }),
} satisfies Partial<Handlers>;
