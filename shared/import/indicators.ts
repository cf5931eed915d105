/** Indicator columns (目标值, 单位, 完成值, 完成率) grouped and read as numbers in their units. */
import { foldWidth, parseNumberText, parseQuantity } from '../text';
import type { Cell, ColumnMapping, ImportWarning, PreviewIndicator } from '../types/preview';
import { text } from './cells';

/** A number read from a cell, in its unit; `unreadable` when the cell holds text that is no number. */
interface Quantityish {
  value: number | null;
  unit: string;
  unreadable: boolean;
}

/** A target or actual: a number cell, or text such as 1.38万人次; the unit from the cell, its column or the table. */
function readQuantity(cell: Cell | undefined, unitText: string): Quantityish {
  if (typeof cell === 'number') {
    if (unitText) {
      const q = parseQuantity(`${cell}${unitText}`);
      if (q) return { value: q.value, unit: q.unit || unitText, unreadable: false };
    }
    return { value: cell, unit: unitText, unreadable: false };
  }
  const raw = foldWidth(text(cell)).replace(/\s+/g, '');
  if (raw === '' || /^[-—/／\\无]+$/.test(raw)) return { value: null, unit: unitText, unreadable: false };
  const plain = withSign(raw, parseNumberText);
  if (plain !== null) return readQuantity(plain, unitText);
  const q = parseQuantity(raw.replace(minus, ''));
  if (q) return { value: minus.test(raw) ? -q.value : q.value, unit: q.unit || unitText, unreadable: false };
  return { value: null, unit: unitText, unreadable: true };
}

/** A leading minus sign (a CSV has every number as text: -5, -3.2%); the number parsers read magnitudes. */
const minus = /^[-－−](?=\d)/;

function withSign(raw: string, parse: (body: string) => number | null): number | null {
  const value = parse(raw.replace(minus, ''));
  return value !== null && minus.test(raw) ? -value : value;
}

/** Six decimals: enough for any figure, and free of floating-point noise (0.1 + 0.2). */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

const magnitudes: readonly [string, number][] = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

function scaleOf(unit: string): { base: string; factor: number } {
  for (const [prefix, factor] of magnitudes) if (unit.length > 1 && unit.startsWith(prefix)) return { base: unit.slice(1), factor };
  return { base: unit, factor: 1 };
}

/** A value restated in another unit that differs only by 万/亿/千 (8000万元 against 亿元: 0.8); null if they differ otherwise. */
function inUnit(value: number, from: string, to: string): number | null {
  const [a, b] = [scaleOf(from), scaleOf(to)];
  return a.base === b.base ? (value * a.factor) / b.factor : null;
}

interface IndicatorGroup {
  indicator?: number;
  target?: number;
  unit?: number;
  actual?: number;
  rate?: number;
}

