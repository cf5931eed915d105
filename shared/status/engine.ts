import { LedgerError } from '../errors';
import { parseIsoDay } from '../text/calendar';
import { validatePreset, type RulePreset } from './presets';
import { indicatorReason, noteSuffix, overrideSentence, quoted, ruleSentence, scheduleSentence } from './reasons';
import { timeProgressOfDays } from './schedule';
import { judgeStated } from './stated';
import type {
  IndicatorJudgement,
  IndicatorState,
  IndicatorStatusInput,
  Judgement,
  Light,
  PersonNote,
  ProjectStatusInput,
  StatusClass,
  StatusContext,
  StatusOverride,
} from './types';

/**
 * The status engine (DESIGN §4): pure and deterministic — the same input and context always give the same
 * judgement, with no clock, locale or random source.
 *
 * Precedence of the computed class, first match wins:
 *   1. completed     — every indicator met, or marked done by a person with a reason. Done work stays done
 *                      even if the department stops reporting.
 *   2. overdue       — some indicator known to be unmet is past its deadline (or the project's). Red.
 *   3. missingReport — no report for the current period: the office cannot see the work.
 *   4. manual        — no indicator at all, or some indicator has no reported figure (or no target) and the
 *                      known ones do not already prove it behind: a person must judge. No light.
 *   5. notStarted    — nothing done on any indicator yet; its light still measures how late that is.
 *   6. lagging       — the worst indicator trails the schedule beyond the preset's yellow line.
 *   7. onTrack.
 * Lateness is measured per open (unmet, known) quantitative indicator against its own deadline, and the
 * worst one decides; with one shared deadline this is "the least-complete indicator vs timeProgress".
 */

/** Days and checks shared by every project of one run. */
interface Prepared {
  asOf: string;
  asOfDay: number;
  startDay: number;
  planEnd: string;
  planEndDay: number;
  preset: RulePreset;
  presetRef: Readonly<{ name: string; version: number }>;
  ruleText: string;
  days: Map<string, number>;
}

function invalid(message: string): LedgerError {
  return new LedgerError('INVALID_INPUT', message);
}

function prepare(ctx: StatusContext): Prepared {
  const checked = validatePreset(ctx.preset);
  if (!checked.ok) throw invalid(`规则设置有误：${checked.problems.join('；')}`);
  const days = new Map<string, number>();
  const p: Prepared = {
    asOf: ctx.asOf,
    asOfDay: 0,
    startDay: 0,
    planEnd: ctx.planEnd,
    planEndDay: 0,
    preset: ctx.preset,
    presetRef: Object.freeze({ name: ctx.preset.name, version: ctx.preset.version }),
    ruleText: ruleSentence(ctx.preset),
    days,
  };
  p.asOfDay = dayOf(p, ctx.asOf, '判定日期');
  p.startDay = dayOf(p, ctx.planStart, '计划开始日期');
  p.planEndDay = dayOf(p, ctx.planEnd, '计划结束日期');
  if (p.planEndDay < p.startDay) throw invalid(`计划结束日期 ${ctx.planEnd} 早于开始日期 ${ctx.planStart}`);
  return p;
}

/**
 * Day number with a per-run cache: plans repeat a handful of deadlines across thousands of rows. The
 * description is built only for the error, to keep the hot path free of string work.
 */
function dayOf(p: Prepared, iso: string, what: string | (() => string)): number {
  let day = p.days.get(iso);
  if (day === undefined) {
    day = parseIsoDay(iso);
    if (Number.isNaN(day)) throw invalid(`${typeof what === 'string' ? what : what()}“${iso}”不是有效的日期（应为 YYYY-MM-DD）`);
    p.days.set(iso, day);
  }
  return day;
}

/** Relative tolerance for "met": reported figures are decimals, and 0.1 + 0.2 must reach 0.3. */
const tolerance = 1e-9;

function requireReason(note: PersonNote, what: string): void {
  if (typeof note.reason !== 'string' || note.reason.trim() === '') throw invalid(`${what}必须填写理由`);
}

