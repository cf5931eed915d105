import type { Comparator } from '../types/kinds';
import { readComparator } from './comparators';
import { findDates } from './dates';
import { memoised } from './memo';
import { findQuantities, type Quantity } from './quantities';
import { clauseEnd, clauseStart, isClauseEndCode, isStatementEndCode } from './sentences';
import { foldWidth } from './width';

/**
 * Targets suggested from goal prose (a progress text's actuals are read in actuals.ts). They are offered to a
 * person with the words they came from (offsets into the original text); nothing here is applied to the ledger
 * without confirmation.
 */

export interface SourceSpan {
  start: number;
  end: number;
  text: string;
}

export interface QuantityIndicatorSuggestion {
  kind: Quantity['kind'];
  label: string;
  /** The listed subject when "A、B各完成 N" gives each the same target. */
  subject?: string;
  comparator: Comparator;
  /** False when no bound word was written and '>=' was assumed. */
  comparatorExplicit: boolean;
  target: number;
  unit: string;
  approximate: boolean;
  /** A "…前" date in the same clause ("12月31日前完成500个"). */
  deadline?: string;
  /** The number with its bound words ("达到 55% 以上"). */
  source: SourceSpan;
  /** The clause it was read from. */
  clause: SourceSpan;
}

export interface MilestoneSuggestion {
  kind: 'milestone';
  label: string;
  deadline: string;
  source: SourceSpan;
  clause: SourceSpan;
}

export type IndicatorSuggestion = QuantityIndicatorSuggestion | MilestoneSuggestion;

const leadingFillers = ['全年', '年底前', '其中', '同时', '并且', '并', '和', '及', '力争', '确保', '累计', '共'];
const trimChars = /^[\s，。；：、,.;:（）()“”"]+|[\s，。；：、,.;:（）()“”"]+$/g;

// Item markers that start a line: "（1）", "1）", "1.", "2、", "一、", "二是".
const itemMarker = /^(?:[（(]?\d{1,2}[）)．.、]|[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}(?:、|是))/;

// The words around a figure repeat from row to row of a table: each is tidied once.
export const tidyLabel = memoised(tidyLabelOnce);

function tidyLabelOnce(raw: string): string {
  let label = raw.replace(/\s+/g, '').replace(trimChars, '').replace(itemMarker, '').replace(/^的/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of leadingFillers) {
      if (label.startsWith(filler) && label.length > filler.length) {
        label = label.slice(filler.length);
        changed = true;
      }
    }
  }
  return label.replace(trimChars, '');
}

const enumerationComma = 0x3001; // 、

function endsRegion(code: number): boolean {
  return isClauseEndCode(code) || code === enumerationComma;
}

/** Region of text that describes one quantity: bounded by clause ends, 、 and the neighbouring quantities. */
function regionOf(text: string, spans: readonly { start: number; end: number }[], index: number): { start: number; end: number } {
  const span = spans[index] as { start: number; end: number };
  let start = span.start;
  const floor = spans[index - 1]?.end ?? 0;
  while (start > floor && !endsRegion(text.charCodeAt(start - 1))) start--;
  let end = span.end;
  const ceiling = spans[index + 1]?.start ?? text.length;
  while (end < ceiling && !endsRegion(text.charCodeAt(end))) end++;
  return { start, end };
}

/** "对…面积在200平方米以下", "300平方米以上的社区": a condition on what counts, not a target. */
const space = /\s/;

/** Whether the first of the four characters after `end` that is not a space is 及 or 以 (以上, 以下). */
function boundWordAfter(text: string, end: number): boolean {
  for (let i = end; i < Math.min(end + 4, text.length); i++) {
    const ch = text[i] as string;
    if (!space.test(ch)) return ch === '及' || ch === '以';
  }
  return false;
}

function isQualifier(text: string, start: number, end: number): boolean {
  // Both readings below need 以上/以下 right after the figure; most figures have neither.
  if (!boundWordAfter(text, end)) return false;
  const after = text.slice(end, end + 4).replace(/\s/g, '');
  // "覆盖 13.41 万人以上的老年人": people counted, so a target; "300平方米以上的社区" is a condition.
  if (/^(及)?(以上|以下)的/.test(after) && !(/[人户]$/.test(text.slice(start, end).trim()) && /^(及)?(以上|以下)的[^，。；]{0,6}[人户]/.test(text.slice(end).replace(/\s/g, '')))) return true;
  const before = text.slice(Math.max(0, start - 3), start).replace(/\s/g, '');
  return before.endsWith('在') && /^(及)?(以上|以下)/.test(after);
}

