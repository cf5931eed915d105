import { clauseEnd, clauseStart } from '../sentences';
import { foldWidth } from '../width';
import { memoised } from '../memo';
import { actualCandidates, type ActualCandidateFigure } from './candidates';
import { pairFigures, type MatchFigure, type MatchIndicator } from './match';
import { readStated } from './stated';
import { goalTargets, sharedGoalTargets, type SharedGoalTargets } from './goal-targets';
import { targetKey } from './targets';
import type { KnownIndicator, ProposedActual, ProposedTarget, RowFigures, StatedCompletion } from './types';

export * from './types';
export { readTargets } from './goal-targets';
export { tidyFigureLabel } from './targets';
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
const statedOfText = memoised((text: string) => readStated(text));

function figuresOf(p: Part): MatchFigure[] {
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
 * What the progress side of a row gives, whoever its indicators are: its figures, its stated completion
 * and the actuals made of them for each list of indicators met. Rows of a table say the same progress again
 * and again (a unit's standing words, a row copied down), so this is made once per progress text and
 * shared; never changed: readFigures copies out of it.
 */
interface ProgressReading {
  progress: string;
  folded: string;
  figures: readonly MatchFigure[];
  stated: StatedCompletion | null;
  /**
   * The actuals for each list of indicators: the ledger's by a key naming all that pairing reads of them,
   * a goal's targets by the key of where they were read from (goalTargets).
   */
  actuals: Map<string | object, readonly ActualMade[]>;
  /** The frozen figures of rows with no indicators in the ledger, by their goal's sharedGoalTargets (sharedFigures). */
  rows: Map<object, RowFigures>;
  /**
   * What rows share of it whatever their goal's places (sharedFigures): its stated completion, and the
   * actuals for each goal's targets by the goal's key, frozen. Goals that differ only by the width of their
   * ordinal ("第9项" and "第10项") get their own targets but these same actuals.
   */
  sharedStated: StatedCompletion | null;
  sharedActuals: Map<object, readonly ProposedActual[]>;
}

/** An actual as paired, all but what names its indicator in the row. */
interface ActualMade {
  indicator: number;
  indicatorName: string;
  unit: string | null;
  value: number;
  valueUnit: string;
  written: string;
  approximate: boolean;
  start: number;
  end: number;
  text: string;
  words: string;
}

function progressReading(input: FiguresInput): ProgressReading {
  const split = parts(input);
  const stated = statedOf(input, split);
  return { progress: input.progress, folded: foldWidth(input.progress), figures: split.flatMap(figuresOf), stated, actuals: new Map(), rows: new Map(), sharedStated: frozenStated(copyStated(stated)), sharedActuals: new Map() };
}

// A progress text's reading (whole, or the splits it was read with), as memoised remembers: looked up in
// place by every row (progressOf), where a memo's closure would be one more function compiled with all it calls.
const wholeProgress = new Map<string, ProgressReading>();
const splitsOf = new Map<string, Split[]>();

/** A progress text's readings split by unit, each with the split it was made for. */
interface Split {
  units: readonly { unit: string; text: string }[];
  reading: ProgressReading;
}

function sameSplit(a: readonly { unit: string; text: string }[], b: readonly { unit: string; text: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.unit !== b[i]!.unit || a[i]!.text !== b[i]!.text) return false;
  return true;
}

function progressOf(progress: string, unitProgress: FiguresInput['unitProgress']): ProgressReading {
  if (unitProgress.length === 0) return wholeProgress.get(progress) ?? newWholeProgress(progress);
  // By the whole text, then the split compared part by part: no key string is built and hashed per row.
  const splits = splitsOf.get(progress);
  // By index: an array's iterator allocates in baseline code, and this runs for every split row.
  if (splits !== undefined) for (let n = 0; n < splits.length; n++) if (sameSplit(splits[n]!.units, unitProgress)) return splits[n]!.reading;
  return newSplitProgress(progress, unitProgress);
}

/** progressOf for a text not read whole before: read, and remembered unless too long to keep (see memoised). */
function newWholeProgress(progress: string): ProgressReading {
  const reading = progressReading({ goal: '', progress, unitProgress: [] });
  if (progress.length > 2000) return reading;
  if (wholeProgress.size >= 4096) wholeProgress.clear();
  wholeProgress.set(progress, reading);
  return reading;
}

function newSplitProgress(progress: string, unitProgress: FiguresInput['unitProgress']): ProgressReading {
  const reading = progressReading({ goal: '', progress, unitProgress });
  if (progress.length > 2000) return reading;
  let splits = splitsOf.get(progress);
  if (splits === undefined) {
    if (splitsOf.size >= 4096) splitsOf.clear();
    splitsOf.set(progress, (splits = []));
  }
  if (splits.length >= 8) splits.length = 0;
  splits.push({ units: unitProgress.map((u) => ({ unit: u.unit, text: u.text })), reading });
  return reading;
}

function made(reading: ProgressReading, indicators: readonly MatchIndicator[]): ActualMade[] {
  return pairFigures(indicators, reading.figures).map((pair) => {
    const start = pair.figure.start + pair.figure.offset;
    const end = pair.figure.end + pair.figure.offset;
    return {
      indicator: pair.indicator.index,
      indicatorName: pair.indicator.name,
      unit: pair.figure.part,
      value: Math.round(pair.value * 1e6) / 1e6,
      valueUnit: pair.indicator.unit,
      written: pair.figure.text,
      approximate: pair.figure.approximate,
      start,
      end,
      text: reading.progress.slice(start, end),
      words: reading.progress.slice(clauseStart(reading.folded, start), clauseEnd(reading.folded, end)).trim(),
    };
  });
}

/** The actuals of this progress for these indicators, remembered by `key`. */
function actualsMade(reading: ProgressReading, indicators: readonly MatchIndicator[], key: string | object): readonly ActualMade[] {
  let out = reading.actuals.get(key);
  if (out === undefined) {
    out = made(reading, indicators);
    if (reading.actuals.size >= 64) reading.actuals.clear();
    reading.actuals.set(key, out);
  }
  return out;
}

/** All that pairing reads of a list of indicators, each string with its length first so no two lists share a key. */
function indicatorsKey(indicators: readonly MatchIndicator[]): string {
  return indicators.map((i) => `${i.name.length}:${i.name}${i.kind.length}:${i.kind}${i.unit.length}:${i.unit}${i.target};`).join('');
}

const actualKeys: string[] = [];
const actualKey = (n: number) => (actualKeys[n] ??= `a${n}`);

function proposed(made: readonly ActualMade[], existing: readonly KnownIndicator[] | null): ProposedActual[] {
  return made.map((a, n) => ({
    key: actualKey(n),
    indicator: existing !== null ? { id: existing[a.indicator]!.id } : { target: targetKey(a.indicator) },
    indicatorName: a.indicatorName,
    unit: a.unit,
    value: a.value,
    valueUnit: a.valueUnit,
    written: a.written,
    approximate: a.approximate,
    span: { field: 'progress', start: a.start, end: a.end, text: a.text },
    words: a.words,
  }));
}

function copyStated(s: StatedCompletion | null): StatedCompletion | null {
  return s === null ? null : { share: s.share, done: s.done, span: { field: s.span.field, start: s.span.start, end: s.span.end, text: s.span.text } };
}

/** The actuals of a goal's targets in this progress (none without a target or a figure). */
function goalActuals(reading: ProgressReading, targets: readonly ProposedTarget[], key: object | null): readonly ActualMade[] {
  if (reading.figures.length === 0 || key === null) return [];
  const indicators: MatchIndicator[] = targets.map((t, index) => ({ index, name: t.label, kind: t.kind, target: t.target, unit: t.unit }));
  return actualsMade(reading, indicators, key);
}

/**
 * What a row's words say (issue #10): targets from its goal text (only when the project has no indicators
 * yet), actuals from its progress paired with its indicators, and its stated completion. The figures are
 * the caller's own.
 */
export function readFigures(input: FiguresInput, options: FiguresOptions): RowFigures {
  const existing = options.existing ?? [];
  if (existing.length === 0) {
    const goal = goalTargets(input.goal, options.year);
    const reading = progressOf(input.progress, input.unitProgress);
    return { targets: goal.targets, actuals: proposed(goalActuals(reading, goal.targets, goal.key), null), stated: copyStated(reading.stated) };
  }
  const reading = progressOf(input.progress, input.unitProgress);
  let made: readonly ActualMade[] = [];
  if (reading.figures.length > 0) {
    const indicators: MatchIndicator[] = existing.map((i, index) => ({ index, name: i.name, kind: i.kind, target: i.target, unit: i.unit }));
    made = actualsMade(reading, indicators, indicatorsKey(indicators));
  }
  return { targets: [], actuals: proposed(made, existing), stated: copyStated(reading.stated) };
}

/**
 * readFigures for a project with no indicators in the ledger, frozen and shared by every row whose words
 * give the same figures at the same places (a table's rows repeat their texts, or differ only by an
 * ordinal of the same width): a 20,000-row table makes each distinct reading once rather than a copy per
 * row. Never to be changed; readFigures gives copies.
 */
export function sharedFigures(input: FiguresInput, year: number): RowFigures {
  return sharedFiguresOf(input.goal, input.progress, input.unitProgress, year);
}

/** sharedFigures of a row's words as they are, with no input object made for each row. */
export function sharedFiguresOf(goalText: string, progress: string, unitProgress: FiguresInput['unitProgress'], year: number): RowFigures {
  const goal = sharedGoalTargets(goalText, year);
  const reading = progressOf(progress, unitProgress);
  // One SharedGoalTargets per list of targets at its places: the key of what is made of it.
  return reading.rows.get(goal) ?? frozenFigures(reading, goal);
}

/**
 * sharedFigures' figures for a reading and a goal not met together before. Apart from the lookup, which
 * every row makes: the optimised lookup is then not thrown away when a row made here brings a new shape.
 */
function frozenFigures(reading: ProgressReading, goal: SharedGoalTargets): RowFigures {
  const out: RowFigures = Object.freeze({ targets: goal.targets as ProposedTarget[], actuals: sharedActuals(reading, goal) as ProposedActual[], stated: reading.sharedStated });
  if (reading.rows.size >= 64) reading.rows.clear();
  reading.rows.set(goal, out);
  return out;
}

const noActuals: readonly ProposedActual[] = Object.freeze([]);

/** The frozen actuals of a goal's targets in this progress, the same for every goal of the same key. */
function sharedActuals(reading: ProgressReading, goal: SharedGoalTargets): readonly ProposedActual[] {
  if (goal.key === null || reading.figures.length === 0) return noActuals;
  // Made apart: this is reached from every row's lookup (frozenFigures), and what it calls is compiled with it.
  return reading.sharedActuals.get(goal.key) ?? newSharedActuals(reading, goal.targets, goal.key);
}

function newSharedActuals(reading: ProgressReading, targets: readonly ProposedTarget[], key: object): readonly ProposedActual[] {
  const actuals = proposed(goalActuals(reading, targets, key), null);
  for (let n = 0; n < actuals.length; n++) {
    const a = actuals[n]!;
    Object.freeze(a.span);
    Object.freeze(a.indicator);
    Object.freeze(a);
  }
  const out = Object.freeze(actuals);
  if (reading.sharedActuals.size >= 64) reading.sharedActuals.clear();
  reading.sharedActuals.set(key, out);
  return out;
}

function frozenStated(s: StatedCompletion | null): StatedCompletion | null {
  if (s === null) return null;
  Object.freeze(s.span);
  return Object.freeze(s);
}
