import { isSpaceCode } from '../sentences';

/**
 * Where the goal's sentences start, cut after each "。", and its length last, when every reading stays
 * inside its sentence: brackets closed within it, no title or quotation marks (looked for across the text),
 * and no sentence opening with "各" (whose subjects are in the clause before). Null when it cannot be cut
 * into more than one. The array is reused from call to call.
 */
export function sentenceCuts(goal: string): number[] | null {
  const out = cuts;
  out.length = 0;
  out.push(0);
  let depth = 0;
  // The regex jumps to the next character that counts (native, where a loop over every character is not).
  marks.lastIndex = 0;
  // test, not exec: no match array is made; every mark is one character.
  while (marks.test(goal)) {
    const i = marks.lastIndex - 1;
    const c = goal.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) {
      if (--depth < 0) return null;
    } else if (c === 0x3002) {
      if (depth !== 0 || opensWithEach(goal, i + 1)) return null;
      out.push(i + 1);
    } else if (c === 0x300a || c === 0x300b || c === 0x201c || c === 0x201d) {
      // 《》“”
      return null;
    }
  }
  if (depth !== 0) return null;
  if (out[out.length - 1]! < goal.length) out.push(goal.length);
  return out.length > 2 ? out : null;
}

const cuts: number[] = [];

/**
 * Where the goal's first sentence ends (just after its "。") when that sentence gives nothing
 * (givesNothingIn) and holds no bracket, title or quotation mark ("第12项：开展职业技能培训和评价取证。",
 * new in every row), else -1: sentenceCuts then cuts there, and the goal gives what the rest gives, moved
 * by that length. One native test, no slice (test/unit/text/fast-paths.test.ts checks it against both).
 */
export function plainFirstSentence(goal: string): number {
  plainFirst.lastIndex = 0;
  return plainFirst.test(goal) ? plainFirst.lastIndex : -1;
}

// Up to the first 。: any character but a digit, a numeral, 月, 年, 第, a bracket, a title or quotation mark;
// or 第 with the digits right after it; or 年 not before 底 or 末.
const plainFirst = /(?:[^0-9\uff10-\uff19零〇一二两三四五六七八九十百千万亿月年第\uff08(\uff09)\u300a\u300b\u201c\u201d\u3002]|第[0-9]*|年(?![底末]))*\u3002/y;
// （ ( ） ) 。 《 》 “ ”: all sentenceCuts looks at.
const marks = /[\uff08(\uff09)\u3002\u300a\u300b\u201c\u201d]/g;

/** Whether "各" follows `from` after at most six spaces, within seven characters (/^\s*各/ on those seven). */
function opensWithEach(goal: string, from: number): boolean {
  const end = Math.min(goal.length, from + 7);
  let i = from;
  while (i < end && isSpaceCode(goal.charCodeAt(i))) i++;
  return i < end && goal.charCodeAt(i) === 0x5404;
}

/**
 * Whether text[from, to) has no ASCII digit but ordinals written "第N", no full-width digit, no Chinese
 * numeral, no 月 and no 年底 or 年末: then it has neither a quantity nor a date ("第12项：开展职业技能培训和评价
 * 取证。", new in every row). One pass over character codes, on the goal itself with no slice made: the
 * same answer as /(?<!第[0-9]*)[0-9]|[\uff10-\uff19零〇一二两三四五六七八九十百千万亿月]|年[底末]/ finding
 * nothing (test/unit/text/fast-paths.test.ts checks it against both readers).
 */
export function givesNothingIn(text: string, from: number, to: number): boolean {
  // Inside "第" and the digits right after it.
  let ordinal = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (!ordinal) return false;
      continue;
    }
    if (c < 0x3000) {
      ordinal = false;
      continue;
    }
    if (c === 0x7b2c) {
      ordinal = true;
      continue;
    }
    ordinal = false;
    if ((c >= 0xff10 && c <= 0xff19) || numeralOrMonth(c)) return false;
    // 年 then 底 or 末 (the pair must lie inside the range, as the regex on the slice sees it).
    if (c === 0x5e74 && i + 1 < to && (text.charCodeAt(i + 1) === 0x5e95 || text.charCodeAt(i + 1) === 0x672b)) return false;
  }
  return true;
}

/** 零〇一二两三四五六七八九十百千万亿月 */
function numeralOrMonth(c: number): boolean {
  switch (c) {
    case 0x96f6: case 0x3007: case 0x4e00: case 0x4e8c: case 0x4e24: case 0x4e09: case 0x56db: case 0x4e94: case 0x516d:
    case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341: case 0x767e: case 0x5343: case 0x4e07: case 0x4ebf: case 0x6708:
      return true;
    default:
      return false;
  }
}
