import type { RulePreset } from './presets';
import { quoted } from './reasons';
import { dayOf, fallbackName, type Run } from './run';
import { timeProgressOfDays } from './schedule';
import type { IndicatorJudgement, IndicatorState, IndicatorStatusInput } from './types';

/** Judging one indicator: its effective deadline, state, completion and lateness (DESIGN §4). */

/** Relative tolerance for "met": reported figures are decimals, and 0.1 + 0.2 must reach 0.3. */
const tolerance = 1e-9;

/**
 * Slack on the lines, so that a gap of exactly 10 points computed as 10.000000000000002 is still "not more
 * than 10": shares come from divisions, the thresholds are round numbers people typed.
 */
export const lineSlack = 1e-9;

/**
 * name.trim() !== '', deciding from the first character when it cannot be white space: trim() was a call into
 * the runtime for each of 250,000 names, nearly all of which start with a letter or a 汉字.
 */
function hasText(name: string): boolean {
  if (name === '') return false;
  const c = name.charCodeAt(0);
  // Every JavaScript white space or line terminator is in one of these ranges (some non-spaces too: they trim).
  const maybeSpace = c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x205f) || c === 0x3000 || c === 0xfeff;
  return !maybeSpace || name.trim() !== '';
}

export function judgeIndicator(
  input: IndicatorStatusInput,
  index: number,
  projectDeadline: string,
  projectDeadlineDay: number,
  run: Run,
): IndicatorJudgement {
  const name = input.name !== undefined && hasText(input.name) ? input.name : fallbackName(run, index);
  let deadline = projectDeadline;
  let deadlineDay = projectDeadlineDay;
  if (input.deadline != null) {
    // The lookup first: the closure naming it is made only for a day not seen yet.
    const own = run.days.get(input.deadline) ?? dayOf(run, input.deadline, () => `${quoted(name)}的时限`);
    // An indicator cannot be due after its project.
    if (own < deadlineDay) {
      deadline = input.deadline;
      deadlineDay = own;
    }
  }
  const tp = timeProgressOfDays(run.startDay, deadlineDay, run.asOfDay);
  const target = input.target ?? null;
  let actual: number | null = input.actual ?? null;
  let state: IndicatorState;
  let completion: number | null = null;
  let behindPoints: number | null = null;

  if (input.kind === 'milestone') {
    // Done counts only once its date is reached by the judgement date: re-judging the past stays honest.
    const done =
      input.doneOn != null &&
      (run.days.get(input.doneOn) ?? dayOf(run, input.doneOn, () => `${quoted(name)}的完成日期`)) <= run.asOfDay;
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

  // One object per indicator and no strings: 250,000 of these are made per plan; reasons word a few.
  return {
    id: input.id,
    name,
    kind: input.kind,
    comparator: input.comparator,
    target: input.kind === 'milestone' ? null : target,
    actual,
    unit: input.unit ?? '',
    deadline,
    state,
    completion,
    timeProgress: tp,
    behindPoints,
    overdue: state === 'open' && run.asOfDay > deadlineDay,
  };
}

/** Whether one open indicator alone is past the yellow line. */
export function isBehind(j: IndicatorJudgement, preset: RulePreset): boolean {
  if (j.completion === null) return false;
  if (preset.kind === 'gap') return (j.behindPoints ?? 0) > preset.yellowGap + lineSlack;
  return j.timeProgress > 0 && j.completion / j.timeProgress < preset.yellowBelow - lineSlack;
}
