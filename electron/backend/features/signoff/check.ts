import { LedgerError } from '../../../../shared/errors';
import type { SignOffCheck, SignOffCheckItem } from '../../../../shared/domain';
import { formatPercent } from '../../../../shared/status/format';
import { statusLabels } from '../../../../shared/status/labels';
import { getPeriod, listPeriods } from '../../../../db/repositories/periods';
import { periodReports } from '../../../../db/repositories/progress';
import type { BackendContext, Handlers } from '../../context';
import { planStatus } from '../status';

/** Each project's whole progress text in one period, to compare a period with the one before. */
async function narratives(ctx: BackendContext, periodId: number): Promise<Map<number, string>> {
  const { narratives: rows } = await periodReports(ctx.db, periodId);
  const out = new Map<number, string[]>();
  for (const n of [...rows].sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? ''))) out.set(n.projectId, [...(out.get(n.projectId) ?? []), n.narrative.trim()]);
  return new Map([...out].map(([id, texts]) => [id, texts.join('\n')]));
}

/**
 * What a person should see before a period's table is signed (issue #10): projects still 待人工判定,
 * overrides the numbers contradict, and progress copied word for word from the period before.
 */
export async function signOffCheck(ctx: BackendContext, periodId: number): Promise<SignOffCheck> {
  const period = await getPeriod(ctx.db, periodId);
  if (!period) throw new LedgerError('NOT_FOUND', `找不到编号为 ${periodId} 的报送期。`);
  const report = await planStatus(ctx, { planId: period.planId, asOf: period.asOf });
  const item = (p: (typeof report.projects)[number], detail: string): SignOffCheckItem => ({ projectId: p.projectId, seq: p.seq, title: p.title, detail });

  const manual = report.projects.filter((p) => p.computedStatus === 'manual' && !p.override).map((p) => item(p, p.reasons[0] ?? ''));
  const contradicting = report.projects
    .filter((p) => p.override && p.computedStatus !== 'manual' && p.computedStatus !== 'missingReport' && p.override.status !== p.computedStatus)
    .map((p) => {
      const done = p.completion === null ? '' : `，完成 ${formatPercent(p.completion)}`;
      return item(p, `改判为“${statusLabels[p.override!.status]}”，按数字为“${statusLabels[p.computedStatus]}”${done}：${p.override!.reason}`);
    });

  const before = (await listPeriods(ctx.db, period.planId)).filter((p) => p.asOf < period.asOf).at(-1);
  const sameAsLast: SignOffCheckItem[] = [];
  if (before) {
    const [now, last] = await Promise.all([narratives(ctx, period.id), narratives(ctx, before.id)]);
    for (const p of report.projects) {
      const text = now.get(p.projectId);
      if (text && text === last.get(p.projectId)) sameAsLast.push(item(p, `进展情况与“${before.label}”（截至 ${before.asOf}）一字不差`));
    }
  }
  return { periodId, asOf: period.asOf, manual, contradicting, sameAsLast };
}

export const signOffCheckHandlers = {
  'signoff.check': async ({ periodId }, ctx) => signOffCheck(ctx, periodId),
} satisfies Partial<Handlers>;
