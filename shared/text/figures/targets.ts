import { clauseStart, enclosingParentheses } from '../sentences';
import { givesNothingIn, plainFirstSentence, sentenceCuts } from './cuts';
import { findDates } from '../dates';
import { generational, memoised } from '../memo';
import { findQuantities } from '../quantities';
import { suggestIndicators, type IndicatorSuggestion, type QuantityIndicatorSuggestion } from '../suggest';
import { foldWidth } from '../width';
import type { ProposedTarget } from './types';

/**
 * Targets a goal text states, from the suggestions of ../suggest.ts with what a clerk leaves out: the
 * investment behind a project (投资 3400 万元), a building's floor area, conditions on what counts
 * (20户以上具备条件的), titles of documents, and per-person costs. A goal with no number left is a
 * milestone when it names a date ("年底前投入使用").
 */

// Words before a figure that make it a means or a description rather than something to be done.
const notATarget = /(投资|总投资|资金|保费|每人|预计|建筑面积|面积|总造价|概算)[^，。；、]{0,4}$/;

function insideTitle(text: string, start: number): boolean {
  const open = text.lastIndexOf('《', start);
  return open >= 0 && text.indexOf('》', open) >= start;
}

/** "打通基层法律服务“最后一公里”": a figure of speech in quotation marks. */
function insideQuotes(text: string, start: number): boolean {
  const open = text.lastIndexOf('“', start);
  return open >= 0 && text.lastIndexOf('”', start) < open && start - open <= 8;
}

function keep(text: string, s: QuantityIndicatorSuggestion, next: IndicatorSuggestion | undefined): boolean {
  const before = text.slice(Math.max(clauseStart(text, s.source.start), s.source.start - 12), s.source.start);
  if (notATarget.test(before)) return false;
  if (s.kind === 'amount' && /(投资|资金|保费|费用)/.test(text.slice(clauseStart(text, s.source.start), s.source.start))) return false;
  // "20户以上具备条件的自然村": a condition on the villages, not twenty households to serve.
  if ((s.source.text.endsWith('以上') || s.source.text.endsWith('以下')) && (text.startsWith('具备', s.source.end) || text.startsWith('符合', s.source.end))) return false;
  if (insideTitle(text, s.source.start) || insideQuotes(text, s.source.start)) return false;
  // "包括…传染病四项检查": what the service includes, not a count to reach.
  if (s.source.start - s.clause.start >= 2 && text.startsWith('包括', s.clause.start)) return false;
  // "共涉及19个老旧小区36栋住宅楼1073户居民": each figure describes the next; the last one is the target.
  if (next !== undefined && next.source.start >= s.source.end && next.source.start - s.source.end <= 6 && !/[，。；、,;（）()]/.test(text.slice(s.source.end, next.source.start))) return false;
  // "（含高技能人才 9300 人）" is a part of the goal and is kept; a bracketed note of a rule is not.
  const brackets = enclosingParentheses(text, s.source.start, s.source.end);
  if (brackets && /(标准|规定|依据|按照)/.test(brackets.text)) return false;
  return true;
}

/** "…免费开展一次宫颈癌、乳腺癌筛查，各完成筛查1300人": the subjects are listed in the clause before. */
function subjectsBefore(text: string, s: QuantityIndicatorSuggestion): string[] | null {
  if (s.subject !== undefined || !/^各/.test(text.slice(s.clause.start, s.source.start))) return null;
  const prevEnd = s.clause.start - 1;
  if (prevEnd <= 0) return null;
  const prev = text.slice(clauseStart(text, prevEnd), prevEnd);
  const items = prev.split('、');
  if (items.length < 2) return null;
  const last = items[items.length - 1] as string;
  // The shared noun at the end ("筛查") belongs to every subject; the subjects are as long as the last one's head.
  const tail = /(筛查|检查|服务|建设|改造|培训)$/.exec(last)?.[0] ?? '';
  const head = last.slice(0, last.length - tail.length);
  const subjects = items.slice(-2, -1).map((item) => item.slice(-head.length));
  return [...subjects, head].filter((x) => x.length > 0).map((x) => `${x}${tail}`);
}

