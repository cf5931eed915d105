import type { DiffEntry } from '../../../../shared/domain';
import type { RowFigureAcceptance } from '../../../../shared/import/figures';

/** One proposed figure as the wizard lists it. */
export interface FigureItem {
  /** `${sourceRow}:${key}`: key 't0', 'a0' or 'stated'. */
  id: string;
  sourceRow: number;
  title: string;
  kind: 'target' | 'actual' | 'stated';
  key: string;
  /** The clause, with the figure's own words to highlight. */
  words: string;
  mark: string;
  value: number | null;
  unit: string;
  /** For an actual: the indicator it belongs to; for a stated completion: '完成情况'. */
  indicator: string;
  /** An actual of a target proposed in the same row: accepting it needs that target. */
  needs: string | null;
}

export interface FigureChoice {
  accepted: boolean;
  /** The number as edited; undefined keeps the one read. */
  value?: number | null;
}

export function figureItems(entries: readonly DiffEntry[]): FigureItem[] {
  const items: FigureItem[] = [];
  for (const e of entries) {
    const f = e.figures;
    const base = { sourceRow: e.sourceRow, title: e.title };
    for (const t of f.targets) {
      items.push({ ...base, id: `${e.sourceRow}:${t.key}`, kind: 'target', key: t.key, words: t.words, mark: t.span.text, value: t.target, unit: t.unit, indicator: t.label, needs: null });
    }
    for (const a of f.actuals) {
      const needs = 'target' in a.indicator ? `${e.sourceRow}:${a.indicator.target}` : null;
      items.push({ ...base, id: `${e.sourceRow}:${a.key}`, kind: 'actual', key: a.key, words: a.words, mark: a.span.text, value: a.value, unit: a.valueUnit, indicator: a.unit ? `${a.indicatorName}（${a.unit}）` : a.indicatorName, needs });
    }
    if (f.stated) {
      const s = f.stated;
      items.push({ ...base, id: `${e.sourceRow}:stated`, kind: 'stated', key: 'stated', words: s.span.text, mark: s.span.text, value: s.share, unit: s.share === null ? '' : '%', indicator: '', needs: null });
    }
  }
  return items;
}

/** The commit's `figures`: per row, what was accepted, numbers as edited. */
export function acceptanceOf(items: readonly FigureItem[], choices: ReadonlyMap<string, FigureChoice>): RowFigureAcceptance[] {
  const rows = new Map<number, RowFigureAcceptance>();
  for (const item of items) {
    const choice = choices.get(item.id);
    if (!choice?.accepted) continue;
    const row = rows.get(item.sourceRow) ?? { sourceRow: item.sourceRow, targets: [], actuals: [], stated: false };
    rows.set(item.sourceRow, row);
    const edited = choice.value !== undefined && choice.value !== item.value;
    if (item.kind === 'target') row.targets.push(edited ? { key: item.key, target: choice.value ?? null } : { key: item.key });
    else if (item.kind === 'actual') row.actuals.push(edited && choice.value != null ? { key: item.key, value: choice.value } : { key: item.key });
    else row.stated = true;
  }
  return [...rows.values()];
}