function judgeIndicator(
  input: IndicatorStatusInput,
  index: number,
  projectDeadline: string,
  projectDeadlineDay: number,
  p: Prepared,
): IndicatorJudgement {
  const name = input.name !== undefined && input.name.trim() !== '' ? input.name : `指标${index + 1}`;
  let deadline = projectDeadline;
  let deadlineDay = projectDeadlineDay;
  if (input.deadline != null) {
    const own = p.days.get(input.deadline) ?? dayOf(p, input.deadline, () => `${quoted(name)}的时限`);
    // An indicator cannot be due after its project.
    if (own < deadlineDay) {
      deadline = input.deadline;
      deadlineDay = own;
    }
  }
  const tp = timeProgressOfDays(p.startDay, deadlineDay, p.asOfDay);
  const pastDeadline = p.asOfDay > deadlineDay;
  const unit = input.unit ?? '';
  const target = input.target ?? null;
  let actual: number | null = input.actual ?? null;
  let state: IndicatorState;
  let completion: number | null = null;
  let behindPoints: number | null = null;

  if (input.kind === 'milestone') {
    // Done counts only once its date is reached by the judgement date: re-judging the past stays honest.
    const done =
      input.doneOn != null &&
      (p.days.get(input.doneOn) ?? dayOf(p, input.doneOn, () => `${quoted(name)}的完成日期`)) <= p.asOfDay;
    state = done ? 'met' : 'open';
    completion = done ? 1 : 0;
    actual = null;
  } else if (target === null || actual === null || !Number.isFinite(target) || !Number.isFinite(actual)) {
    state = 'unknown';
  } else {
    const scale = Math.max(1, Math.abs(target));
    let met: boolean;
    if (input.comparator === '<=') {
      // A cap (cost, incidence): met while under it; over it, completion is how far the cap covers the actual.
      met = actual <= target + tolerance * scale;
      completion = met ? 1 : actual > 0 && target > 0 ? target / actual : 0;
    } else if (input.comparator === '=') {
      met = Math.abs(actual - target) <= tolerance * scale;
      completion = target > 0 ? actual / target : met ? 1 : 0;
    } else {
      met = actual >= target - tolerance * scale;
      completion = target > 0 ? actual / target : met ? 1 : 0;
    }
    state = met ? 'met' : 'open';
    if (!met) behindPoints = (tp - completion) * 100;
  }

  // One object per indicator and no strings: 50,000 of these are made per plan; indicatorReason() words one.
  const judgement: IndicatorJudgement = {
    id: input.id,
    name,
    kind: input.kind,
    comparator: input.comparator,
    target: input.kind === 'milestone' ? null : target,
    actual,
    unit,
    deadline,
    state,
    completion,
    timeProgress: tp,
    behindPoints,
    overdue: state === 'open' && pastDeadline,
  };
  return judgement;
}

/**
 * Slack on the lines, so that a gap of exactly 10 points computed as 10.000000000000002 is still "not more
 * than 10": shares come from divisions, the thresholds are round numbers people typed.
 */
const lineSlack = 1e-9;

/** Whether one open indicator alone is past the yellow line. */
function isBehind(j: IndicatorJudgement, preset: RulePreset): boolean {
  if (j.completion === null) return false;
  if (preset.kind === 'gap') return (j.behindPoints ?? 0) > preset.yellowGap + lineSlack;
  return j.timeProgress > 0 && j.completion / j.timeProgress < preset.yellowBelow - lineSlack;
}

/** Light from lateness under the preset; strict "more than" at each line (DESIGN §4). */
function latenessLight(worstBehindPoints: number, worstRatio: number, preset: RulePreset): Light {
  if (preset.kind === 'gap') {
    if (worstBehindPoints > preset.redGap + lineSlack) return 'red';
    if (worstBehindPoints > preset.yellowGap + lineSlack) return 'yellow';
    return 'green';
  }
  if (worstRatio < preset.redBelow - lineSlack) return 'red';
  if (worstRatio < preset.yellowBelow - lineSlack) return 'yellow';
  return 'green';
}

function lightOfComputed(status: StatusClass, lateness: Light, preset: RulePreset): Light {
  switch (status) {
    case 'completed':
      return 'green';
    case 'overdue':
      return 'red';
    case 'missingReport':
      return preset.missingReportLight;
    case 'manual':
      return 'none';
    default:
      return lateness;
  }
}

/** The light shown for a person's class: what that class means, refined by the measured lateness. */
function lightOfOverride(status: StatusClass, lateness: Light, preset: RulePreset): Light {
  if (status === 'onTrack') return 'green';
  if (status === 'lagging') return lateness === 'red' ? 'red' : 'yellow';
  if (status === 'notStarted') return lateness;
  return lightOfComputed(status, lateness, preset);
}

