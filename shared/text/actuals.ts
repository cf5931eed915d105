import { findAsOf, type AsOfMention } from './dates';
import { findQuantities, type Quantity } from './quantities';
import { clauseEnd, clauseStart, enclosingParentheses, type TextPiece } from './sentences';
import { tidyLabel, type SourceSpan, type SuggestOptions } from './suggest';
import { convertUnit, unitsCompatible } from './units';
import { foldWidth } from './width';

/**
 * Actuals read from progress prose, and their ranking against an indicator: offered to a person with the words
 * they came from, as the goal's targets are (suggest.ts); nothing is applied without confirmation.
 */

/** What a number in a progress text is. */
export type ActualRole =
  /** An amount done so far: "完成 1662 例", "覆盖率为 108.91%". */
  | 'actual'
  /** A share of the target done: "完成 68.22%", "占目标任务的43.34%", "完成全年目标…的 155.17%". */
  | 'share'
  /** The target repeated for reference: "（年度目标为不少于 70 人）", "全年目标 1.38 万人次". */
  | 'restatedTarget';

export interface ActualSuggestion {
  role: ActualRole;
  value: number;
  unit: string;
  kind: Quantity['kind'];
  approximate: boolean;
  /** Words before the number in its clause ("全区共完成免费血清学产前筛查"). */
  label: string;
  /** A verb of completion was written ("完成", "已", "累计", "共"…): worth more than a bare figure. */
  cued: boolean;
  source: SourceSpan;
}

export interface ProgressReading {
  asOf: AsOfMention | null;
  items: ActualSuggestion[];
}

const shareLead = /(完成|占|完工|开工率|完工率|完成率)[^，。；\d%]*$/;
const targetWords = /(目标|任务|计划)/;
const doneCue = /(完成|已|累计|共|实现|新增|达到|达|为|有)/;
// "增容5个改造配电台区已完工": the verb may follow the figure.
const doneAfter = /^[^，。；\d]{0,12}(已完工|已完成|已建成|已全部竣工|竣工|完工)/;

/** Numbers a progress text reports, each classed as actual, share of target or restated target. */
export function suggestActuals(input: string, options: SuggestOptions): ProgressReading {
  return { asOf: findAsOf(input, options.year), items: actualItems(input) };
}

/** suggestActuals' items alone, for readers that take the as-of date from elsewhere (the import's table). */
export function actualItems(input: string): ActualSuggestion[] {
  const text = foldWidth(input);
  const quantities = findQuantities(input);
  return quantities.map((q, index): ActualSuggestion => {
    const near = nearWords(text, quantities, index);
    const after = text.slice(q.end, Math.min(quantities[index + 1]?.start ?? text.length, clauseEnd(text, q.end)));
    return {
      role: roleOf(text, q, near),
      value: q.value,
      unit: q.unit,
      kind: q.kind,
      approximate: approximateOf(q, near),
      label: tidyLabel(near),
      cued: doneCue.test(near) || doneAfter.test(after),
      source: { start: q.start, end: q.end, text: q.text },
    };
  });
}

/** An actual item as far as its role: what the import's figures read of it (figures/candidates.ts). */
export type ActualRoleItem = Pick<ActualSuggestion, 'role' | 'value' | 'unit' | 'approximate' | 'source'> & {
  /** The words before it in its clause, after the figure before it. */
  near: string;
  /** The brackets around it, read for its role unless it is a share (null: none, or a share). */
  brackets: TextPiece | null;
};

/**
 * actualItems without the label and the cue, which the import's figures read for themselves: each
 * distinct progress text of a table is read once, and the regexes it does not need are not run.
 */
export function actualRoles(input: string): ActualRoleItem[] {
  const text = foldWidth(input);
  const quantities = findQuantities(input);
  return quantities.map((q, index): ActualRoleItem => {
    const near = nearWords(text, quantities, index);
    // The words and brackets are handed on: the figures' reader (figures/candidates.ts) reads them again.
    const share = isShare(text, q, near);
    const brackets = share ? null : enclosingParentheses(text, q.start, q.end);
    const role = share ? 'share' : roleBeside(brackets, near);
    return { role, value: q.value, unit: q.unit, approximate: approximateOf(q, near), source: { start: q.start, end: q.end, text: q.text }, near, brackets };
  });
}

/** The words before a quantity in its clause, after the quantity before it. */
function nearWords(text: string, quantities: readonly Quantity[], index: number): string {
  const q = quantities[index]!;
  const floor = quantities[index - 1]?.end ?? 0;
  return text.slice(Math.max(floor, clauseStart(text, q.start)), q.start);
}

function approximateOf(q: Quantity, near: string): boolean {
  return q.approximate || /(超过|突破)\s*$/.test(near);
}

function roleOf(text: string, q: Quantity, near: string): ActualRole {
  return isShare(text, q, near) ? 'share' : roleBeside(enclosingParentheses(text, q.start, q.end), near);
}

function isShare(text: string, q: Quantity, near: string): boolean {
  return q.unit === '%' && (shareLead.test(near) || (/^\s*的\s*$/.test(near) && /(完成|占)/.test(text.slice(clauseStart(text, q.start), q.start))));
}

/** The role of a figure that is not a share, from its brackets and the words before it. */
function roleBeside(brackets: TextPiece | null, near: string): ActualRole {
  if (brackets && targetWords.test(brackets.text)) return 'restatedTarget';
  if (targetWords.test(near)) return 'restatedTarget';
  return 'actual';
}

export interface IndicatorForMatching {
  unit: string;
  kind: Quantity['kind'] | 'milestone';
  target?: number | null;
  label?: string;
}

export interface ActualCandidate {
  /** The value in the indicator's unit. */
  value: number;
  /** How the value was obtained from the text. */
  via: 'sameUnit' | 'converted' | 'share';
  /** Higher is likelier; only for ordering. */
  score: number;
  /** Worth pre-selecting in the UI: cued by a verb of completion and in a matching unit. */
  confident: boolean;
  suggestion: ActualSuggestion;
}

function bigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) set.add(text.slice(i, i + 2));
  return set;
}

/** Progress figures that could be an indicator's actual, best first. Restated targets are never offered. */
export function rankActuals(indicator: IndicatorForMatching, items: readonly ActualSuggestion[]): ActualCandidate[] {
  if (indicator.kind === 'milestone') return [];
  const labelGrams = bigrams(indicator.label ?? '');
  const candidates: (ActualCandidate & { order: number })[] = [];
  items.forEach((s, order) => {
    if (s.role === 'restatedTarget') return;
    let value: number | null;
    let via: ActualCandidate['via'];
    let score: number;
    if (s.role === 'share') {
      if (indicator.kind === 'rate' || indicator.target == null) return;
      value = (s.value / 100) * indicator.target;
      via = 'share';
      score = 3;
    } else if (s.unit === indicator.unit) {
      value = s.value;
      via = 'sameUnit';
      score = 6;
    } else if (unitsCompatible(s.unit, indicator.unit)) {
      value = convertUnit(s.value, s.unit, indicator.unit);
      via = 'converted';
      score = 5.5;
    } else {
      return;
    }
    if (value === null) return;
    if (s.cued) score += 2;
    let overlap = 0;
    for (const g of bigrams(s.label)) if (labelGrams.has(g)) overlap++;
    score += Math.min(overlap, 4) * 0.5;
    candidates.push({ value, via, score, confident: s.cued && via !== 'share', suggestion: s, order });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  return candidates.map(({ order: _order, ...c }) => c);
}
