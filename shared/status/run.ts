import { LedgerError } from '../errors';
import { parseIsoDay } from '../text/calendar';
import { formatPercent } from './format';
import { validatePreset, type RulePreset } from './presets';
import { quoted, ruleSentence, scheduleSentence, unitSuffix, type ReasonPieces } from './reasons';

/**
 * What every project of one run shares: the checked context, its days, and the pieces of reasons that repeat
 * across thousands of projects. The pieces are cached so that 250,000 indicators do not each build (and keep
 * alive in their judgements) their own copy of "「指标1」" or "时序进度 75%" — the output's size is what the
 * garbage collector pays for (issue #13). Sharing an immutable string is invisible to every consumer.
 */
export interface Run {
  asOf: string;
  asOfDay: number;
  startDay: number;
  planEnd: string;
  planEndDay: number;
  preset: RulePreset;
  /** One frozen object for every judgement of the run. */
  presetRef: Readonly<{ name: string; version: number }>;
  ruleText: string;
  days: Map<string, number>;
  /** Indicator names as quoted in reasons. */
  quotedNames: Map<string, string>;
  /** Fallback names of unnamed indicators by position: 指标1, 指标2, … */
  fallbackNames: string[];
  /** unitSuffix of the few units a plan has. */
  unitSuffixes: Map<string, string>;
  /** formatPercent of the few schedule shares a plan has (one per distinct deadline). */
  timePercents: Map<number, string>;
  /** Schedule sentences by timeProgress, then by the figures as shown (scheduleText). */
  scheduleSentences: Map<number, Map<string, string>>;
  /** The cached pieces, as reasons.ts takes them. */
  pieces: ReasonPieces;
  reasons: ReasonList;
}

export function invalid(message: string): LedgerError {
  return new LedgerError('INVALID_INPUT', message);
}

export function prepareRun(ctx: { asOf: string; preset: RulePreset; planStart: string; planEnd: string }): Run {
  const checked = validatePreset(ctx.preset);
  if (!checked.ok) throw invalid(`规则设置有误：${checked.problems.join('；')}`);
  const run: Run = {
    asOf: ctx.asOf,
    asOfDay: 0,
    startDay: 0,
    planEnd: ctx.planEnd,
    planEndDay: 0,
    preset: ctx.preset,
    presetRef: Object.freeze({ name: ctx.preset.name, version: ctx.preset.version }),
    ruleText: ruleSentence(ctx.preset),
    days: new Map(),
    quotedNames: new Map(),
    fallbackNames: [],
    unitSuffixes: new Map(),
    timePercents: new Map(),
    scheduleSentences: new Map(),
    pieces: { quoted, timePercent: formatPercent, unitSuffix },
    reasons: new ReasonList(),
  };
  run.pieces = {
    quoted: (name) => quotedName(run, name),
    timePercent: (share) => timePercent(run, share),
    unitSuffix: (unit) => cachedUnitSuffix(run, unit),
  };
  run.asOfDay = dayOf(run, ctx.asOf, '判定日期');
  run.startDay = dayOf(run, ctx.planStart, '计划开始日期');
  run.planEndDay = dayOf(run, ctx.planEnd, '计划结束日期');
  if (run.planEndDay < run.startDay) throw invalid(`计划结束日期 ${ctx.planEnd} 早于开始日期 ${ctx.planStart}`);
  return run;
}

/**
 * Day number with a per-run cache: plans repeat a handful of deadlines across thousands of rows. The
 * description is built only for the error, to keep the hot path free of string work.
 */
export function dayOf(run: Run, iso: string, what: string | (() => string)): number {
  let day = run.days.get(iso);
  if (day === undefined) {
    day = parseIsoDay(iso);
    if (Number.isNaN(day)) throw invalid(`${typeof what === 'string' ? what : what()}“${iso}”不是有效的日期（应为 YYYY-MM-DD）`);
    run.days.set(iso, day);
  }
  return day;
}

