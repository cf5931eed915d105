/**
 * The verifier's fast reader: a plain .xlsx (as this app exports it, and as Excel, WPS and LibreOffice save it
 * again) read into the dense sheets SheetJS makes with { dense, cellFormula, cellStyles }, as far as verifying
 * looks at them: cell values by type, hidden rows and columns, the range. Only the sheets asked for are parsed.
 * A formula, a dated or unusual cell, rich text with phonetics, comments, prefixed XML — anything not reproduced
 * exactly — bails out (FastBail), and SheetJS reads the file. test/integration/export/verify-fast-read.test.ts
 * compares the two readings.
 */
import type { CellObject, WorkSheet } from 'xlsx';
import { attrsOf, bail, bookParts, openPackage, readPart, unescapeXml, xmlBool, type Package, type Part } from './verify-fast-parts';

export { FastBail } from './verify-fast-parts';

/** Cell text: unescaped, with CR LF made LF (SheetJS's xlsx mode). */
function cellTextOf(text: string): string {
  const out = unescapeXml(text);
  return out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
}

/** The text of one string item (<si> or <is> content, bytes from..to of the part). */
function itemText(part: Part, from: number, to: number): string {
  const x = part.latin1;
  const start = x.startsWith('<t>', from) ? from + 3 : x.startsWith('<t xml:space="preserve">', from) ? from + 24 : -1;
  if (start >= 0 && x.indexOf('<', start) === to - 4 && x.startsWith('</t>', to - 4)) return cellTextOf(part.bytes.toString('utf8', start, to - 4));
  const item = part.bytes.toString('utf8', from, to);
  if (item === '') return '';
  if (/<\/?\w+:/.test(item)) bail('prefixed string item');
  if (/^\s*<t/.test(item)) {
    if (!/^\s*<t[\s>/]/.test(item)) bail('element named like t');
    const open = item.indexOf('>') + 1;
    const end = item.indexOf('</t>', open);
    const text = end < 0 ? item.slice(open) : item.slice(open, end);
    if (text.includes('<')) bail('markup inside a plain string');
    return cellTextOf(text);
  }
  if (!/<r\b[^<>]*>/.test(item) || item.includes('<rPh')) bail('string item out of shape');
  let joined = '';
  for (const m of item.matchAll(/<t\b[^<>]*>([^<]*)<\/t>/g)) joined += m[1];
  return cellTextOf(joined);
}

/** sharedStrings.xml → the strings by index. */
function sharedStrings(part: Part | null): string[] {
  if (part === null) bail('shared strings part missing');
  const x = part.latin1;
  const open = /<sst\b[^<>]*>/.exec(x.slice(0, 1000));
  const end = x.lastIndexOf('</sst>');
  if (!open || end < 0 || /<\/?\w+:sst\b/.test(x.slice(0, 1000))) bail('shared strings out of shape');
  const out: string[] = [];
  let p = open.index + open[0].length;
  for (;;) {
    const at = x.indexOf('<si>', p);
    const stop = at < 0 || at > end ? end : at;
    if (stop !== p && x.slice(p, stop).trim() !== '') bail('shared string item out of shape');
    if (stop === end) return out;
    const close = x.indexOf('</si>', at);
    if (close < 0 || close > end) bail('unclosed shared string item');
    out.push(itemText(part, at + 4, close));
    p = close + 5;
  }
}

/** "AB12" → 0-based row and column; anything else bails. */
function cellAt(ref: string): { r: number; c: number } {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) bail('cell reference');
  let c = 0;
  for (let i = 0; i < m[1]!.length; i++) c = c * 26 + m[1]!.charCodeAt(i) - 64;
  return { r: +m[2]! - 1, c: c - 1 };
}

