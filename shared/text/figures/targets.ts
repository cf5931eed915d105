import { clauseStart, enclosingParentheses } from '../sentences';
import { findDates } from '../dates';
import { memoised } from '../memo';
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
   * Names the readings the targets were copied from: two goals with the same key have the same targets but
   * for their places ("第12项：…" and "第13项：…" before the same sentences), so what is paired with them
   * can be remembered by it. Null when some text was too long to remember.
   */
  key: string | null;
}

/**
 * readTargets with the key of its readings. Goals differ from row to row by a number or a name in one
 * sentence ("第12项：…"): each sentence is read once, and a goal that cannot be cut is read once whole.
 */
export function goalTargets(goal: string, year: number): GoalTargets {
  if (goal.trim() === '') return { targets: [], key: '' };
  const read = readingsOf(year);
  const pieces = sentencePieces(goal);
  if (pieces === null) {
    const one = read(goal);
    return { targets: chooseTargets([one], [0]), key: one.id < 0 ? null : `${one.id}` };
  }
  const readings: Reading[] = [];
  const offsets: number[] = [];
  let key: string | null = '';
  for (const [offset, piece] of pieces) {
    const one = read(piece);
    readings.push(one);
    offsets.push(offset);
    if (key !== null) key = one.id < 0 ? null : `${key},${one.id}`;
  }
  return { targets: chooseTargets(readings, offsets), key };
}

interface ReadTargets {
  quantities: ProposedTarget[];
  milestones: ProposedTarget[];
}

/** A text's reading, remembered and shared: never changed (readTargets returns copies). */
interface Reading extends ReadTargets {
  /** Distinct for each reading made (0: nothing read, shared); -1 when not remembered. */
  id: number;
}

/** Copies at their places in the goal, keyed in order: the quantities, or the milestones when no number is left. */
function chooseTargets(readings: readonly Reading[], offsets: readonly number[]): ProposedTarget[] {
  const quantities = readings.some((r) => r.quantities.length > 0);
  const out: ProposedTarget[] = [];
  readings.forEach((r, i) => {
    for (const t of quantities ? r.quantities : r.milestones) out.push(moved(t, offsets[i]!, targetKey(out.length)));
  });
  return out;
}

const targetKeys: string[] = [];

/** "t0", "t1" …, made once each. */
export function targetKey(n: number): string {
  return (targetKeys[n] ??= `t${n}`);
}

function readAll(goal: string, year: number): ReadTargets {
  // What suggestIndicators reads from: a sentence with neither ("第12项：开展…。") is known to give nothing
  // without it, and the larger reader is then run, and compiled, only for the sentences that count.
  if (findQuantities(goal).length === 0 && findDates(goal, year).length === 0) return { quantities: [], milestones: [] };
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

const nothing: Reading = Object.freeze({ quantities: [], milestones: [], id: 0 });
let readingsMade = 0;

function reading(text: string, year: number, id?: number): Reading {
  const read = readAll(text, year);
  if (read.quantities.length === 0 && read.milestones.length === 0) return nothing;
  return { quantities: read.quantities, milestones: read.milestones, id: id ?? ++readingsMade };
}

const longestRemembered = 2000;
const byYear = new Map<number, (text: string) => Reading>();

/** The year's reader of sentences and goals, remembering each text but one too long to keep (read anew, id -1). */
function readingsOf(year: number): (text: string) => Reading {
  let read = byYear.get(year);
  if (read === undefined) {
    const remembered = memoised((text) => reading(text, year), 4096, longestRemembered);
    read = (text) => (text.length > longestRemembered ? reading(text, year, -1) : remembered(text));
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

/**
 * The goal cut after each "。", each sentence with its offset, when every reading stays inside its
 * sentence: brackets closed within it, no title or quotation marks (looked for across the text), and no
 * sentence opening with "各" (whose subjects are in the clause before). Null when it cannot be cut.
 */
function sentencePieces(goal: string): [number, string][] | null {
  if (/[《》“”]/.test(goal)) return null;
  const out: [number, string][] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < goal.length; i++) {
    const c = goal.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) {
      if (--depth < 0) return null;
    } else if (c === 0x3002) {
      if (depth !== 0) return null;
      if (i + 1 < goal.length && /^\s*各/.test(goal.slice(i + 1, i + 8))) return null;
      out.push([from, goal.slice(from, i + 1)]);
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  if (from < goal.length) out.push([from, goal.slice(from)]);
  return out.length > 1 ? out : null;
}
