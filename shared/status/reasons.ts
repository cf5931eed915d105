import { formatPercent, trimNumber, wholePercent } from './format';
import { statusLabels } from './labels';
import type { RulePreset } from './presets';
import type { IndicatorJudgement, PersonNote, StatusClass } from './types';

/** Plain-Chinese reasons, one sentence each, so a reviewer can check a light by hand. */

/**
 * A template's text as one flat string. A plain template is kept by V8 as a tree of its pieces (one 32-byte node
 * per join, the number texts besides); a plan keeps 130,000 reasons alive in its judgements, and each node is
 * copied by every young-generation collection of the run (issue #13). join() writes the text out once.
 */
function flat(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts = new Array<string | number>(strings.length + values.length);
  parts[0] = strings[0] as string;
  for (let i = 0; i < values.length; i++) {
    parts[2 * i + 1] = values[i] as string | number;
    parts[2 * i + 2] = strings[i + 1] as string;
  }
  return parts.join('');
}

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
  /** What follows a figure in formatAmount for this unit. */
  unitSuffix(unit: string): string;
}

/** formatAmount(value, unit) is trimNumber(value) followed by this. */
export function unitSuffix(unit: string): string {
  return unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`;
}

const freshPieces: ReasonPieces = { quoted, timePercent: formatPercent, unitSuffix };

/** "完成 50%，时序进度 75%，落后 25 个百分点" — the gap is taken from the shown figures so it adds up. */
export function scheduleSentence(completion: number, timeProgress: number, preset: RulePreset, pieces = freshPieces): string {
  const head = `完成 ${formatPercent(completion)}，时序进度 ${pieces.timePercent(timeProgress)}`;
  if (preset.kind === 'ratio') {
    if (timeProgress <= 0) return flat`${head}，尚未进入计划期`;
    return flat`${head}，为时序进度的 ${formatPercent(completion / timeProgress)}`;
  }
  const gap = wholePercent(timeProgress) - wholePercent(completion);
  if (gap > 0) return flat`${head}，落后 ${gap} 个百分点`;
  if (gap < 0) return flat`${head}，超前 ${-gap} 个百分点`;
  return flat`${head}，与时序进度持平`;
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
    if (j.state === 'met') return flat`${name}已完成（时限 ${j.deadline}）`;
    return j.overdue ? flat`${name}时限 ${j.deadline} 已过，尚未完成` : flat`${name}时限 ${j.deadline}，尚未到期`;
  }
  if (j.target === null) return flat`${name}没有目标值`;
  // Each figure goes into the one join as its number and its unit (formatAmount's text, with no string between).
  const unit = pieces.unitSuffix(j.unit);
  const target = trimNumber(j.target);
  if (j.actual === null || j.completion === null) return flat`${name}未报送完成数（目标 ${target}${unit}）`;
  const actual = trimNumber(j.actual);
  if (j.comparator === '<=') {
    return j.state === 'met'
      ? flat`${name}为 ${actual}${unit}，不超过上限 ${target}${unit}，符合要求`
      : flat`${name}为 ${actual}${unit}，超过上限 ${target}${unit}${j.overdue ? '，已过时限' : ''}`;
  }
  const is = j.comparator === '=' ? '为' : '';
  const percent = formatPercent(j.completion);
  if (j.state === 'met') return flat`${name}完成 ${actual}${unit}，目标${is} ${target}${unit}（${percent}），已达标`;
  if (j.comparator === '=' && j.completion > 1) return flat`${name}完成 ${actual}${unit}，目标${is} ${target}${unit}（${percent}），超出要求的数值`;
  if (j.overdue) return flat`${name}完成 ${actual}${unit}，目标${is} ${target}${unit}（${percent}），时限 ${j.deadline} 已过`;
  return flat`${name}完成 ${actual}${unit}，目标${is} ${target}${unit}（${percent}），时序进度 ${pieces.timePercent(j.timeProgress)}`;
}

export function noteSuffix(note: PersonNote): string {
  const who = [note.by, note.at].filter((s) => s !== undefined && s.trim() !== '').join('，');
  return who === '' ? '' : `（${who}）`;
}

export function overrideSentence(to: StatusClass, from: StatusClass, note: PersonNote): string {
  return `人工调整为“${statusLabels[to]}”（按规则为“${statusLabels[from]}”）：${note.reason.trim()}${noteSuffix(note)}`;
}