const encodeCol = (c: number): string => {
  let s = '';
  for (c++; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** <dimension ref> as SheetJS reads it: the first quoted "x:y" within 50 characters, when a sensible range. */
function dimensionOf(head: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const at = head.search(/<dimension/);
  if (at <= 0) return null;
  const m = /"(\w*:\w*)"/.exec(head.slice(at, at + 50));
  if (!m) return null;
  const [from, to] = m[1]!.split(':');
  const range = { s: cellAt(from!), e: cellAt(to!) };
  return range.s.r <= range.e.r && range.s.c <= range.e.c ? range : null;
}

/** '!cols' as far as hiding goes: <col min max hidden> before sheetData, a later one overriding an earlier one. */
function columnsOf(head: string): { hidden?: true }[] {
  const cols: { hidden?: true }[] = [];
  for (const m of head.matchAll(/<col\b[^<>]*>/g)) {
    const a = attrsOf(m[0]);
    if (!/^[1-9]\d*$/.test(a.min ?? '') || !/^[1-9]\d*$/.test(a.max ?? '') || +a.max! > 16384) bail('col range');
    for (let c = +a.min! - 1; c <= +a.max! - 1; c++) cols[c] = xmlBool(a.hidden) ? { hidden: true } : {};
  }
  return cols;
}

/** The usual cell tag (r, s, t in that order), matched in place; any other is read attribute by attribute. */
const plainCellTag = /<c r="([A-Z]{1,3})([1-9]\d{0,6})"(?: s="\d+")?(?: t="([a-zA-Z]+)")?\s*\/?>/y;
/** The usual row tag; read attribute by attribute when any attribute could be SheetJS's r or hidden. */
const plainRowTag = /<row r="([1-9]\d{0,6})"((?: [\w:]+="[^"<>]*")*)\s*\/?>/y;
const rowKeyLike = /(?:^|[\s:])(?:r|hidden)(?:_[^=]*)?=/i;

interface SheetContext {
  part: Part;
  strings: () => string[];
  data: CellObject[][];
  /** The columns SheetJS's guessed range spans (stubs included, as with cellStyles). */
  guess: { s: number; e: number };
}

/**
 * A t="str" value (as SheetJS writes strings): SheetJS unescapes the raw bytes, decodes them as UTF-8 and
 * unescapes again. An escape standing for a character beyond ASCII is garbled in between: such text bails.
 */
function valueString(raw: string): string {
  const escapes = raw.match(/&#x?[\da-fA-F]+;|_x[\da-fA-F]{4}_/gi);
  if (escapes?.some((e) => /[\u0080-\uffff]/.test(unescapeXml(e)))) bail('escaped non-ASCII in a string value');
  return cellTextOf(Buffer.from(unescapeXml(raw), 'latin1').toString('utf8'));
}

const preservedV = '<v xml:space="preserve">';

/** One cell's value: a cell object, or null for a cell SheetJS keeps as a stub (no text). */
function cellValue(ctx: SheetContext, t: string | undefined, from: number, to: number): CellObject | null {
  const x = ctx.part.latin1;
  let v: string | undefined;
  let inline: string | undefined;
  if (from < to) {
    const open = x.startsWith('<v>', from) ? 3 : x.startsWith(preservedV, from) ? preservedV.length : 0;
    if (open > 0 && x.indexOf('<', from + open) === to - 4 && x.startsWith('</v>', to - 4)) v = x.slice(from + open, to - 4) || undefined;
    else if (t === 'inlineStr' && x.startsWith('<is>', from) && x.startsWith('</is>', to - 5)) inline = itemText(ctx.part, from + 4, to - 5);
    else bail(x.slice(from, to).includes('<f') ? 'formula' : 'cell content');
  }
  switch (t ?? 'n') {
    case 'n':
      return v === undefined ? null : { t: 'n', v: parseFloat(unescapeXml(v)) };
    case 's': {
      if (v === undefined) return null;
      const text = ctx.strings()[parseInt(unescapeXml(v), 10)];
      if (text === undefined) bail('shared string index');
      return { t: 's', v: text };
    }
    case 'inlineStr':
      return { t: 's', v: inline ?? '' };
    case 'str':
      return { t: 's', v: v === undefined ? '' : valueString(v) };
    case 'b':
      if (v === undefined) bail('boolean without a value');
      return { t: 'b', v: xmlBool(unescapeXml(v)) };
    case 'e':
      if (v === undefined || /[^\x20-\x7e]/.test(v)) bail('error cell text');
      return { t: 'e', v: 0, w: unescapeXml(v) };
    default:
      return bail('cell type ' + t);
  }
}

/** The cells of one row (the text between its tag and </row>) into ctx.data. */
function readRow(ctx: SheetContext, from: number, to: number, r: number): void {
  const x = ctx.part.latin1;
  for (let p = from; ; ) {
    const at = x.indexOf('<c ', p);
    const stop = at < 0 || at >= to ? to : at;
    if (stop !== p && x.slice(p, stop).trim() !== '') bail('row content');
    if (stop === to) return;
    plainCellTag.lastIndex = at;
    const m = plainCellTag.exec(x);
    let tagEnd: number;
    let t: string | undefined;
    let c = 0;
    if (m) {
      tagEnd = plainCellTag.lastIndex - 1;
      t = m[3];
      const letters = m[1]!;
      for (let i = 0; i < letters.length; i++) c = c * 26 + letters.charCodeAt(i) - 64;
      c -= 1;
      if (+m[2]! - 1 !== r) bail('cell outside its row');
    } else {
      tagEnd = x.indexOf('>', at);
      const a = attrsOf(x.slice(at, tagEnd + 1));
      if (a.r === undefined) bail('cell without a reference');
      const where = cellAt(a.r);
      if (where.r !== r) bail('cell outside its row');
      t = a.t;
      c = where.c;
    }
    let inner = tagEnd;
    if (x.charCodeAt(tagEnd - 1) === 47) p = tagEnd + 1;
    else {
      inner = x.indexOf('</c>', tagEnd);
      if (inner < 0 || inner > to) bail('unclosed cell');
      p = inner + 4;
    }
    const cell = cellValue(ctx, t, tagEnd + 1, inner);
    if (ctx.guess.s > c) ctx.guess.s = c;
    if (ctx.guess.e < c) ctx.guess.e = c;
    if (cell === null) continue;
    (ctx.data[r] ??= [])[c] = cell;
  }
}

/** One worksheet part → its dense sheet with '!ref', '!rows' (hidden ones) and '!cols'. */
function parseSheet(part: Part | null, strings: () => string[]): WorkSheet {
  if (part === null) bail('missing sheet part');
  const x = part.latin1;
  const root = /<worksheet\b[^>]*>/.exec(x.slice(0, 2000));
  if (!root || attrsOf(root[0]).xmlns !== 'http://schemas.openxmlformats.org/spreadsheetml/2006/main') bail('worksheet namespace');
  let open = x.indexOf('<sheetData>');
  let close = x.indexOf('</sheetData>');
  // An empty <sheetData/>: SheetJS then looks for the dimension and columns in the whole part.
  const empty = open < 0 && close < 0 && x.indexOf('<sheetData/>') >= 0 && x.indexOf('<sheetData', x.indexOf('<sheetData/>') + 1) < 0;
  if (empty) [open, close] = [x.length - 11, x.length]; // no rows to read
  else if (open < 0 || close < open || x.indexOf('<sheetData', open + 1) >= 0) bail('sheetData');
  const head = empty ? x : x.slice(0, open);
  if (/<\/?\w+:(?:worksheet|sheetData|row|c|v|is|col|dimension)\b/.test(empty ? x : head + x.slice(close))) bail('prefixed sheet');
  const ctx: SheetContext = { part, strings, data: [], guess: { s: 2_000_000, e: 0 } };
  const rows: { hidden?: true }[] = [];
  let firstRow = 2_000_000;
  let lastRow = 0;
  for (let p = open + 11; ; ) {
    const at = x.indexOf('<row', p);
    const stop = at < 0 || at > close ? close : at;
    if (stop !== p && x.slice(p, stop).trim() !== '') bail('sheetData content');
    if (stop === close) break;
    plainRowTag.lastIndex = at;
    const m = plainRowTag.exec(x);
    let tagEnd: number;
    let a: Record<string, string | undefined>;
    if (m && !rowKeyLike.test(m[2]!)) {
      tagEnd = plainRowTag.lastIndex - 1;
      a = { r: m[1] };
    } else {
      tagEnd = x.indexOf('>', at);
      a = attrsOf(x.slice(at, tagEnd + 1));
    }
    if (!/^[ />]$/.test(x.charAt(at + 4)) || !/^[1-9]\d{0,6}$/.test(a.r ?? '')) bail('row tag');
    const r = +a.r! - 1;
    if (xmlBool(a.hidden)) rows[r] = { hidden: true };
    if (x.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const end = x.indexOf('</row>', tagEnd);
    if (end < 0 || end > close) bail('unclosed row');
    firstRow = Math.min(firstRow, r);
    lastRow = Math.max(lastRow, r);
    readRow(ctx, tagEnd + 1, end, r);
    p = end + 6;
  }
  const dim = dimensionOf(head);
  const range = dim ?? (ctx.guess.e >= ctx.guess.s && lastRow >= firstRow ? { s: { r: firstRow, c: ctx.guess.s }, e: { r: lastRow, c: ctx.guess.e } } : null);
  const sheet: WorkSheet = { '!data': ctx.data };
  if (range) sheet['!ref'] = `${encodeCol(range.s.c)}${range.s.r + 1}:${encodeCol(range.e.c)}${range.e.r + 1}`;
  if (rows.length > 0) sheet['!rows'] = rows;
  const cols = columnsOf(head);
  if (cols.length > 0) sheet['!cols'] = cols;
  return sheet;
}

export interface FastBook {
  names: string[];
  /** The named sheet parsed (once); throws FastBail where SheetJS must read it. */
  sheet(name: string): WorkSheet | undefined;
}

/** The book's structure, read at once; its sheets and shared strings parsed when first asked for. Throws FastBail. */
export function openFastBook(bytes: Uint8Array): FastBook {
  const pkg: Package = openPackage(bytes);
  const parts = bookParts(pkg);
  let strings: string[] | null = null;
  const stringsOf = () => (strings ??= parts.sst === null ? [] : sharedStrings(readPart(pkg, parts.sst)));
  const parsed = new Map<string, WorkSheet>();
  return {
    names: parts.sheets.map((s) => s.name),
    sheet(name) {
      const found = parts.sheets.find((s) => s.name === name);
      if (!found) return undefined;
      let sheet = parsed.get(name);
      if (!sheet) parsed.set(name, (sheet = parseSheet(readPart(pkg, found.path), stringsOf)));
      return sheet;
    },
  };
}