/** Labels without the brackets a region cut in half ("新增技能人才（含高技能人才") or a "（次）" note. */
export const tidyFigureLabel: (label: string) => string = memoised(tidyOnce);

function tidyOnce(label: string): string {
  let out = label.replace(/[（(]次[）)]/g, '');
  out = out.replace(/[（(][^（）()]*$/, '').replace(/^[^（）()]*[）)]/, '').replace(/^含/, '');
  return out.replace(/^[，。；：、\s]+|[，。；：、\s]+$/g, '') || label;
}

function toTarget(s: IndicatorSuggestion, input: string, key: string, rawLabel?: string): ProposedTarget {
  const label = tidyFigureLabel(rawLabel ?? s.label);
  if (s.kind === 'milestone') {
    return {
      key,
      label,
      kind: 'milestone',
      comparator: '>=',
      target: null,
      unit: '',
      approximate: false,
      deadline: s.deadline,
      span: { field: 'goal', start: s.clause.start, end: s.clause.end, text: input.slice(s.clause.start, s.clause.end) },
      words: s.clause.text.trim(),
    };
  }
  return {
    key,
    label,
    kind: s.kind,
    comparator: s.comparator,
    target: s.target,
    unit: s.unit,
    approximate: s.approximate,
    deadline: s.deadline ?? null,
    span: { field: 'goal', start: s.source.start, end: s.source.end, text: s.source.text },
    words: s.clause.text.trim(),
  };
}

/** The targets a goal text states, in order; milestones only when no number is left. */
export function readTargets(goal: string, year: number): ProposedTarget[] {
  return goalTargets(goal, year).targets;
}

export interface GoalTargets {
  targets: ProposedTarget[];
  /**
   * The same object for goals whose targets are the same but for their places ("第12项：…" and "第13项：…"
   * before the same sentences), so what is paired with them can be remembered by it; null with no target.
   */
  key: object | null;
}

/**
 * readTargets with the key of its readings. Goals differ from row to row by a number or a name in one
 * sentence ("第12项：…"): each sentence is read once, and a goal that cannot be cut is read once whole.
 * The targets are the caller's own (copies).
 */
export function goalTargets(goal: string, year: number): GoalTargets {
  const found = placedOf(goal, year);
  if (found === null) return { targets: [], key: null };
  const { placed, at } = found;
  // map, not push: the row keeps the array, and one pushed to grows room for 17.
  const targets = placed.map((p, n) => moved(p.target, at === null ? 0 : at[p.sentence]!, targetKey(n)));
  return { targets, key: found.chosen };
}

export interface SharedGoalTargets {
  readonly targets: readonly ProposedTarget[];
  readonly key: object | null;
}

const noTargets: SharedGoalTargets = Object.freeze({ targets: Object.freeze([]), key: null });

/**
 * goalTargets, frozen and shared by every goal that gives the same targets at the same places ("第12项：…"
 * and "第13项：…" before the same sentences): a table of 20,000 rows makes each distinct list once, not a
 * copy per row. The same list is the same object, so what is made of it can be remembered by it.
 */
export function sharedGoalTargets(goal: string, year: number): SharedGoalTargets {
  // "第12项：开展…。" before sentences met before: one lookup of the rest, not a cut and a lookup per sentence.
  const cut = goal.length <= 2000 ? plainFirstSentence(goal) : -1;
  if (cut > 0 && cut < goal.length) {
    const rest = restOf(goal, cut, year);
    if (rest !== null) return rest.placed.length === 0 ? noTargets : rest.lastCut === cut ? rest.lastMade : restTargets(rest, cut);
  }
  const found = placedOf(goal, year);
  if (found === null) return noTargets;
  const { chosen, placed, at } = found;
  const last = chosen.shared;
  if (last !== undefined && sameOffsets(last.offsets, placed, at)) return last.made;
  const offsets = placed.map((p) => (at === null ? 0 : at[p.sentence]!));
  const targets = Object.freeze(placed.map((p, n) => frozenTarget(moved(p.target, offsets[n]!, targetKey(n)))));
  // The last list only: rows of one table seldom change the width of their ordinal, and that is all that moves.
  chosen.shared = { offsets, made: Object.freeze({ targets, key: chosen }) };
  return chosen.shared.made;
}

