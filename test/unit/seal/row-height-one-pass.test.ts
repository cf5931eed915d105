import { describe, expect, it } from 'vitest';
import { wrappedLines } from '../../../electron/backend/export/row-height';
import { seededRandom as random } from '../../helpers/seeded-random';

/*
 * The reference: row-height.ts as it was before both ways (kinsoku on and off) were counted in one scan, when
 * each cell's text was wrapped twice. Kept here unchanged so the one-scan version is pinned to it exactly.
 */
const twoPassFlags = new Uint8Array(0x10000);
for (const ch of '，。、；：？！）》」』】〉”’…%．,.;:?!)]}·') twoPassFlags[ch.charCodeAt(0)]! |= 1;
for (const ch of '（《「『【〈“‘([{') twoPassFlags[ch.charCodeAt(0)]! |= 2;
for (const ch of ' \t\u3000') twoPassFlags[ch.charCodeAt(0)]! |= 4;
for (let code = 0x21; code < 0x1100; code++) if (!(twoPassFlags[code]! & 4)) twoPassFlags[code]! |= 8;

function twoPassCharEms(code: number): number {
  if (code < 0x1100) return 0.56;
  if (code >= 0xff61 && code <= 0xffdc) return 0.56;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 1;
}

function twoPassParagraphLines(text: string, from: number, to: number, lineEms: number, kinsoku: boolean): number {
  let lines = 1;
  let used = 0;
  let piece = 0;
  let pieceIsSpace = false;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const flag = twoPassFlags[code]!;
    const space = (flag & 4) !== 0;
    const joins =
      i > from &&
      !space &&
      !pieceIsSpace &&
      ((kinsoku && ((previous & 2) !== 0 || (flag & 1) !== 0)) || ((flag & 8) !== 0 && (previous & 8) !== 0) || (code >= 0xdc00 && code <= 0xdfff));
    if (!joins) {
      if (i > from) {
        if (used + piece <= lineEms || (pieceIsSpace && used > 0)) {
          used += piece;
        } else if (piece > lineEms) {
          const whole = Math.ceil(piece / lineEms);
          lines += used > 0 ? whole : whole - 1;
          used = piece - (whole - 1) * lineEms;
        } else {
          lines += 1;
          used = piece;
        }
      }
      piece = 0;
      pieceIsSpace = space;
    }
    piece += twoPassCharEms(code);
    previous = flag;
  }
  if (to > from && used + piece > lineEms && !(pieceIsSpace && used > 0)) {
    const whole = Math.ceil(piece / lineEms);
    lines += piece > lineEms ? (used > 0 ? whole : whole - 1) : 1;
  }
  return lines;
}

function twoPassTextLines(text: string, lineEms: number, kinsoku: boolean): number {
  let lines = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    lines += twoPassParagraphLines(text, start, end < 0 ? text.length : end, lineEms, kinsoku);
    if (end < 0) return lines;
    start = end + 1;
  }
}

function twoPassWrappedLines(text: string, width: number, fontPt: number, indented = false): number {
  const fontPx = (fontPt * 96) / 72;
  const lineEms = Math.max(1, (Math.floor(width * 7 + 5) - 6 - (indented ? 12 : 0)) / fontPx);
  if (text.length <= lineEms && !text.includes('\n')) return 1;
  return Math.max(twoPassTextLines(text, lineEms, true), twoPassTextLines(text, lineEms, false));
}


const pieces = [
  '县', '人', '社', '局', '推', '进', '医', '保', '结', '算', '，', '。', '、', '（', '）', '“', '”', '；', '：', '！',
  '《', '》', '…', '%', '.', ',', '(', ')', ' ', ' ', '\t', '\u3000', '\n', '\n\n', 'Excel', 'WPS', 'x', 'abcdefghijklmnopqrstuvwxyz',
  '2022', '14667.2', '5', '3-1', '𠀀', '😀', 'ｱ', 'Ａ', 'word', ' (see', 'note) ',
];

function randomText(next: () => number): string {
  const count = Math.floor(next() * 120);
  let text = '';
  for (let i = 0; i < count; i++) {
    // Runs of the same piece make long words and long runs of punctuation, the cases at line ends.
    const piece = pieces[Math.floor(next() * pieces.length)]!;
    text += next() < 0.1 ? piece.repeat(1 + Math.floor(next() * 30)) : piece;
  }
  return text;
}

describe('row heights counted in one scan', () => {
  it('match the two-pass count (kinsoku on and off wrapped separately) on many random texts and widths', () => {
    const next = random(20261202);
    const widths = [2, 5, 9, 9.5, 13, 16, 27.6, 40, 63.3];
    let multiLine = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomText(next);
      const width = widths[n % widths.length]! + (n % 7) * 0.37;
      const fontPt = n % 5 === 0 ? 18 : 12;
      const indented = n % 3 === 0;
      const expected = twoPassWrappedLines(text, width, fontPt, indented);
      if (expected > 1) multiLine++;
      const actual = wrappedLines(text, width, fontPt, indented);
      if (actual !== expected) expect({ text, width, fontPt, indented, lines: actual }).toEqual({ text, width, fontPt, indented, lines: expected });
    }
    // The texts exercise wrapping, not just the one-line fast path.
    expect(multiLine).toBeGreaterThan(10_000);
  });

  it('counts the kinsoku way where it is the worse, paragraph by paragraph', () => {
    // Twelve characters to a line. "（" may not end a line: with kinsoku it moves down with "二", and the
    // thirteen characters after it need a third line; without, the 24 characters fill two lines exactly.
    const paragraph = '一二三四五六七八九十一（二三四五六七八九十一二三';
    expect(wrappedLines(paragraph, 27.6, 12)).toBe(3);
    expect(twoPassWrappedLines(paragraph, 27.6, 12)).toBe(3);
    expect(wrappedLines(`${paragraph}\n${paragraph}`, 27.6, 12)).toBe(6);
  });
});
