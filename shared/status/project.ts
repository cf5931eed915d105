import { judgeIndicator } from './indicator';
import { latenessLight, lightOfComputed } from './lights';
import { keptOverride, layOverride, overrideReason, requireReason } from './person';
import { addProjectReasons } from './project-reasons';
import { quoted } from './reasons';
import { dayOf, type Run } from './run';
import { timeProgressOfDays } from './schedule';
import { judgeStated } from './stated';
import type { IndicatorJudgement, IndicatorStatusInput, Judgement, Light, ProjectStatusInput, StatusClass } from './types';

/** Judging one project: its indicators tallied, its class by precedence (engine.ts), its reasons and a person's say. */

/** What the indicators add up to, for the precedence of classes. */
interface Tally {
  allMet: boolean;
  anyOverdue: boolean;
  anyProgress: boolean;
  unknown: number;
  quantitative: number;
  milestones: number;
  milestonesDone: number;
  minCompletion: number;
  worstBehind: number;
  worstRatio: number;
  worst: IndicatorJudgement | null;
}

function tallyOf(indicators: readonly IndicatorJudgement[], run: Run): Tally {
  const n = indicators.length;
  const t: Tally = {
    allMet: n > 0,
    anyOverdue: false,
    anyProgress: false,
    unknown: 0,
    quantitative: 0,
    milestones: 0,
    milestonesDone: 0,
    minCompletion: Infinity,
    worstBehind: -Infinity,
    worstRatio: Infinity,
    worst: null,
  };
  const gap = run.preset.kind === 'gap';
  for (let i = 0; i < n; i++) {
    const j = indicators[i] as IndicatorJudgement;
    if (j.state !== 'met') t.allMet = false;
    if (j.overdue) t.anyOverdue = true;
    if (j.state === 'met' || (j.completion !== null && j.completion > 0)) t.anyProgress = true;
    if (j.kind === 'milestone') {
      t.milestones++;
      if (j.state === 'met') t.milestonesDone++;
      continue;
    }
    t.quantitative++;
    if (j.state === 'unknown' || j.completion === null) {
      t.unknown++;
      continue;
    }
    if (j.completion < t.minCompletion) t.minCompletion = j.completion;
    if (j.state !== 'open') continue;
    // The worst open indicator under this preset's own measure.
    if (gap) {
      const behind = j.behindPoints ?? 0;
      if (behind > t.worstBehind) {
        t.worstBehind = behind;
        t.worst = j;
      }
    } else {
      const ratio = j.timeProgress > 0 ? j.completion / j.timeProgress : Infinity;
      if (ratio < t.worstRatio || t.worst === null) {
        t.worstRatio = Math.min(ratio, t.worstRatio);
        t.worst = j;
      }
    }
  }
  return t;
}

/** The computed class, first match wins (the precedence is described in engine.ts). */
function classOf(t: Tally, n: number, input: ProjectStatusInput, markedDone: boolean, provenBehind: boolean): StatusClass {
  if (markedDone || t.allMet) return 'completed';
  if (t.anyOverdue) return 'overdue';
  if (!input.reported) return 'missingReport';
  if (n === 0 || (t.unknown > 0 && !provenBehind)) return 'manual';
  // Only milestones, none due yet: nothing is late, and "未开始" would say more than the dates do.
  if (t.quantitative === 0 && t.milestones > 0) return 'onTrack';
  if (t.unknown === 0 && !t.anyProgress) return 'notStarted';
  return provenBehind ? 'lagging' : 'onTrack';
}

export function judgeProjectIn(input: ProjectStatusInput, run: Run): Judgement {
  const projectDeadline = input.deadline ?? run.planEnd;
  const projectDeadlineDay =
    run.days.get(projectDeadline) ?? dayOf(run, projectDeadline, () => `项目${input.title ? quoted(input.title) : ''}的时限`);
  const n = input.indicators.length;
  const indicators = new Array<IndicatorJudgement>(n);
  for (let i = 0; i < n; i++) {
    indicators[i] = judgeIndicator(input.indicators[i] as IndicatorStatusInput, i, projectDeadline, projectDeadlineDay, run);
  }
  const t = tallyOf(indicators, run);
  const lateness = latenessLight(t.worstBehind, t.worstRatio, run.preset);
  const provenBehind = lateness !== 'green';
  const markedDone = input.markedDone ?? null;
  if (markedDone) requireReason(markedDone, '标记完成');
  const projectTimeProgress = timeProgressOfDays(run.startDay, projectDeadlineDay, run.asOfDay);
  const override = input.override ?? null;
  const list = run.reasons;
  list.start(override !== null);

  // No figure to judge by, but the progress says how far it is: judge by the words (issue #10).
  const stated = input.stated ?? null;
  if (stated && !markedDone && !t.allMet && !t.anyOverdue && input.reported && (t.quantitative === 0 || t.unknown === t.quantitative)) {
    const s = judgeStated(stated, projectTimeProgress, run.preset, run.ruleText);
    if (override === null) return judgement(input, run, s.status, s.light, s.completion, projectTimeProgress, s.reasons, indicators);
    for (const r of s.reasons) list.add(r);
    return withOverride(input, run, s.status, s.light, s.completion, projectTimeProgress, indicators, s.light);
  }

  const status = classOf(t, n, input, markedDone !== null, provenBehind);
  const completion =
    t.quantitative > 0 ? (t.unknown > 0 ? null : t.minCompletion) : t.milestones > 0 ? t.milestonesDone / t.milestones : null;
  addProjectReasons(
    list,
    {
      status,
      markedDone,
      indicators,
      projectDeadline,
      projectTimeProgress,
      n,
      unknown: t.unknown,
      quantitative: t.quantitative,
      milestones: t.milestones,
      worst: t.worst,
      completion,
      provenBehind,
    },
    run,
  );
  const light = lightOfComputed(status, lateness, run.preset);
  if (override === null) return judgement(input, run, status, light, completion, projectTimeProgress, list.take(), indicators);
  return withOverride(input, run, status, light, completion, projectTimeProgress, indicators, lateness);
}

function judgement(
  input: ProjectStatusInput,
  run: Run,
  status: StatusClass,
  light: Light,
  completion: number | null,
  timeProgress: number,
  reasons: string[],
  indicators: IndicatorJudgement[],
): Judgement {
  return {
    projectId: input.id,
    status,
    light,
    computedStatus: status,
    computedLight: light,
    completion,
    timeProgress,
    reasons,
    indicators,
    preset: run.presetRef,
    asOf: run.asOf,
  };
}

/** The judgement with the person's class laid over the computed one; the run's reason list has its first slot kept. */
function withOverride(
  input: ProjectStatusInput,
  run: Run,
  status: StatusClass,
  light: Light,
  completion: number | null,
  timeProgress: number,
  indicators: IndicatorJudgement[],
  lateness: Light,
): Judgement {
  const kept = keptOverride(input.override as NonNullable<ProjectStatusInput['override']>);
  run.reasons.setFirst(overrideReason(kept, status));
  const j = judgement(input, run, status, light, completion, timeProgress, run.reasons.take(), indicators);
  layOverride(j, kept, lateness, run.preset);
  return j;
}