function judgeWith(input: ProjectStatusInput, p: Prepared): Judgement {
  const projectDeadline = input.deadline ?? p.planEnd;
  const projectDeadlineDay =
    p.days.get(projectDeadline) ?? dayOf(p, projectDeadline, () => `项目${input.title ? quoted(input.title) : ''}的时限`);
  const n = input.indicators.length;
  const indicators: IndicatorJudgement[] = new Array<IndicatorJudgement>(n);

  let allMet = n > 0;
  let anyOverdue = false;
  let anyProgress = false;
  let unknown = 0;
  let quantitative = 0;
  let milestones = 0;
  let milestonesDone = 0;
  let minCompletion = Infinity;
  let worstBehind = -Infinity;
  let worstRatio = Infinity;
  let worst: IndicatorJudgement | null = null;

  for (let i = 0; i < n; i++) {
    const j = judgeIndicator(input.indicators[i] as IndicatorStatusInput, i, projectDeadline, projectDeadlineDay, p);
    indicators[i] = j;
    if (j.state !== 'met') allMet = false;
    if (j.overdue) anyOverdue = true;
    if (j.state === 'met' || (j.completion !== null && j.completion > 0)) anyProgress = true;
    if (j.kind === 'milestone') {
      milestones++;
      if (j.state === 'met') milestonesDone++;
      continue;
    }
    quantitative++;
    if (j.state === 'unknown' || j.completion === null) {
      unknown++;
      continue;
    }
    if (j.completion < minCompletion) minCompletion = j.completion;
    if (j.state !== 'open') continue;
    // The worst open indicator under this preset's own measure.
    if (p.preset.kind === 'gap') {
      const behind = j.behindPoints ?? 0;
      if (behind > worstBehind) {
        worstBehind = behind;
        worst = j;
      }
    } else {
      const ratio = j.timeProgress > 0 ? j.completion / j.timeProgress : Infinity;
      if (ratio < worstRatio || worst === null) {
        worstRatio = Math.min(ratio, worstRatio);
        worst = j;
      }
    }
  }

  const lateness = latenessLight(worstBehind, worstRatio, p.preset);
  const provenBehind = lateness !== 'green';
  const markedDone = input.markedDone ?? null;
  if (markedDone) requireReason(markedDone, '标记完成');

  const projectTimeProgress = timeProgressOfDays(p.startDay, projectDeadlineDay, p.asOfDay);
  // No figure to judge by, but the progress says how far it is: judge by the words (issue #10).
  const stated = input.stated ?? null;
  if (stated && !markedDone && !allMet && !anyOverdue && input.reported && (quantitative === 0 || unknown === quantitative)) {
    const s = judgeStated(stated, projectTimeProgress, p.preset, p.ruleText);
    return finish(input, p, { status: s.status, light: s.light, completion: s.completion, timeProgress: projectTimeProgress, reasons: s.reasons, indicators }, s.light);
  }

  let status: StatusClass;
  if (markedDone || allMet) status = 'completed';
  else if (anyOverdue) status = 'overdue';
  else if (!input.reported) status = 'missingReport';
  else if (n === 0 || (unknown > 0 && !provenBehind)) status = 'manual';
  // Only milestones, none due yet: nothing is late, and "未开始" would say more than the dates do.
  else if (quantitative === 0 && milestones > 0) status = 'onTrack';
  else if (unknown === 0 && !anyProgress) status = 'notStarted';
  else if (provenBehind) status = 'lagging';
  else status = 'onTrack';

  const completion =
    quantitative > 0 ? (unknown > 0 ? null : minCompletion) : milestones > 0 ? milestonesDone / milestones : null;
  const computedLight = lightOfComputed(status, lateness, p.preset);

  const reasons = headline(status, { markedDone, indicators, projectDeadline, unknown, n });
  const milestonesOnly = quantitative === 0 && milestones > 0 && status === 'onTrack';
  if (milestonesOnly) reasons.push(...indicators.map(indicatorReason));
  const scheduleOf = milestonesOnly ? null : (worst ?? (completion !== null ? { completion, timeProgress: projectTimeProgress } : null));
  if (scheduleOf !== null && scheduleOf.completion !== null && status !== 'completed' && status !== 'manual') {
    const prefix = worst !== null && n > 1 ? quoted(worst.name) : '';
    const lead = status === 'missingReport' ? '按最近一次报送：' : '';
    reasons.push(`${lead}${prefix}${scheduleSentence(scheduleOf.completion, scheduleOf.timeProgress, p.preset)}`);
  }
  if (status === 'lagging' || (status === 'onTrack' && !milestonesOnly) || status === 'notStarted' || (status === 'manual' && provenBehind)) {
    reasons.push(p.ruleText);
  }
  // Details only where a person must act: the other indicators behind the yellow line, and those with no figure.
  if (n > 1 && (status === 'lagging' || status === 'manual' || status === 'notStarted')) {
    for (const j of indicators) {
      if (j === worst) continue;
      if (j.state === 'unknown' || (j.state === 'open' && j.kind !== 'milestone' && isBehind(j, p.preset))) reasons.push(indicatorReason(j));
    }
  }

  return finish(input, p, { status, light: computedLight, completion, timeProgress: projectTimeProgress, reasons, indicators }, lateness);
}

