import { clauseEnd, clauseStart } from '../sentences';
import { foldWidth } from '../width';
import { memoised } from '../memo';
import { actualCandidates, type ActualCandidateFigure } from './candidates';
import { pairFigures, type MatchFigure, type MatchIndicator, type Pair } from './match';
import { readStated } from './stated';
import { readTargets } from './targets';
import type { KnownIndicator, ProposedActual, RowFigures, StatedCompletion } from './types';

export * from './types';
export { readTargets, tidyFigureLabel } from './targets';
export { readStated } from './stated';
export { similarity } from './match';

export interface FiguresInput {
  /** The goal or task text (工作任务 / 年度目标). */
  goal: string;
  progress: string;
  /** The progress split by unit, when the cell labels each unit's part. */
  unitProgress: readonly { unit: string; text: string }[];
}

export interface FiguresOptions {
  year: number;
  /** The project's indicators in the ledger: with any, no targets are proposed, only their actuals. */
  existing?: readonly KnownIndicator[];
}

// A table says the same progress again and again (a unit's standing words, a row copied down): each
// distinct text is read once. Both are shared, never changed: readFigures copies what it returns.
const candidatesOf: (text: string) => readonly ActualCandidateFigure[] = memoised(actualCandidates);
const wholeFiguresOf: (text: string) => readonly MatchFigure[] = memoised((text) => candidatesOf(text).map((f) => ({ ...f, part: null, offset: 0 })));
const statedOfText = memoised((text: string) => readStated(text));

function figuresOf(p: Part): readonly MatchFigure[] {
  if (p.unit === null && p.offset === 0) return wholeFiguresOf(p.text);
  return candidatesOf(p.text).map((f) => ({ ...f, part: p.unit, offset: p.offset }));
}

/** readStated(part, 'progress', offset, whole), from the part's own reading moved to its place in the whole. */
function statedOfPart(p: Part, whole: string): StatedCompletion | null {
  const s = statedOfText(p.text);
  if (s === null) return null;
  const start = s.span.start + p.offset;
  const end = s.span.end + p.offset;
  return { share: s.share, done: s.done, span: { field: s.span.field, start, end, text: whole.slice(start, end) } };
}

// Rows of a table pair the same indicators with the same progress again and again: a whole text's
// figures are shared, so their pairings are remembered per figures, by all that pairing reads of the indicators.
const pairingsOf = new WeakMap<readonly MatchFigure[], Map<string, readonly (readonly [number, number, number])[]>>();

function sharedPairs(indicators: readonly MatchIndicator[], figures: readonly MatchFigure[]): Pair[] {
  let known = pairingsOf.get(figures);
  if (known === undefined) {
    known = new Map();
    pairingsOf.set(figures, known);
  }
  // Each string with its length first, so no two lists of indicators share a key.
  const key = indicators.map((i) => `${i.name.length}:${i.name}${i.kind.length}:${i.kind}${i.unit.length}:${i.unit}${i.target};`).join('');
  let made = known.get(key);
  if (made === undefined) {
    made = pairFigures(indicators, figures).map((p) => [p.indicator.index, figures.indexOf(p.figure), p.value] as const);
    if (known.size >= 64) known.clear();
    known.set(key, made);
  }
  return made.map(([i, f, value]) => ({ indicator: indicators[i]!, figure: figures[f]!, value }));
}

interface Part {
  unit: string | null;
  text: string;
  offset: number;
}

function parts(input: FiguresInput): Part[] {
  if (input.unitProgress.length === 0) return input.progress.trim() === '' ? [] : [{ unit: null, text: input.progress, offset: 0 }];
  let from = 0;
  return input.unitProgress.map((u) => {
    const at = input.progress.indexOf(u.text, from);
    if (at >= 0) from = at + u.text.length;
    return { unit: u.unit, text: u.text, offset: Math.max(at, 0) };
  });
}

/** A project's stated completion: the whole cell's, or, split by unit, the least of the units' when every unit states one. */
function statedOf(input: FiguresInput, split: readonly Part[]): StatedCompletion | null {
  if (split.length <= 1) return input.progress.trim() === '' ? null : statedOfPart({ unit: null, text: input.progress, offset: 0 }, input.progress);
  const each = split.map((p) => statedOfPart(p, input.progress));
  if (each.some((s) => s === null)) return null;
  const all = each as StatedCompletion[];
  return all.reduce((a, b) => ((b.share ?? 100) < (a.share ?? 100) ? b : a));
}

/**
 * What a row's words say (issue #10): targets from its goal text (only when the project has no indicators
 * yet), actuals from its progress paired with its indicators, and its stated completion.
 */
export function readFigures(input: FiguresInput, options: FiguresOptions): RowFigures {
  const existing = options.existing ?? [];
  const targets = existing.length > 0 ? [] : readTargets(input.goal, options.year);
  const indicators: MatchIndicator[] =
    existing.length > 0
      ? existing.map((i, index) => ({ index, name: i.name, kind: i.kind, target: i.target, unit: i.unit }))
      : targets.map((t, index) => ({ index, name: t.label, kind: t.kind, target: t.target, unit: t.unit }));
  const split = parts(input);
  const folded = foldWidth(input.progress);
  const whole = split.length === 1 && split[0]!.unit === null && split[0]!.offset === 0;
  const pairs = whole ? sharedPairs(indicators, wholeFiguresOf(input.progress)) : pairFigures(indicators, split.flatMap(figuresOf));
  const actuals: ProposedActual[] = pairs.map((pair, n) => {
    const start = pair.figure.start + pair.figure.offset;
    const end = pair.figure.end + pair.figure.offset;
    const written = pair.figure.text;
    const ref = existing.length > 0 ? { id: (existing[pair.indicator.index] as KnownIndicator).id } : { target: `t${pair.indicator.index}` };
    return {
      key: `a${n}`,
      indicator: ref,
      indicatorName: pair.indicator.name,
      unit: pair.figure.part,
      value: Math.round(pair.value * 1e6) / 1e6,
      valueUnit: pair.indicator.unit,
      written,
      approximate: pair.figure.approximate,
      span: { field: 'progress', start, end, text: input.progress.slice(start, end) },
      words: input.progress.slice(clauseStart(folded, start), clauseEnd(folded, end)).trim(),
    };
  });
  return { targets, actuals, stated: statedOf(input, split) };
}
