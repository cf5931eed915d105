import type { IndicatorKind } from '../types/kinds';
import { chineseNumeralChars, isChineseNumeralCode, parseChineseInteger, scaleDecimal } from './numerals';
import { kindOfUnit, knownUnits, unitsAfterChineseNumerals } from './units';
import { foldWidth } from './width';

/** A number with its unit found in text: "2.8万人次" → 28000 人次. Offsets index the original text. */
export interface Quantity {
  value: number;
  /** Unit as written, without the 万/亿 multiplier ('' when only a multiplier was written: "25.9 万"). */
  unit: string;
  kind: Exclude<IndicatorKind, 'milestone'>;
  /** "约", "余", "多", "左右": the figure is not exact. */
  approximate: boolean;
  /** The matched text, approximation markers included. */
  text: string;
  start: number;
  end: number;
}

// Characters are compared by their codes: `text[i]` makes a new string of every Chinese character read.
const YUE = 0x7ea6; // 约
const DA = 0x5927; // 大
const WEI = 0x4e3a; // 为
const JIN = 0x8fd1; // 近
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const DI = 0x7b2c; // 第

/** "余", "多" after a number: it is not exact. */
function isApproxAfterNumber(code: number): boolean {
  return code === YU || code === DUO;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** [A-Za-z] (NaN, past either end of a text: false). */
function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

function skipSpacesBack(text: string, i: number): number {
  while (i > 0 && isBlankCode(text.charCodeAt(i - 1))) i--;
  return i;
}

// The known units by their first character, each list longest first as knownUnits is: a number is
// followed by one character that rules out almost every unit, so most lookups test none.
const unitsByFirst = new Map<number, string[]>();
for (const unit of knownUnits) {
  const code = unit.charCodeAt(0);
  const list = unitsByFirst.get(code) ?? [];
  list.push(unit);
  unitsByFirst.set(code, list);
}

function unitAt(text: string, i: number, allowed?: ReadonlySet<string>): string | null {
  const candidates = unitsByFirst.get(text.charCodeAt(i));
  if (candidates === undefined) return null;
  // By index: an array's iterator allocates in baseline code, and a number is followed by a unit's first character often.
  for (let n = 0; n < candidates.length; n++) {
    const unit = candidates[n]!;
    if (allowed && !allowed.has(unit)) continue;
    if (text.startsWith(unit, i)) {
      // "5 mg", "2 km/h": an ASCII unit must end at a word boundary.
      if (isAsciiLetterCode(unit.charCodeAt(unit.length - 1)) && isAsciiLetterCode(text.charCodeAt(i + unit.length))) continue;
      return unit;
    }
  }
  return null;
}

const arabicNumber = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

interface NumberToken {
  digits: string | null; // Arabic digits, to be scaled exactly
  integer: number | null; // Chinese numeral value
  start: number;
  end: number;
  chinese: boolean;
}

function readNumber(text: string, i: number): NumberToken | null {
  const code = text.charCodeAt(i);
  if (isDigitCode(code)) {
    const prev = text.charCodeAt(i - 1);
    // Inside a longer token: "5G", "6S", "v1.2", or the tail of a number already read.
    if (isAsciiLetterCode(prev) || prev === 0x2e || isDigitCode(prev)) return null;
    arabicNumber.lastIndex = i;
    const m = arabicNumber.exec(text);
    if (!m) return null;
    return { digits: m[0], integer: null, start: i, end: i + m[0].length, chinese: false };
  }
  if (!isChineseNumeralCode(code) || isChineseNumeralCode(text.charCodeAt(i - 1))) return null;
  let end = i;
  while (end < text.length && isChineseNumeralCode(text.charCodeAt(end))) end++;
  const run = text.slice(i, end);
  // A run of 十/百/千/万 alone is idiom, not number: "千家万户", "百城提质".
  if (!/[零〇一二两三四五六七八九]/.test(run)) return null;
  return { digits: null, integer: null, start: i, end, chinese: true };
}

function isOrdinal(text: string, start: number): boolean {
  return text.charCodeAt(skipSpacesBack(text, start) - 1) === DI;
}

/** Reads number, markers, multiplier and unit starting at a number token; null when it is not a quantity. */
function readQuantityAt(text: string, token: NumberToken): { quantity: Omit<Quantity, 'text'>; next: number } | null {
  let i = skipSpaces(text, token.end);
  let approximate = false;
  let multiplierPower = 0;
  let unit: string | null;
  const numberText = text.slice(token.start, token.end);

  if (token.chinese) {
    // Chinese numerals carry their own 万/亿; the whole run is one number.
    const value = parseChineseInteger(numberText);
    if (value === null) return null;
    let j = token.end;
    if (isApproxAfterNumber(text.charCodeAt(j))) {
      approximate = true;
      j++;
    }
    unit = unitAt(text, j, unitsAfterChineseNumerals);
    if (unit === null) return null;
    return {
      quantity: { value, unit, kind: kindOfUnit(unit), approximate, start: token.start, end: j + unit.length },
      next: j + unit.length,
    };
  }

  if (isApproxAfterNumber(text.charCodeAt(i))) {
    approximate = true;
    i = skipSpaces(text, i + 1);
  }
  unit = unitAt(text, i);
  const multiplier = text.charCodeAt(i);
  if (unit === null && (multiplier === WAN || multiplier === YI)) {
    multiplierPower = multiplier === WAN ? 4 : 8;
    i++;
    if (isApproxAfterNumber(text.charCodeAt(i))) {
      approximate = true;
      i++;
    }
    i = skipSpaces(text, i);
    unit = unitAt(text, i);
  }
  if (unit === null && multiplierPower === 0) return null;
  const value = scaleDecimal(numberText, multiplierPower);
  if (value === null) return null;
  let end = unit === null ? i : i + unit.length;
  // With no unit the match must not swallow trailing spaces.
  if (unit === null) end = skipSpacesBack(text, end);
  return {
    quantity: { value, unit: unit ?? '', kind: unit === null ? 'count' : kindOfUnit(unit), approximate, start: token.start, end },
    next: end,
  };
}

/** "百分之五十五" → 55 %. */
function readPercentWords(text: string, i: number): { quantity: Omit<Quantity, 'text'>; next: number } | null {
  if (!text.startsWith('百分之', i)) return null;
  let j = i + 3;
  if (isDigitCode(text.charCodeAt(j))) {
    arabicNumber.lastIndex = j;
    const m = arabicNumber.exec(text);
    if (!m) return null;
    const value = scaleDecimal(m[0], 0);
    if (value === null) return null;
    return { quantity: { value, unit: '%', kind: 'rate', approximate: false, start: i, end: j + m[0].length }, next: j + m[0].length };
  }
  while (j < text.length && isChineseNumeralCode(text.charCodeAt(j))) j++;
  const value = parseChineseInteger(text.slice(i + 3, j));
  if (value === null) return null;
  return { quantity: { value, unit: '%', kind: 'rate', approximate: false, start: i, end: j }, next: j };
}

/** The length of "大约", "约为", "约" or "近" ending at `before` (tried in that order), else 0. */
function approxMarkerBefore(text: string, before: number): number {
  const last = text.charCodeAt(before - 1);
  if (last === YUE) return text.charCodeAt(before - 2) === DA ? 2 : 1;
  if (last === WEI && text.charCodeAt(before - 2) === YUE) return 2;
  return last === JIN ? 1 : 0;
}

function markApproximateBefore(text: string, q: Omit<Quantity, 'text'>): Omit<Quantity, 'text'> {
  const before = skipSpacesBack(text, q.start);
  const marker = approxMarkerBefore(text, before);
  if (marker > 0) return { ...q, approximate: true, start: before - marker };
  if (text.startsWith('左右', skipSpaces(text, q.end))) {
    return { ...q, approximate: true, end: skipSpaces(text, q.end) + 2 };
  }
  return q;
}

// What isDigitCode or isChineseNumeralCode accepts (test/unit/text/fast-paths.test.ts checks they agree).
const quantityStart = new RegExp(`[0-9${chineseNumeralChars}]`, 'g');

/**
 * Every quantity in a text, in order. Numbers without a unit or a 万/亿 multiplier are left out: in
 * official prose they are years, dates, item numbers or road names ("2021 年", "（1）", "31路").
 */
export function findQuantities(input: string): Quantity[] {
  const text = foldWidth(input);
  const found: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    // A quantity starts with a digit or a Chinese numeral (百分之 with 百): most characters start none.
    const code = text.charCodeAt(i);
    if (!isDigitCode(code) && !isChineseNumeralCode(code)) {
      // Jump to the next one with a native search rather than a step per character; test, not exec: no
      // match array is made, and the one character matched ends at lastIndex.
      quantityStart.lastIndex = i + 1;
      if (!quantityStart.test(text)) break;
      i = quantityStart.lastIndex - 1;
      continue;
    }
    const percentWords = readPercentWords(text, i);
    if (percentWords) {
      found.push(finish(input, percentWords.quantity));
      i = percentWords.next;
      continue;
    }
    const token = readNumber(text, i);
    if (token === null) {
      i++;
      continue;
    }
    if (isOrdinal(text, token.start)) {
      i = token.end;
      continue;
    }
    const read = readQuantityAt(text, token);
    if (read === null) {
      i = token.end;
      continue;
    }
    found.push(finish(input, markApproximateBefore(text, read.quantity)));
    i = Math.max(read.next, token.end);
  }
  return found;
}

function finish(original: string, q: Omit<Quantity, 'text'>): Quantity {
  return { ...q, text: original.slice(q.start, q.end) };
}

/** The single quantity a short text states ("2.8万人次", "12.8万余座"), or null. */
export function parseQuantity(input: string): Quantity | null {
  const all = findQuantities(input);
  return all.length === 1 ? (all[0] ?? null) : null;
}
