import { LedgerError } from '../../../shared/errors';
import type { PeriodKind } from '../../../shared/domain';
import { recordAudit } from '../../../db/repositories/audit';
import { insertPeriod, listPeriods } from '../../../db/repositories/periods';
import { getPlan } from '../../../db/repositories/plans';
import type { Handlers } from '../context';

const quarterNames = ['一', '二', '三', '四'];

/** "2021年9月", "2021年第三季度", "2021年上半年"…: how offices name a reporting period. */
export function periodLabel(kind: PeriodKind, asOf: string): string {
  const [year, month] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  switch (kind) {
    case 'month':
      return `${year}年${month}月`;
    case 'quarter':
      return `${year}年第${quarterNames[Math.ceil(month / 3) - 1]}季度`;
    case 'half':
      return `${year}年${month <= 6 ? '上' : '下'}半年`;
    case 'year':
      return `${year}年度`;
    case 'custom':
      return `截至${year}年${month}月${Number(asOf.slice(8, 10))}日`;
  }
}

/** The first day a period of this kind covers, given its as-of date. */
export function periodStart(kind: PeriodKind, asOf: string, planStart: string): string {
  const year = asOf.slice(0, 4);
  const month = Number(asOf.slice(5, 7));
  const first = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  const start = kind === 'month' ? first(month) : kind === 'quarter' ? first(month - ((month - 1) % 3)) : kind === 'half' ? first(month <= 6 ? 1 : 7) : kind === 'year' ? first(1) : planStart;
  return start < planStart ? planStart : start;
}

export const periodHandlers = {
  'periods.list': async ({ planId }, ctx) => listPeriods(ctx.db, planId),

  'periods.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const plan = await getPlan(trx, input.planId);
      if (!plan) throw new LedgerError('NOT_FOUND', `找不到编号为 ${input.planId} 的计划。`);
      if (input.asOf < plan.startDate) throw new LedgerError('INVALID_INPUT', `截至日期不能早于计划开始日期 ${plan.startDate}。`);
      if (input.asOf > plan.endDate) throw new LedgerError('INVALID_INPUT', `截至日期不能晚于计划结束日期 ${plan.endDate}。`);
      const existing = (await listPeriods(trx, plan.id)).find((p) => p.asOf === input.asOf);
      if (existing) throw new LedgerError('CONFLICT', `已有截至 ${input.asOf} 的报送期“${existing.label}”。`);
      const startDate = input.startDate ?? periodStart(input.kind, input.asOf, plan.startDate);
      if (startDate > input.asOf) throw new LedgerError('INVALID_INPUT', '报送期的开始日期不能晚于截至日期。');
      const now = ctx.now();
      const period = await insertPeriod(
        trx,
        { planId: plan.id, kind: input.kind, label: input.label || periodLabel(input.kind, input.asOf), startDate, asOf: input.asOf },
        now,
      );
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'period', entityId: period.id, after: period }, now);
      return period;
    }),
} satisfies Partial<Handlers>;
