/** Sentences and clauses of report prose, with offsets into the original text. */

export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

function split(text: string, isBoundary: (ch: string) => boolean): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) pieces.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    if (isBoundary(text[i] as string)) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return pieces;
}

const sentenceEnds = new Set(['。', '！', '？', '；', ';', '\n', '!', '?']);
const clauseEnds = new Set([...sentenceEnds, '，', ',', '：', ':']);

/** Sentences, ending at 。！？； or a line break (a table cell's lines are separate statements). */
export function splitSentences(text: string): TextPiece[] {
  return split(text, (ch) => sentenceEnds.has(ch));
}

/** Whether a UTF-16 code ends a clause: the same set as clauseEnds, tested without making a string (hot path). */
export function isClauseEndCode(code: number): boolean {
  switch (code) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
    case 0xff0c: // ，
    case 0xff1a: // ：
    case 0x3b: // ;
    case 0x0a: // \n
    case 0x21: // !
    case 0x3f: // ?
    case 0x2c: // ,
    case 0x3a: // :
      return true;
    default:
      return false;
  }
}

/** 。；; or a line break: the end of one statement for the figure readers (！？ do not occur in reports). */
export function isStatementEndCode(code: number): boolean {
  return code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0x0a;
}

/** Whether a UTF-16 code is one /\s/ matches (hot path: no string made). */
export function isSpaceCode(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether a character ends a clause (，：plus sentence ends). */
export function isClauseEnd(ch: string): boolean {
  return clauseEnds.has(ch);
}

/** Start of the clause holding `index`: just after the nearest clause end before it. */
export function clauseStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isClauseEndCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the clause holding `index`: the nearest clause end at or after it (exclusive). */
export function clauseEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isClauseEndCode(text.charCodeAt(i))) i++;
  return i;
}

/** The innermost bracket pair （…） or (…) around [start, end), or null. */
export function enclosingParentheses(text: string, start: number, end: number): TextPiece | null {
  // Most figures have no opening bracket before them on their line: native searches say so, where the
  // scan below reads every character back to the line's start.
  const line = text.lastIndexOf('\n', start - 1);
  if (start <= 0 || Math.max(text.lastIndexOf('（', start - 1), text.lastIndexOf('(', start - 1)) <= line) return null;
  let depth = 0;
  let open = -1;
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 || c === 0x29) depth++;
    else if (c === 0xff08 || c === 0x28) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    } else if (c === 0x0a) break;
  }
  if (open < 0) return null;
  depth = 0;
  for (let i = end; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) {
      if (depth === 0) return { text: text.slice(open + 1, i), start: open + 1, end: i };
      depth--;
    } else if (c === 0x0a) break;
  }
  return null;
}
