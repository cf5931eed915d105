import { formatPercent, wholePercent } from './format';
import type { RulePreset } from './presets';
import type { Light, StatedInput, StatusClass } from './types';

/**
 * Judging a project from the completion its progress states in words ("完成全年任务的43%",
 * "已完成全年目标任务"), used when it has no quantitative indicator with a figure. The reason quotes the
 * words, so the light can be traced to what the department wrote. Stage words ("正在进行项目招标") are
 * never a statement of completion: they are not read as one upstream, and nothing here guesses.
 */
export interface StatedJudgement {
  status: StatusClass;
  light: Light;
  completion: number;
  reasons: string[];
}

const lineSlack = 1e-9;

function lightOf(completion: number, timeProgress: number, preset: RulePreset): Light {
  if (preset.kind === 'gap') {
    const behind = (timeProgress - completion) * 100;
    if (behind > preset.redGap + lineSlack) return 'red';
    return behind > preset.yellowGap + lineSlack ? 'yellow' : 'green';
  }
  const ratio = timeProgress > 0 ? completion / timeProgress : Infinity;
  if (ratio < preset.redBelow - lineSlack) return 'red';
  return ratio < preset.yellowBelow - lineSlack ? 'yellow' : 'green';
}

/** The words as quoted in a reason, shortened when long. */
function quote(words: string): string {
  const w = words.replace(/\s+/g, ' ').trim();
  return `“${w.length > 40 ? `${w.slice(0, 40)}…` : w}”`;
}

export function judgeStated(stated: StatedInput, timeProgress: number, preset: RulePreset, ruleText: string): StatedJudgement {
  const head = `依据进展情况${quote(stated.words)}`;
  const share = stated.share === null ? null : stated.share / 100;
  if (stated.done || (share !== null && share >= 1)) {
    return { status: 'completed', light: 'green', completion: share ?? 1, reasons: [`${head}：已完成全年任务`] };
  }
  const completion = share ?? 0;
  const light = lightOf(completion, timeProgress, preset);
  const status: StatusClass = light !== 'green' ? 'lagging' : completion > 0 ? 'onTrack' : 'notStarted';
  let schedule: string;
  if (preset.kind === 'ratio') {
    schedule = timeProgress > 0 ? `时序进度 ${formatPercent(timeProgress)}，为时序进度的 ${formatPercent(completion / timeProgress)}` : '尚未进入计划期';
  } else {
    const gap = wholePercent(timeProgress) - wholePercent(completion);
    schedule = `时序进度 ${formatPercent(timeProgress)}，${gap > 0 ? `落后 ${gap} 个百分点` : gap < 0 ? `超前 ${-gap} 个百分点` : '与时序进度持平'}`;
  }
  return { status, light, completion, reasons: [`${head}：${schedule}`, ruleText] };
}
