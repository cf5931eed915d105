import { clauseStart, enclosingParentheses } from '../sentences';
import { givesNothingIn } from './cuts';
import { findDates } from '../dates';
import { generational, memoised } from '../memo';
import { findQuantities } from '../quantities';
import { suggestIndicators, type IndicatorSuggestion, type QuantityIndicatorSuggestion } from '../suggest';
import { foldWidth } from '../width';
import type { ProposedTarget } from './types';

/**
 * The targets one sentence of a goal states (goal-targets.ts puts a goal's together), from the suggestions
 * of ../suggest.ts with what a clerk leaves out: the
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

/** What one sentence (or a goal read whole) gives: its targets by kind. Shared and never changed. */
export interface ReadTargets {
  quantities: ProposedTarget[];
  milestones: ProposedTarget[];
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
export const nothing: ReadTargets = Object.freeze({ quantities: [], milestones: [] });

/** One reading for every text that gives nothing: what follows it is then reached the same way. */
function reading(text: string, year: number): ReadTargets {
  const read = readAll(text, year);
  return read.quantities.length === 0 && read.milestones.length === 0 ? nothing : read;
}

const byYear = new Map<number, (text: string) => ReadTargets>();

/** The year's reader of sentences and goals, remembering each text (one too long to keep is read anew). */
export function readingsOf(year: number): (text: string) => ReadTargets {
  let read = byYear.get(year);
  if (read === undefined) {
    read = generational((text) => reading(text, year), 4096, 2000, (r) => r !== nothing);
    byYear.set(year, read);
  }
  return read;
}

/** A copy of a remembered target at its place in the whole goal, with its key. */
export function moved(t: ProposedTarget, offset: number, key: string): ProposedTarget {
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
