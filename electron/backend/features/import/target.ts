import { LedgerError } from '../../../../shared/errors';
import type { Period, PeriodKind, Plan } from '../../../../shared/domain';
import { monthEnd } from '../../../../shared/text/calendar';
import type { TablePreview } from '../../../../shared/import/understand';
import type { Kysely } from 'kysely';
import { listPeriods } from '../../../../db/repositories/periods';
import { findPlanByName, getPlan } from '../../../../db/repositories/plans';
import type { Database } from '../../../../db/schema';
import { periodLabel } from '../periods';

/** Where the rows go: an existing plan and period, or the ones the commit will create. */
export interface ImportTarget {
  plan: Plan | null;
  planYear: number;
  planName: string;
  period: Period | null;
  asOf: string;
  periodKind: PeriodKind;
  periodLabel: string;
}

const titleSuffix = /(工作任务|重点任务)?(推进|进展|完成|落实)?情况(统计|汇总|一览)?表$|(统计|汇总|一览)表$|台账$|(工作|实施)?方案$|(工作)?(推进|进展|完成|落实)?情况的?(通报|报告)$/;
/** The period a report covers, not part of the plan's name: 前三季度, 1-9月份. */
const periodWords = /(?<=年)(前三季度|上半年|下半年|[一二三四]季度|\d{1,2}[-—~至]\d{1,2}月份?)/;

/** "2022年省民生实事叶县工作任务推进情况表" names the plan "2022年省民生实事叶县" of 2022. */
export function planFromTitle(title: string | null): { year: number; name: string } | null {
  const year = title ? /((?:19|20)\d{2})\s*年/.exec(title)?.[1] : undefined;
  if (!title || !year) return null;
  const name = title.replace(/\s+/g, '').replace(titleSuffix, '').replace(periodWords, '');
  return { year: Number(year), name: name || title };
}

export async function resolveTarget(
  db: Kysely<Database>,
  table: TablePreview,
  input: { planId?: number; asOf?: string },
): Promise<ImportTarget> {
  let plan: Plan | null;
  let planYear: number;
  let planName: string;
  if (input.planId !== undefined) {
    plan = (await getPlan(db, input.planId)) ?? null;
    if (!plan) throw new LedgerError('NOT_FOUND', `找不到编号为 ${input.planId} 的计划。`);
    ({ year: planYear, name: planName } = plan);
  } else {
    const named = planFromTitle(table.title);
    if (!named) {
      throw new LedgerError('INVALID_INPUT', '表格标题中没有写明年度和计划名称：请选择要导入到哪个年度计划。');
    }
    ({ year: planYear, name: planName } = named);
    plan = (await findPlanByName(db, planYear, planName)) ?? null;
  }

  const asOf = input.asOf ?? table.asOf;
  if (!asOf) throw new LedgerError('INVALID_INPUT', '表格中没有找到截至日期：请指定本次报送截至哪一天。');
  const period = plan ? ((await listPeriods(db, plan.id)).find((p) => p.asOf === asOf) ?? null) : null;
  const periodKind: PeriodKind = asOf === monthEnd(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))) ? 'month' : 'custom';
  return { plan, planYear, planName, period, asOf, periodKind, periodLabel: period?.label ?? periodLabel(periodKind, asOf) };
}