/** The judgement with a person's override, when there is one, laid over the computed class. */
function finish(
  input: ProjectStatusInput,
  p: Prepared,
  computed: { status: StatusClass; light: Light; completion: number | null; timeProgress: number; reasons: string[]; indicators: IndicatorJudgement[] },
  lateness: Light,
): Judgement {
  const { status, reasons } = computed;
  const judgement: Judgement = {
    projectId: input.id,
    status,
    light: computed.light,
    computedStatus: status,
    computedLight: computed.light,
    completion: computed.completion,
    timeProgress: computed.timeProgress,
    reasons,
    indicators: computed.indicators,
    preset: p.presetRef,
    asOf: p.asOf,
  };

  const override = input.override ?? null;
  if (override) {
    requireReason(override, '人工调整状态');
    const kept: StatusOverride = { status: override.status, reason: override.reason.trim() };
    if (override.by !== undefined) kept.by = override.by;
    if (override.at !== undefined) kept.at = override.at;
    judgement.override = kept;
    judgement.status = override.status;
    judgement.light = lightOfOverride(override.status, lateness, p.preset);
    reasons.unshift(overrideSentence(override.status, status, kept));
  }
  return judgement;
}

function headline(
  status: StatusClass,
  facts: {
    markedDone: PersonNote | null;
    indicators: readonly IndicatorJudgement[];
    projectDeadline: string;
    unknown: number;
    n: number;
  },
): string[] {
  switch (status) {
    case 'completed':
      if (facts.markedDone) return [`已标记完成：${facts.markedDone.reason.trim()}${noteSuffix(facts.markedDone)}`];
      return facts.n === 1 ? [indicatorReason(facts.indicators[0] as IndicatorJudgement)] : [`${facts.n} 项指标均已完成`];
    case 'overdue': {
      const late = facts.indicators.filter((j) => j.overdue).map(indicatorReason);
      return late.length > 0 ? late : [`已过时限 ${facts.projectDeadline}，尚未完成`];
    }
    case 'missingReport':
      return ['本期未报送进展情况'];
    case 'manual':
      if (facts.n === 0) return ['没有量化指标，需人工判定'];
      if (facts.n === 1) return [`${indicatorReason(facts.indicators[0] as IndicatorJudgement)}，需人工判定`];
      return [`有 ${facts.unknown} 项指标未报送完成数，需人工判定`];
    case 'notStarted':
      return ['各项指标尚无进展'];
    default:
      return [];
  }
}

/** Judges one project as of ctx.asOf under ctx.preset. Throws LedgerError('INVALID_INPUT') on bad dates or notes. */
export function judgeProject(input: ProjectStatusInput, ctx: StatusContext): Judgement {
  return judgeWith(input, prepare(ctx));
}

/** Judges every project of a plan in one pass; the context is checked once. Order is kept. */
export function judgePlan(projects: readonly ProjectStatusInput[], ctx: StatusContext): Judgement[] {
  const p = prepare(ctx);
  const out = new Array<Judgement>(projects.length);
  for (let i = 0; i < projects.length; i++) out[i] = judgeWith(projects[i] as ProjectStatusInput, p);
  return out;
}
