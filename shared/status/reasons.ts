import { formatAmount, formatPercent, wholePercent } from './format';
import { statusLabels } from './labels';
import type { RulePreset } from './presets';
import type { IndicatorJudgement, PersonNote, StatusClass } from './types';

/** Plain-Chinese reasons, one sentence each, so a reviewer can check a light by hand. */

export function quoted(name: string): string {
  return `「${name}」`;
}

/**
 * How the repeated pieces of a reason are made: the engine passes cached ones for a whole run (run.ts), so the
 * wording stays defined here, once.
 */
export interface ReasonPieces {
  quoted(name: string): string;
  /** formatPercent of a timeProgress. */
  timePercent(share: number): string;
}

const freshPieces: ReasonPieces = { quoted, timePercent: formatPercent };

/** "完成 50%，时序进度 75%，落后 25 个百分点" — the gap is taken from the shown figures so it adds up. */
export function scheduleSentence(completion: number, timeProgress: number, preset: RulePreset, pieces = freshPieces): string {
  const head = `完成 ${formatPercent(completion)}，时序进度 ${pieces.timePercent(timeProgress)}`;
  if (preset.kind === 'ratio') {
    if (timeProgress <= 0) return `${head}，尚未进入计划期`;
    return `${head}，为时序进度的 ${formatPercent(completion / timeProgress)}`;
  }
  const gap = wholePercent(timeProgress) - wholePercent(completion);
  if (gap > 0) return `${head}，落后 ${gap} 个百分点`;
  if (gap < 0) return `${head}，超前 ${-gap} 个百分点`;
  return `${head}，与时序进度持平`;
}

/** The rule itself, named with its version, so the light can be traced to it. */
export function ruleSentence(preset: RulePreset): string {
  // Named by its Chinese label and version: the internal name (default, custom) means nothing to a reader.
  const name = `按${quoted(preset.label)}第 ${preset.version} 版`;
  if (preset.kind === 'gap') {
    return `${name}：落后时序进度超过 ${preset.yellowGap} 个百分点为黄灯，超过 ${preset.redGap} 个百分点或逾期为红灯`;
  }
  return `${name}：完成低于时序进度的 ${formatPercent(preset.yellowBelow)} 为黄灯，低于 ${formatPercent(preset.redBelow)} 或逾期为红灯`;
}

/** One indicator in words: "「农村公路提档升级」完成 6 公里，目标 12 公里（50%），时序进度 75%". */
export function indicatorReason(j: IndicatorJudgement, pieces = freshPieces): string {
  const name = pieces.quoted(j.name);
  if (j.kind === 'milestone') {
    if (j.state === 'met') return `${name}已完成（时限 ${j.deadline}）`;
    return j.overdue ? `${name}时限 ${j.deadline} 已过，尚未完成` : `${name}时限 ${j.deadline}，尚未到期`;
  }
  if (j.target === null) return `${name}没有目标值`;
  if (j.actual === null || j.completion === null) return `${name}未报送完成数（目标 ${formatAmount(j.target, j.unit)}）`;
  const figures = `${formatAmount(j.actual, j.unit)}`;
  if (j.comparator === '<=') {
    return j.state === 'met'
      ? `${name}为 ${figures}，不超过上限 ${formatAmount(j.target, j.unit)}，符合要求`
      : `${name}为 ${figures}，超过上限 ${formatAmount(j.target, j.unit)}${j.overdue ? '，已过时限' : ''}`;
  }
  const share = `完成 ${figures}，目标${j.comparator === '=' ? '为' : ''} ${formatAmount(j.target, j.unit)}（${formatPercent(j.completion)}）`;
  if (j.state === 'met') return `${name}${share}，已达标`;
  if (j.comparator === '=' && j.completion > 1) return `${name}${share}，超出要求的数值`;
  if (j.overdue) return `${name}${share}，时限 ${j.deadline} 已过`;
  return `${name}${share}，时序进度 ${pieces.timePercent(j.timeProgress)}`;
}

export function noteSuffix(note: PersonNote): string {
  const who = [note.by, note.at].filter((s) => s !== undefined && s.trim() !== '').join('，');
  return who === '' ? '' : `（${who}）`;
}

export function overrideSentence(to: StatusClass, from: StatusClass, note: PersonNote): string {
  return `人工调整为“${statusLabels[to]}”（按规则为“${statusLabels[from]}”）：${note.reason.trim()}${noteSuffix(note)}`;
}