function sameOffsets(offsets: readonly number[], placed: readonly Placed[], at: readonly number[] | null): boolean {
  for (let n = 0; n < placed.length; n++) if (offsets[n] !== (at === null ? 0 : at[placed[n]!.sentence]!)) return false;
  return true;
}

function frozenTarget(t: ProposedTarget): ProposedTarget {
  Object.freeze(t.span);
  return Object.freeze(t);
}

/**
 * What a goal's sentences give, with where each sentence starts (null: read whole); null with no target.
 * `at` is sentenceCuts' array, reused by the next call.
 */
function placedOf(goal: string, year: number): { chosen: Chosen; placed: readonly Placed[]; at: readonly number[] | null } | null {
  if (goal.trim() === '') return null;
  const read = readingsOf(year);
  const at = sentenceCuts(goal);
  const chosen = at === null ? after(start, read(goal), 0) : chosenOf(goal, at, read);
  const placed = placedIn(chosen);
  return placed.length === 0 ? null : { chosen, placed, at };
}

function placedIn(chosen: Chosen): readonly Placed[] {
  return chosen.quantities.length > 0 ? chosen.quantities : chosen.milestones;
}

/** What the goal's sentences, cut at `at`, give together. */
function chosenOf(goal: string, at: readonly number[], read: (text: string) => ReadTargets): Chosen {
  let chosen = start;
  for (let i = 0; i + 1 < at.length; i++) {
    // A sentence known to give nothing ("第12项：开展…。", new in every row) is neither cut out nor looked up.
    const given = givesNothingIn(goal, at[i]!, at[i + 1]!) ? nothing : read(goal.slice(at[i], at[i + 1]));
    chosen = after(chosen, given, i);
  }
  return chosen;
}

/**
 * What a goal gives after a first sentence that gives nothing (plainFirstSentence), the same for every
 * first sentence: the targets, where each one's sentence starts from the rest's start, and the frozen
 * targets last made of it with the first sentence's length they were made for.
 */
interface Rest {
  chosen: Chosen;
  placed: readonly Placed[];
  from: readonly number[];
  lastCut: number;
  lastMade: SharedGoalTargets;
}

const restsByYear = new Map<number, Map<string, Rest | null>>();

/** The rest of a goal after its plain first sentence `goal[0, cut)`; null when the goal is not cut into sentences. */
function restOf(goal: string, cut: number, year: number): Rest | null {
  let rests = restsByYear.get(year);
  if (rests === undefined) restsByYear.set(year, (rests = new Map()));
  const text = goal.slice(cut);
  let rest = rests.get(text);
  if (rest === undefined) {
    rest = readRest(goal, cut, year);
    if (rests.size >= 4096) rests.clear();
    rests.set(text, rest);
  }
  return rest;
}

function readRest(goal: string, cut: number, year: number): Rest | null {
  // Cut whole: the first sentence, plain, is cut at its 。 and changes nothing after it.
  const at = sentenceCuts(goal);
  if (at === null) return null;
  const chosen = chosenOf(goal, at, readingsOf(year));
  const placed = placedIn(chosen);
  return { chosen, placed, from: placed.map((p) => at[p.sentence]! - cut), lastCut: -1, lastMade: noTargets };
}

/** The rest's targets made anew for a first sentence of another length (apart, as seldom met). */
function restTargets(rest: Rest, cut: number): SharedGoalTargets {
  const targets = Object.freeze(rest.placed.map((p, n) => frozenTarget(moved(p.target, cut + rest.from[n]!, targetKey(n)))));
  rest.lastMade = Object.freeze({ targets, key: rest.chosen });
  rest.lastCut = cut;
  return rest.lastMade;
}

interface ReadTargets {
  quantities: ProposedTarget[];
  milestones: ProposedTarget[];
}

/** A target remembered with the sentence it is in. */
interface Placed {
  target: ProposedTarget;
  sentence: number;
}

