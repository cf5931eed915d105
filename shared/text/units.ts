import type { IndicatorKind } from '../types/kinds';

/**
 * Units met in targets and progress reports. Units in one family convert into each other, so a target in
 * 公里 can be matched with progress in 米 and 98 名 can be compared with a target in 人.
 */
export type UnitFamily = 'percent' | 'money' | 'length' | 'person' | 'area' | 'volume' | 'event';

export interface UnitInfo {
  unit: string;
  kind: Exclude<IndicatorKind, 'milestone'>;
  /** Set for units that convert: the value in the family's base unit is value × factor. */
  family?: UnitFamily;
  factor?: number;
}

const table: UnitInfo[] = [
  { unit: '%', kind: 'rate', family: 'percent', factor: 1 },
  // "提高 5 个百分点": a change of a rate, not five things.
  { unit: '个百分点', kind: 'rate' },
  { unit: '元', kind: 'amount', family: 'money', factor: 1 },
  { unit: '万元', kind: 'amount', family: 'money', factor: 1e4 },
  { unit: '亿元', kind: 'amount', family: 'money', factor: 1e8 },
  { unit: '米', kind: 'length', family: 'length', factor: 1 },
  { unit: 'm', kind: 'length', family: 'length', factor: 1 },
  { unit: '公里', kind: 'length', family: 'length', factor: 1000 },
  { unit: '千米', kind: 'length', family: 'length', factor: 1000 },
  { unit: 'km', kind: 'length', family: 'length', factor: 1000 },
  { unit: '人', kind: 'count', family: 'person', factor: 1 },
  { unit: '名', kind: 'count', family: 'person', factor: 1 },
  { unit: '位', kind: 'count', family: 'person', factor: 1 },
  { unit: '平方米', kind: 'count', family: 'area', factor: 1 },
  { unit: 'm²', kind: 'count', family: 'area', factor: 1 },
  { unit: 'm2', kind: 'count', family: 'area', factor: 1 },
  { unit: '㎡', kind: 'count', family: 'area', factor: 1 },
  { unit: '立方米', kind: 'count', family: 'volume', factor: 1 },
  { unit: 'm³', kind: 'count', family: 'volume', factor: 1 },
  // "开展活动12场" against a target of "10场次": one kind of thing.
  { unit: '场次', kind: 'count', family: 'event', factor: 1 },
  { unit: '场', kind: 'count', family: 'event', factor: 1 },
  ...[
    '人次',
    '例',
    '个',
    '座',
    '所',
    '户',
    '套',
    '件',
    '项',
    '条',
    '家',
    '处',
    '份',
    '张',
    '盏',
    '栋',
    '间',
    '棵',
    '篇',
    '支',
    '种',
    '台',
    '辆',
    '批',
    '次',
    '期',
  ].map((unit): UnitInfo => ({ unit, kind: 'count' })),
];

const byUnit = new Map(table.map((info) => [info.unit, info]));

/** All known units, longest first, so that 人次 wins over 人 and 万元 over 元 when matching text. */
export const knownUnits: readonly string[] = [...byUnit.keys()].sort((a, b) => b.length - a.length);

/**
 * Units accepted after a Chinese numeral. Narrower than after digits: "一次宫颈癌筛查" and "一批" are
 * phrases, not quantities, in official prose.
 */
export const unitsAfterChineseNumerals: ReadonlySet<string> = new Set([
  '个', '座', '所', '户', '套', '场', '件', '项', '条', '家', '处', '名', '人', '公里', '千米', '米', '万元', '元', '栋', '间',
]);

export function unitInfo(unit: string): UnitInfo | undefined {
  return byUnit.get(unit);
}

/** Kind of indicator a unit suggests; unknown units count things. */
export function kindOfUnit(unit: string): Exclude<IndicatorKind, 'milestone'> {
  return byUnit.get(unit)?.kind ?? 'count';
}

/** Whether two units measure the same thing (equal, or in one convertible family). */
export function unitsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = byUnit.get(a)?.family;
  return fa !== undefined && fa === byUnit.get(b)?.family;
}

/** A value converted between units of one family (9.54 公里 → 9540 米); null when they do not convert. */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = byUnit.get(from);
  const b = byUnit.get(to);
  if (!a?.family || a.family !== b?.family || a.factor === undefined || b.factor === undefined) return null;
  // Divide by the smaller ratio first so that 公里→米 stays an exact integer multiplication.
  return a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
}