/** Entries kept at most per cache: a plan of unique names would only fill it. */
const cacheLimit = 4096;

export function quotedName(run: Run, name: string): string {
  let q = run.quotedNames.get(name);
  if (q === undefined) {
    q = quoted(name);
    if (run.quotedNames.size < cacheLimit) run.quotedNames.set(name, q);
  }
  return q;
}

/** An indicator's name, or 指标N by its position when it has none. */
export function fallbackName(run: Run, index: number): string {
  let name = run.fallbackNames[index];
  if (name === undefined) {
    // Filled in order, so the array stays dense; a later index fills the gap before it.
    for (let i = run.fallbackNames.length; i <= index; i++) run.fallbackNames.push(`指标${i + 1}`);
    name = run.fallbackNames[index] as string;
  }
  return name;
}

function cachedUnitSuffix(run: Run, unit: string): string {
  let suffix = run.unitSuffixes.get(unit);
  if (suffix === undefined) {
    suffix = unitSuffix(unit);
    if (run.unitSuffixes.size < cacheLimit) run.unitSuffixes.set(unit, suffix);
  }
  return suffix;
}

export function timePercent(run: Run, timeProgress: number): string {
  let text = run.timePercents.get(timeProgress);
  if (text === undefined) {
    text = formatPercent(timeProgress);
    run.timePercents.set(timeProgress, text);
  }
  return text;
}

/**
 * scheduleSentence with the run's pieces, one sentence for every project whose figures show the same. It depends
 * only on the timeProgress and the figures as shown: under the gap rule the completion (the gap is taken from the
 * shown figures), under the ratio rule also completion / timeProgress as a percentage — few distinct texts per
 * deadline, where each project made its own (issue #13).
 */
export function scheduleText(run: Run, completion: number, timeProgress: number): string {
  let byShown = run.scheduleSentences.get(timeProgress);
  if (byShown === undefined) {
    byShown = new Map();
    run.scheduleSentences.set(timeProgress, byShown);
  }
  const shownCompletion = formatPercent(completion);
  // Before the plan starts the ratio rule quotes no ratio (and has none to divide by).
  const shown =
    run.preset.kind === 'gap' || timeProgress <= 0 ? shownCompletion : `${shownCompletion} ${formatPercent(completion / timeProgress)}`;
  let sentence = byShown.get(shown);
  if (sentence === undefined) {
    sentence = scheduleSentence(completion, timeProgress, run.preset, run.pieces);
    if (byShown.size < cacheLimit) byShown.set(shown, sentence);
  }
  return sentence;
}

/**
 * The reasons of the project being judged, gathered in one array reused across the run and copied out at their
 * exact length: an array grown by push keeps room for 16 more, in every one of 50,000 judgements.
 */
export class ReasonList {
  private readonly items: string[] = [];
  private count = 0;

  /** Starts a project's list; with a slot kept first for a person's override, filled by setFirst(). */
  start(keepFirst: boolean): void {
    this.count = 0;
    if (keepFirst) this.items[this.count++] = '';
  }

  add(reason: string): void {
    this.items[this.count++] = reason;
  }

  setFirst(reason: string): void {
    this.items[0] = reason;
  }

  take(): string[] {
    const r = this.items;
    // Array literals for the usual lengths (1–5 reasons: 96% of projects): V8 learns that what a literal makes
    // lives on and allocates it with the old objects, where no young-generation collection copies it again;
    // slice() always makes its array young (issue #13).
    switch (this.count) {
      case 1:
        return [r[0] as string];
      case 2:
        return [r[0] as string, r[1] as string];
      case 3:
        return [r[0] as string, r[1] as string, r[2] as string];
      case 4:
        return [r[0] as string, r[1] as string, r[2] as string, r[3] as string];
      case 5:
        return [r[0] as string, r[1] as string, r[2] as string, r[3] as string, r[4] as string];
      default:
        return r.slice(0, this.count);
    }
  }
}
