/**
 * Row heights for wrapped text. Excel, WPS and LibreOffice do not reliably auto-fit wrapped rows when a file
 * is opened (Excel keeps the stored height; WPS and LibreOffice auto-fit only rows without one, and with
 * their own substitute fonts), so the writer stores an explicit height that is enough in all three: it
 * simulates line wrapping with widths on the generous side and a CJK-font line spacing.
 */

/** Excel's maximum row height; a taller cell cannot be shown whole in Excel at all. */
export const maxRowHeightPt = 409;

/** A column `width` units wide is 7·width + 5 px in Excel with the 11 pt default font (7 px digits). */
const columnPixels = (width: number) => Math.floor(width * 7 + 5);

/** Cell padding and gridline on both sides (LibreOffice fits twelve 16 px characters in a 198 px column). */
const horizontalSlackPx = 6;
/** The one-level indent of left-aligned text (table-style.ts), about 10 px in Excel and LibreOffice alike. */
export const indentPx = 12;

/**
 * Line spacing as a multiple of the font size. Chinese fonts set lines wider apart than Latin ones: SimSun and
 * FangSong about 1.3 in Excel, Noto Sans CJK (LibreOffice's usual substitute on Linux) 1.375, measured.
 */
export const lineSpacing = 1.4;
const verticalPaddingPt = 5;

/** Width of a character in ems: CJK and full-width forms are square; Latin, digits and half-width about half. */
function charEms(code: number): number {
  if (code < 0x1100) return 0.56;
  if (code >= 0xff61 && code <= 0xffdc) return 0.56;
  if (code >= 0xdc00 && code <= 0xdfff) return 0; // second half of a surrogate pair: counted with the first
  return 1;
}

const noLineStartFlag = 1; // punctuation that may not begin a line: it stays with the character before it
const noLineEndFlag = 2; // punctuation that may not end a line: it moves with the character after it
const spaceFlag = 4;
const latinFlag = 8;
/** Per-UTF-16-unit flags: a table, because this runs for every character of every exported cell. */
const flags = new Uint8Array(0x10000);
for (const ch of '，。、；：？！）》」』】〉”’…%．,.;:?!)]}·') flags[ch.charCodeAt(0)]! |= noLineStartFlag;
for (const ch of '（《「『【〈“‘([{') flags[ch.charCodeAt(0)]! |= noLineEndFlag;
for (const ch of ' \t\u3000') flags[ch.charCodeAt(0)]! |= spaceFlag;
for (let code = 0x21; code < 0x1100; code++) if (!(flags[code]! & spaceFlag)) flags[code]! |= latinFlag;

/**
 * How many lines a paragraph wraps to in a line `lineEms` wide, filling greedily piece by piece. Latin words
 * stay whole; every CJK character is its own piece. Counted both ways in one scan: with kinsoku, punctuation
 * is glued to its neighbour as Excel and WPS do; LibreOffice often does not, and may leave a lone "。" on a
 * last line of its own, so the caller uses the larger. Returns the count without kinsoku and leaves the count
 * with it in `kinsokuLines` (two results without allocating: this runs for every cell of an export).
 *
 * Both ways share one scan because their pieces differ only at punctuation: a space is always a piece of its
 * own, so whether the piece being finished is a space is just whether the previous character was one.
 */
