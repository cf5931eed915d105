import { LedgerError } from '../../../shared/errors';
import type { Period, Plan, ProjectStatus, StatusReport } from '../../../shared/domain';
import { judgePlan } from '../../../shared/status/engine';
import { builtinPresets, findPreset, type RulePreset } from '../../../shared/status/presets';
import type { ProjectStatusInput } from '../../../shared/status/types';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../db/repositories/audit';
import { listPlanIndicators } from '../../../db/repositories/indicators';
import { activeOverrides, insertOverride, revokeOverrides } from '../../../db/repositories/overrides';
import { getPeriod, listPeriods, periodDueBy } from '../../../db/repositories/periods';
import { getPlan } from '../../../db/repositories/plans';
import { listCustomPresets } from '../../../db/repositories/presets';
import { latestActuals, reportedProjects } from '../../../db/repositories/progress';
import { getProject, listProjects } from '../../../db/repositories/projects';
import { statedInPeriod, type StatedRow } from '../../../db/repositories/stated';
import { readSetting } from '../../../db/repositories/settings';
import type { Database } from '../../../db/schema';
import type { BackendContext, Handlers } from '../context';

export const presetSettingKey = 'presetName';

/** Judges as of the latest period reported, or today, kept inside the plan's year. */
async function defaultAsOf(db: Kysely<Database>, plan: Plan, today: string): Promise<string> {
  const periods = await listPeriods(db, plan.id);
  const latest = periods.at(-1)?.asOf;
  if (latest) return latest;
  return today < plan.startDate ? plan.startDate : today > plan.endDate ? plan.endDate : today;
}

export async function resolvePreset(db: Kysely<Database>, name: string | undefined): Promise<RulePreset> {
  const wanted = name ?? (await readSetting(db, presetSettingKey, 'default'));
  const preset = findPreset(wanted, undefined, await listCustomPresets(db));
  if (!preset) {
    const known = [...builtinPresets.map((p) => p.name), 'custom'].join('、');
    throw new LedgerError('NOT_FOUND', `没有名为“${wanted}”的判定规则。可用：${known}。`);
  }
  return preset;
}

export async function planStatus(ctx: BackendContext, input: { planId: number; asOf?: string; preset?: string }): Promise<StatusReport> {
  const db = ctx.db;
  const plan = await getPlan(db, input.planId);
  if (!plan) throw new LedgerError('NOT_FOUND', `找不到编号为 ${input.planId} 的计划。`);
  const asOf = input.asOf ?? (await defaultAsOf(db, plan, ctx.now().slice(0, 10)));
  const preset = await resolvePreset(db, input.preset);
  const period = (await periodDueBy(db, plan.id, asOf)) ?? null;

  const [projects, indicators, actuals, overrides, reported, stated] = await Promise.all([
    listProjects(db, plan.id),
    listPlanIndicators(db, plan.id),
    latestActuals(db, plan.id, asOf),
    activeOverrides(db, plan.id, period?.id ?? null),
    period ? reportedProjects(db, period.id) : Promise.resolve(new Set<number>()),
    period ? statedInPeriod(db, period.id) : Promise.resolve(new Map<number, StatedRow>()),
  ]);
  const byProject = new Map<number, typeof indicators>();
  for (const indicator of indicators) byProject.set(indicator.projectId, [...(byProject.get(indicator.projectId) ?? []), indicator]);
  const inputs: ProjectStatusInput[] = projects.map((p) => ({
    id: p.id,
    title: p.title,
    deadline: p.deadline,
    reported: reported.has(p.id),
    override: overrides.get(p.id) ?? null,
    stated: statedInput(stated.get(p.id)),
    indicators: (byProject.get(p.id) ?? []).map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      comparator: i.comparator,
      target: i.target,
      unit: i.unit,
      deadline: i.deadline,
      actual: actuals.get(i.id)?.actual ?? null,
      doneOn: i.kind === 'milestone' ? (actuals.get(i.id)?.firstDoneOn ?? null) : null,
    })),
  }));
  const judgements = judgePlan(inputs, { asOf, preset, planStart: plan.startDate, planEnd: plan.endDate });
  return {
    planId: plan.id,
    asOf,
    period,
    preset: { name: preset.name, version: preset.version },
    projects: judgements.map(
      (j, index): ProjectStatus => {
        const p = projects[index]!;
        return { ...j, projectId: p.id, seq: p.seq, title: p.title, leadUnits: p.leadUnits, leaders: p.leaders };
      },
    ),
  };
}

/** The period an override belongs to: the one named (of the project's plan), else the one due today. */
async function overridePeriod(db: Kysely<Database>, planId: number, periodId: number | undefined, now: string): Promise<Period | null> {
  if (periodId === undefined) return (await periodDueBy(db, planId, now.slice(0, 10))) ?? null;
  const period = await getPeriod(db, periodId);
  if (!period || period.planId !== planId) throw new LedgerError('NOT_FOUND', `找不到该计划中编号为 ${periodId} 的报送期。`);
  return period;
}

function statedInput(row: StatedRow | undefined): ProjectStatusInput['stated'] {
  return row ? { share: row.share, done: row.done, words: row.words } : null;
}

export const statusHandlers = {
  'status.plan': async (input, ctx) => planStatus(ctx, input),

  'status.override': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const project = await getProject(trx, input.projectId);
      if (!project) throw new LedgerError('NOT_FOUND', `找不到编号为 ${input.projectId} 的实事项目。`);
      const now = ctx.now();
      const period = await overridePeriod(trx, project.planId, input.periodId, now);
      await insertOverride(trx, { projectId: project.id, periodId: period?.id ?? null, status: input.status, reason: input.reason, actor: ctx.actor }, now);
      const override = { status: input.status, reason: input.reason, by: ctx.actor, at: now, ...(period ? { periodId: period.id } : {}) };
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'override', entityId: project.id, after: override }, now);
      return override;
    }),

  'status.clearOverride': async ({ projectId, periodId }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.now();
      const project = await getProject(trx, projectId);
      if (!project) throw new LedgerError('NOT_FOUND', `找不到编号为 ${projectId} 的实事项目。`);
      const period = await overridePeriod(trx, project.planId, periodId, now);
      const cleared = await revokeOverrides(trx, projectId, now, period?.id ?? null);
      if (cleared) await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'override', entityId: projectId }, now);
      return { cleared };
    }),
} satisfies Partial<Handlers>;
