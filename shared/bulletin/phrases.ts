/** The words a bulletin takes from the plan and the period: 全区 / 区, 1-9月份, and sensible defaults for the editable parts. */
import type { BulletinSource } from './types';

const levelWord: Readonly<Record<string, string>> = { province: '省', city: '市', county: '县', district: '区', township: '镇' };

/** 区 for a district plan, 县 for a county one… (the level may be stored as 区 already). */
export function levelChar(level: string): string {
  return levelWord[level] ?? (level.length === 1 ? level : '区');
}

/** 全区 */
export const scope = (source: BulletinSource) => `全${levelChar(source.plan.level)}`;

/** "1-9月份" from the period's date; "1月份" in January; "全年" at the year's end. */
export function periodPhrase(source: BulletinSource): string {
  const month = Number(source.period.asOf.slice(5, 7));
  const day = Number(source.period.asOf.slice(8, 10));
  if (month === 12 && day >= 31) return '全年';
  return month === 1 ? '1月份' : `1-${month}月份`;
}

/** 截至9月底 / 截至9月25日 */
export function asOfPhrase(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return d === last ? `截至${m}月底` : `截至${m}月${d}日`;
}

export function defaultRequirements(source: BulletinSource): string {
  const c = levelChar(source.plan.level);
  return [
    `办好民生实事是${c}委${c}政府对${scope(source)}人民的承诺。对于进展缓慢的实事，各牵头单位要进一步提高政治站位，围绕资金投入不足、协调衔接不顺畅等影响民生实事推进的问题，不等不靠，主动出击，补短板、强弱项，严格时间节点，加大工作力度，以更高标准、更实举措推动民生实事工作得到高质量落实。`,
    `${c}委${c}政府督查局将持续跟进民生实事落实情况，对行动迟缓、推动不力、未按时完成任务的单位进行通报批评。`,
  ].join('\n');
}

export function defaultDistribution(source: BulletinSource): string {
  const c = levelChar(source.plan.level);
  return `${c}委常委，${c}人大主任，${c}政协主席，${c}政府副${c}长，各乡镇（街道），${c}委各部委，${c}直各单位。`;
}