/** Subjects of "宫颈癌、乳腺癌各完成筛查 2300 人": the items listed before 各 in the same clause. */
function eachSubjects(text: string, clauseFrom: number, quantityStart: number): { subjects: string[]; rest: string } | null {
  const head = text.slice(clauseFrom, quantityStart);
  const at = head.indexOf('各');
  if (at <= 0) return null;
  const subjects = head
    .slice(0, at)
    .split(/[、和及]/)
    .map((s) => tidyLabel(s))
    .filter((s) => s.length > 0);
  if (subjects.length < 2) return null;
  return { subjects, rest: head.slice(at + 1) };
}

export interface SuggestOptions {
  /** Plan year, for dates written without one ("12月31日前"). */
  year: number;
}

/**
 * Indicators a goal text states: "覆盖率达到 55% 以上" → rate ≥ 55 %; "新建改建农村公路 12 公里" → length ≥ 12
 * 公里; "宫颈癌、乳腺癌各完成筛查 2300 人" → one count ≥ 2300 人 for each; "2021年3月底之前，完成…建档" →
 * a milestone due 2021-03-31.
 */
export function suggestIndicators(input: string, options: SuggestOptions): IndicatorSuggestion[] {
  const text = foldWidth(input);
  const quantities = findQuantities(input);
  const readings = quantities.map((q) => readComparator(input, q));
  const spans = readings.map((r) => ({ start: r.start, end: r.end }));
  const dates = findDates(input, options.year);
  const out: IndicatorSuggestion[] = [];

  quantities.forEach((q, index) => {
    const reading = readings[index] as (typeof readings)[number];
    const cStart = clauseStart(text, q.start);
    const cEnd = clauseEnd(text, q.end);
    if (isQualifier(text, q.start, q.end)) return;
    const region = regionOf(text, spans, index);
    const dated = dates.find((d) => d.role === 'deadline' && d.end <= q.start && d.start >= previousSentenceStart(text, q.start));
    const deadline = dated?.date;
    // The date is reported as the deadline, so it is left out of the label ("12月31日前完成…").
    const labelFrom = dated && dated.start >= region.start ? Math.max(region.start, dateEnd(text, dated.end)) : region.start;
    // Never an empty label: fall back to the clause, then to the figure itself ("493660 元").
    const label =
      tidyLabel(text.slice(labelFrom, reading.start) + text.slice(reading.end, region.end)) ||
      tidyLabel(text.slice(cStart, reading.start) + text.slice(reading.end, cEnd)) ||
      input.slice(reading.start, reading.end);
    const base: QuantityIndicatorSuggestion = {
      kind: q.kind,
      label,
      comparator: reading.comparator,
      comparatorExplicit: reading.explicit,
      target: q.value,
      unit: q.unit,
      approximate: q.approximate,
      source: { start: reading.start, end: reading.end, text: input.slice(reading.start, reading.end) },
      clause: { start: cStart, end: cEnd, text: input.slice(cStart, cEnd) },
      ...(deadline === undefined ? {} : { deadline }),
    };
    const each = eachSubjects(text, cStart, reading.start);
    if (each) {
      const rest = tidyLabel(each.rest);
      for (const subject of each.subjects) out.push({ ...base, subject, label: `${subject}${rest}` });
    } else {
      out.push(base);
    }
  });

  // A dated clause without a number is a milestone: "6月底之前对所有…纳入数字化城市管理平台".
  for (const d of dates) {
    if (d.role !== 'deadline') continue;
    const from = clauseStart(text, d.start);
    const sentenceEnd = nextSentenceEnd(text, d.end);
    const clauseFrom = d.end;
    let to = clauseEnd(text, clauseFrom);
    // "2021年3月底之前，完成…": the task is in the next clause.
    if (text.slice(d.end, to).replace(/^\s*(之前|以前|前)\s*/, '').trim() === '' && to < sentenceEnd) to = clauseEnd(text, to + 1);
    if (quantities.some((q) => q.start >= from && q.end <= to)) continue;
    const label = tidyLabel(text.slice(d.end, to).replace(/^\s*(之前|以前|前)/, ''));
    if (label === '') continue;
    out.push({
      kind: 'milestone',
      label,
      deadline: d.date,
      source: { start: d.start, end: d.end, text: d.text },
      clause: { start: from, end: to, text: input.slice(from, to) },
    });
  }
  return out.sort((a, b) => a.source.start - b.source.start);
}

/** End of a date with its "前/之前" tail. */
function dateEnd(text: string, end: number): number {
  const tail = /^\s*(之前|以前|前)/.exec(text.slice(end, end + 4));
  return tail ? end + tail[0].length : end;
}

function previousSentenceStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isStatementEndCode(text.charCodeAt(i - 1))) i--;
  return i;
}

function nextSentenceEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isStatementEndCode(text.charCodeAt(i))) i++;
  return i;
}