/** Columns of one indicator side by side (指标, 目标值, 单位, 完成值, 完成率); a repeated field opens the next. */
function indicatorGroups(columns: readonly ColumnMapping[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  let current: IndicatorGroup | null = null;
  for (const col of columns) {
    const f = col.field;
    if (f !== 'indicator' && f !== 'target' && f !== 'unit' && f !== 'actual' && f !== 'rate') continue;
    const opensNew = f === 'indicator' ? current !== null && (current.indicator !== undefined || current.target !== undefined || current.actual !== undefined) : current === null || current[f] !== undefined;
    if (opensNew || current === null) {
      current = {};
      groups.push(current);
    }
    current[f] = col.index;
  }
  // A lone 单位 column with nothing else is not an indicator.
  return groups.filter((g) => g.target !== undefined || g.actual !== undefined || g.rate !== undefined || g.indicator !== undefined);
}

/** Numbers in a rate column ≤ 2 are fractions (0.55 is 55%) when no number in it is larger. */
function rateIsFraction(cells: readonly Cell[][], column: number, from: number): boolean {
  let any = false;
  for (let r = from; r < cells.length; r++) {
    const v = cells[r]?.[column];
    const n = typeof v === 'number' ? v : /%|％/.test(text(v)) ? null : parseNumberText(foldWidth(text(v)));
    if (n === null || n === undefined) continue;
    any = true;
    if (Math.abs(n) > 2) return false;
  }
  return any;
}

/** What a table's indicator columns are, read once for all its rows. */
export interface IndicatorColumns {
  groups: IndicatorGroup[];
  /** Rate columns whose numbers are fractions (0.55 for 55%). */
  fractionRates: Map<number, boolean>;
  /** "单位：万元" above the table, for figures whose cells name no unit. */
  measureUnit: string;
}

export function indicatorColumns(columns: readonly ColumnMapping[], filled: readonly Cell[][], firstData: number, measureUnit: string): IndicatorColumns {
  const groups = indicatorGroups(columns);
  const fractionRates = new Map<number, boolean>();
  for (const g of groups) if (g.rate !== undefined) fractionRates.set(g.rate, rateIsFraction(filled, g.rate, firstData));
  return { groups, fractionRates, measureUnit };
}

function readRate(cell: Cell | undefined, fraction: boolean, sourceRow: number, warnings: ImportWarning[]): number | null {
  const raw = text(cell);
  const isPercentText = /%|％/.test(raw);
  const n =
    typeof cell === 'number'
      ? cell
      : withSign(foldWidth(raw).replace(/\s+/g, ''), (body) => (isPercentText ? (parseQuantity(body)?.value ?? null) : parseNumberText(body)));
  if (n !== null) return round(!isPercentText && fraction ? n * 100 : n);
  if (raw !== '' && !/^[-—/／\\无]+$/.test(raw)) warnings.push({ row: sourceRow, code: 'NUMBER_UNREADABLE', message: `第 ${sourceRow} 行的完成率“${raw}”不是数字，未读入。` });
  return null;
}

/**
 * The indicators of one row: `cells` as read (numbers stay numbers), `texts` as the other stages see them.
 * An actual in another magnitude of the target's unit is restated (8000万元 against 1.5亿元 → 0.8).
 */
export function rowIndicators(
  table: IndicatorColumns,
  cells: readonly Cell[] | undefined,
  texts: readonly string[],
  project: string,
  sourceRow: number,
  warnings: ImportWarning[],
): PreviewIndicator[] {
  // Most tables have no figure columns: then no row has indicators of its own.
  if (table.groups.length === 0) return [];
  const at = (c: number | undefined): string => (c === undefined ? '' : (texts[c] ?? ''));
  const indicators: PreviewIndicator[] = [];
  for (const g of table.groups) {
    const unitText = (g.unit !== undefined ? foldWidth(at(g.unit)).trim() : '') || table.measureUnit;
    const target = readQuantity(g.target !== undefined ? cells?.[g.target] : null, unitText);
    const actual = readQuantity(g.actual !== undefined ? cells?.[g.actual] : null, unitText);
    const rate = g.rate !== undefined ? readRate(cells?.[g.rate], table.fractionRates.get(g.rate) ?? false, sourceRow, warnings) : null;
    for (const [label, q, index] of [['目标值', target, g.target], ['完成值', actual, g.actual]] as const) {
      if (q.unreadable) {
        warnings.push({ row: sourceRow, code: 'NUMBER_UNREADABLE', message: `第 ${sourceRow} 行的${label}“${at(index)}”不是一个数，未读入。` });
      }
    }
    const name = (g.indicator !== undefined ? at(g.indicator).replace(/\s*\n\s*/g, '') : '') || project;
    if (target.value === null && actual.value === null && rate === null && (g.indicator === undefined || at(g.indicator) === '')) continue;
    const unit = target.unit || actual.unit;
    let actualValue = actual.value;
    if (actualValue !== null && target.unit && actual.unit && actual.unit !== target.unit) {
      actualValue = inUnit(actualValue, actual.unit, target.unit);
      if (actualValue === null) {
        warnings.push({
          row: sourceRow,
          code: 'UNIT_MISMATCH',
          message: `第 ${sourceRow} 行的完成值单位“${actual.unit}”与目标值单位“${target.unit}”不一致，完成值未读入，请核对。`,
        });
      }
    }
    indicators.push({ name, target: target.value === null ? null : round(target.value), unit, actual: actualValue === null ? null : round(actualValue), rate });
  }
  return indicators;
}