/**
 * What a goal's sentences read so far give: reached from the one before by each sentence's reading, so
 * that the same readings in the same order reach the same object. The readings are the keys, weakly: when
 * a memo forgets one, what was reached through it goes too.
 */
interface Chosen {
  quantities: readonly Placed[];
  milestones: readonly Placed[];
  next: WeakMap<ReadTargets, Chosen>;
  /** The frozen targets last made of it, and the places they were made at (sharedGoalTargets). */
  shared?: { offsets: readonly number[]; made: SharedGoalTargets };
}

const start: Chosen = { quantities: [], milestones: [], next: new WeakMap() };

function after(chosen: Chosen, reading: ReadTargets, sentence: number): Chosen {
  let next = chosen.next.get(reading);
  if (next === undefined) {
    const placed = (targets: readonly ProposedTarget[], before: readonly Placed[]) => (targets.length === 0 ? before : [...before, ...targets.map((target) => ({ target, sentence }))]);
    next = { quantities: placed(reading.quantities, chosen.quantities), milestones: placed(reading.milestones, chosen.milestones), next: new WeakMap() };
    chosen.next.set(reading, next);
  }
  return next;
}

const targetKeys: string[] = [];

/** "t0", "t1" …, made once each. */
export function targetKey(n: number): string {
  return (targetKeys[n] ??= `t${n}`);
}

function readAll(goal: string, year: number): ReadTargets {
  // What suggestIndicators reads from: a sentence with neither ("第12项：开展…。") is known to give nothing
  // without it, and the larger reader is then run, and compiled, only for the sentences that count.
  if (givesNothing(goal) || (findQuantities(goal).length === 0 && findDates(goal, year).length === 0)) return { quantities: [], milestones: [] };
  const text = foldWidth(goal);
  const suggestions = suggestIndicators(goal, { year });
  const out: ReadTargets = { quantities: [], milestones: [] };
  suggestions.forEach((s, index) => {
    if (s.kind === 'milestone') {
      out.milestones.push(toTarget(s, goal, ''));
      return;
    }
    if (!keep(text, s, suggestions[index + 1])) return;
    const subjects = subjectsBefore(text, s);
    if (subjects) {
      const rest = s.label.replace(/^各/, '').replace(/^完成/, '');
      for (const subject of subjects) out.quantities.push(toTarget(s, goal, '', rest && !subject.endsWith(rest) ? `${subject}${rest.replace(/^筛查/, '')}` : subject));
    } else {
      out.quantities.push(toTarget(s, goal, ''));
    }
  });
  return out;
}

/** Whether a text has neither a quantity nor a date, known without reading it (givesNothingIn). */
export function givesNothing(text: string): boolean {
  return givesNothingIn(text, 0, text.length);
}

// A reading is remembered and shared: never changed (readTargets returns copies).
const nothing: ReadTargets = Object.freeze({ quantities: [], milestones: [] });

/** One reading for every text that gives nothing: what follows it is then reached the same way. */
function reading(text: string, year: number): ReadTargets {
  const read = readAll(text, year);
  return read.quantities.length === 0 && read.milestones.length === 0 ? nothing : read;
}

const byYear = new Map<number, (text: string) => ReadTargets>();

/** The year's reader of sentences and goals, remembering each text (one too long to keep is read anew). */
function readingsOf(year: number): (text: string) => ReadTargets {
  let read = byYear.get(year);
  if (read === undefined) {
    read = generational((text) => reading(text, year), 4096, 2000, (r) => r !== nothing);
    byYear.set(year, read);
  }
  return read;
}

/** A copy of a remembered target at its place in the whole goal, with its key. */
function moved(t: ProposedTarget, offset: number, key: string): ProposedTarget {
  return {
    key,
    label: t.label,
    kind: t.kind,
    comparator: t.comparator,
    target: t.target,
    unit: t.unit,
    approximate: t.approximate,
    deadline: t.deadline,
    span: { field: t.span.field, start: t.span.start + offset, end: t.span.end + offset, text: t.span.text },
    words: t.words,
  };
}
