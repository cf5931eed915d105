import type { Comparator } from '../types/kinds';
import { findQuantities, type Quantity } from './quantities';
import { foldWidth } from './width';

/** How a target is bounded, read from the words around its number: "达到55%以上", "不少于70人", "控制在…以内". */
export interface ComparatorReading {
  comparator: Comparator;
  /** False when no phrase said so and '>=' was assumed: targets in these plans are minimums. */
  explicit: boolean;
  /** The whole phrase, comparator words included, as offsets into the text. */
  start: number;
  end: number;
}

// One list, longest first, so that "不少于" (≥) wins over its tail "少于" (≤).
const phrasesBefore: readonly (readonly [string, Comparator])[] = (
  [
    ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['大于等于', '>='], ['至少', '>='], ['超过', '>='],
    ['突破', '>='], ['大于', '>='], ['高于', '>='], ['达到', '>='], ['提高到', '>='], ['提高至', '>='],
    ['提升到', '>='], ['提升至', '>='], ['达', '>='],
    ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['控制在', '<='], ['小于等于', '<='], ['少于', '<='],
    ['低于', '<='], ['小于', '<='],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);
const phrasesAfter: readonly (readonly [string, Comparator])[] = (
  [['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<=']] as const
).toSorted((a, b) => b[0].length - a[0].length);

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

function skipSpacesBack(text: string, i: number): number {
  while (i > 0 && text[i - 1] === ' ') i--;
  return i;
}

function phraseBefore(text: string, end: number): readonly [string, Comparator] | null {
  const at = skipSpacesBack(text, end);
  return phrasesBefore.find(([p]) => text.endsWith(p, at)) ?? null;
}

function phraseAfter(text: string, start: number): readonly [string, Comparator] | null {
  const at = skipSpaces(text, start);
  return phrasesAfter.find(([p]) => text.startsWith(p, at)) ?? null;
}

/** The comparator a quantity's neighbours state. `text` is the text the quantity was found in. */
export function readComparator(input: string, q: Pick<Quantity, 'start' | 'end'>): ComparatorReading {
  const text = foldWidth(input);
  const before = phraseBefore(text, q.start);
  const after = phraseAfter(text, q.end);
  const start = before === null ? q.start : skipSpacesBack(text, q.start) - before[0].length;
  const end = after === null ? q.end : skipSpaces(text, q.end) + after[0].length;
  // A cap word on either side makes it a cap: "控制在 5% 以内", "达到 3 万元以下".
  if (before?.[1] === '<=' || after?.[1] === '<=') return { comparator: '<=', explicit: true, start, end };
  if (before !== null || after !== null) return { comparator: '>=', explicit: true, start, end };
  return { comparator: '>=', explicit: false, start, end };
}

export interface ComparatorPhrase extends ComparatorReading {
  value: number;
  unit: string;
  kind: Quantity['kind'];
  approximate: boolean;
  quantity: Quantity;
}

/** Reads a short bound phrase: "达到55%以上" → ≥ 55 %, "不少于70人" → ≥ 70 人. Null without a quantity. */
export function parseComparatorPhrase(text: string): ComparatorPhrase | null {
  const quantity = findQuantities(text)[0];
  if (!quantity) return null;
  const reading = readComparator(text, quantity);
  return { ...reading, value: quantity.value, unit: quantity.unit, kind: quantity.kind, approximate: quantity.approximate, quantity };
}
