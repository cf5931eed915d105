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
// （ ( ） ) 。 《 》 “ ”: all sentenceCuts looks at.
const marks = /[\uff08(\uff09)\u3002\u300a\u300b\u201c\u201d]/g;

/** Whether "各" follows `from` after at most six spaces, within seven characters (/^\s*各/ on those seven). */
function opensWithEach(goal: string, from: number): boolean {
  const end = Math.min(goal.length, from + 7);
  let i = from;
  while (i < end && isSpaceCode(goal.charCodeAt(i))) i++;
  return i < end && goal.charCodeAt(i) === 0x5404;
}