function paragraphLines(text: string, from: number, to: number, lineEms: number): number {
  let plain = 1;
  let plainUsed = 0;
  let plainPiece = 0;
  let kinsoku = 1;
  let kinsokuUsed = 0;
  let kinsokuPiece = 0;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const flag = flags[code]!;
    if (i > from) {
      const pieceIsSpace = (previous & spaceFlag) !== 0;
      const separate = ((flag | previous) & spaceFlag) !== 0;
      const plainJoins = !separate && ((flag & previous & latinFlag) !== 0 || (code >= 0xdc00 && code <= 0xdfff));
      // Inlined piece placement, once per way (see placeLast for the same rule on the last piece).
      if (!plainJoins) {
        if (plainUsed + plainPiece <= lineEms || (pieceIsSpace && plainUsed > 0)) plainUsed += plainPiece;
        else if (plainPiece > lineEms) {
          // A word wider than the whole line is broken inside, as the programs do when nothing else fits.
          const whole = Math.ceil(plainPiece / lineEms);
          plain += plainUsed > 0 ? whole : whole - 1;
          plainUsed = plainPiece - (whole - 1) * lineEms;
        } else {
          plain += 1;
          plainUsed = plainPiece;
        }
        plainPiece = 0;
      }
      if (!plainJoins && (separate || ((previous & noLineEndFlag) | (flag & noLineStartFlag)) === 0)) {
        if (kinsokuUsed + kinsokuPiece <= lineEms || (pieceIsSpace && kinsokuUsed > 0)) kinsokuUsed += kinsokuPiece;
        else if (kinsokuPiece > lineEms) {
          const whole = Math.ceil(kinsokuPiece / lineEms);
          kinsoku += kinsokuUsed > 0 ? whole : whole - 1;
          kinsokuUsed = kinsokuPiece - (whole - 1) * lineEms;
        } else {
          kinsoku += 1;
          kinsokuUsed = kinsokuPiece;
        }
        kinsokuPiece = 0;
      }
    }
    const ems = charEms(code);
    plainPiece += ems;
    kinsokuPiece += ems;
    previous = flag;
  }
  if (to === from) {
    kinsokuLines = 1;
    return 1;
  }
  const lastIsSpace = (previous & spaceFlag) !== 0;
  kinsokuLines = kinsoku + placeLast(kinsokuUsed, kinsokuPiece, lastIsSpace, lineEms);
  return plain + placeLast(plainUsed, plainPiece, lastIsSpace, lineEms);
}

/** Set by paragraphLines: the paragraph's lines with kinsoku. */
let kinsokuLines = 1;

/** Lines the last piece adds: it starts a new line only if it does not fit on the current one. */
function placeLast(used: number, piece: number, pieceIsSpace: boolean, lineEms: number): number {
  if (used + piece <= lineEms || (pieceIsSpace && used > 0)) return 0;
  const whole = Math.ceil(piece / lineEms);
  return piece > lineEms ? (used > 0 ? whole : whole - 1) : 1;
}

/** Lines of all the paragraphs of `text`, split at hard line breaks: the larger of with and without kinsoku. */
function textLines(text: string, lineEms: number): number {
  let plain = 0;
  let kinsoku = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    plain += paragraphLines(text, start, end < 0 ? text.length : end, lineEms);
    kinsoku += kinsokuLines;
    if (end < 0) return Math.max(plain, kinsoku);
    start = end + 1;
  }
}

/** Lines a cell's text takes in a column `width` units wide at `fontPt`. Hard line breaks count. */
export function wrappedLines(text: string, width: number, fontPt: number, indented = false): number {
  const fontPx = (fontPt * 96) / 72;
  const lineEms = Math.max(1, (columnPixels(width) - horizontalSlackPx - (indented ? indentPx : 0)) / fontPx);
  // Fast path: text shorter than a line, whatever its characters, is one line.
  if (text.length <= lineEms && !text.includes('\n')) return 1;
  return textLines(text, lineEms);
}

/**
 * Lines to make room for: from three lines up, one spare, because the programs' fonts and line-breaking rules
 * differ just enough that a long cell can need one line more than any single simulation says.
 */
export function linesWithSpare(lines: number): number {
  return lines >= 3 ? lines + 1 : lines;
}

/** Height in points for a row of cells, each given with its column width; at least one line. */
export function rowHeight(cells: readonly { text: string; width: number; indented?: boolean }[], fontPt: number): number {
  let lines = 1;
  for (const c of cells) if (c.text) lines = Math.max(lines, wrappedLines(c.text, c.width, fontPt, c.indented));
  return heightForLines(lines, fontPt);
}

/** Height in points for `lines` lines at `fontPt`, the spare line included. */
export function heightForLines(lines: number, fontPt: number): number {
  return Math.min(maxRowHeightPt, Math.ceil(linesWithSpare(lines) * fontPt * lineSpacing + verticalPaddingPt));
}
