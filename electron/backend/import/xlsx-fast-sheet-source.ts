/**
 * The fast .xlsx reader's worksheet part, as plain JavaScript for the parsing worker (see worker-source.ts):
 * one sheet's XML → SheetJS's dense sheet ('!ref', '!merges'; each cell { t, v, w } kept as the value valueOf
 * reads from it, '!values') and its hidden rows and columns. Cells are placed, typed and dated as SheetJS 0.20
 * places them with { dense, cellDates, sheetRows }; its quirks are kept where they change a grid (a t="str"
 * cell without a value is "", a t="b" one is false).
 */
export const xlsxFastSheetSource = String.raw`
const excelEpoch = Date.UTC(1899, 11, 30);

/** "AB12" → { r: 11, c: 27 }; anything else bails. */
function cellAt(ref) {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) bail('cell reference ' + ref);
  let c = 0;
  for (let i = 0; i < m[1].length; i++) c = c * 26 + m[1].charCodeAt(i) - 64;
  return { r: +m[2] - 1, c: c - 1 };
}

/** "A1:F20" (or "B2") → a range; anything else bails. */
function rangeAt(ref) {
  const parts = ref.split(':');
  if (parts.length > 2) bail('range ' + ref);
  const s = cellAt(parts[0]);
  return { s, e: parts.length === 2 ? cellAt(parts[1]) : { r: s.r, c: s.c } };
}

/** A range as SheetJS writes it back into '!ref'. */
function rangeText(range) {
  const col = (c) => { let s = ''; for (c++; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s; return s; };
  return col(range.s.c) + (range.s.r + 1) + ':' + col(range.e.c) + (range.e.r + 1);
}

/** A serial number as SheetJS's numdate makes it (1900-02-29, serial 60, stays a number). */
function serialDate(serial) {
  if (serial >= 60 && serial < 61) return serial;
  return new Date((serial > 60 ? serial : serial + 1) * 86400000 + excelEpoch);
}

/** The kind of number format of style index s, decided (and remembered) the first time a number uses it. */
function kindOf(ctx, s) {
  if (!ctx.kinds || s === undefined) return 'number';
  const kind = ctx.kinds[s];
  if (kind === undefined) return 'number';
  if (typeof kind === 'string') return kind;
  const decided = formatKind(kind.fmt);
  ctx.kinds[s] = decided;
  return decided;
}

/** A numeric cell, dated or marked as percent as its format says. */
function numberCell(text, s, ctx) {
  const v = parseFloat(text.indexOf('&') < 0 && text.indexOf('_') < 0 ? text : unescapeXml(text));
  const kind = kindOf(ctx, s);
  if (kind === 'date') {
    const d = serialDate(v + (ctx.date1904 ? 1462 : 0));
    return typeof d === 'number' ? { t: 'n', v: d } : { t: 'd', v: d };
  }
  // valueOf reads a number as percent from its formatted text ending in %: the only thing w is used for.
  return kind === 'percent' ? { t: 'n', v, w: '%' } : { t: 'n', v };
}

/** The value inside <v>…</v>, or undefined for none or an empty one. */
function valueText(inner) {
  const at = inner.indexOf('<v');
  if (at < 0) return undefined;
  const open = inner.indexOf('>', at);
  if (!/^<v(?:\s[^>]*[^\/])?>$/.test(inner.slice(at, open + 1))) bail('v element out of shape');
  const end = inner.indexOf('</v>', open);
  if (end < 0) bail('unclosed v');
  const text = inner.slice(open + 1, end);
  if (text.indexOf('<') >= 0) bail('markup in a value');
  return text === '' ? undefined : text;
}

/**
 * A t="str" cell's text. SheetJS unescapes it, decodes it as UTF-8 bytes, then unescapes again: an escaped
 * character beyond ASCII is garbled in between, so such text bails.
 */
function formulaText(v) {
  // Without & or _ there is nothing to unescape (the common case): only CR LF is made LF.
  if (v.indexOf('&') < 0 && v.indexOf('_') < 0) return v.indexOf('\r\n') >= 0 ? v.replace(/\r\n/g, '\n') : v;
  const escapes = v.match(/&#x?[\da-fA-F]+;|_x[\da-fA-F]{4}_/gi);
  if (escapes && escapes.some((e) => /[^\x00-\x7f]/.test(unescapeXml(e)))) bail('escaped non-ASCII in a formula string');
  return unescapeCellText(unescapeXml(v));
}

/** A cell's contents other than <f>, <v> and <is> are not expected. */
function checkCellInner(inner) {
  const rest = inner.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>|<v(?:\s[^>]*)?>[^<]*<\/v>|<is>[\s\S]*?<\/is>/g, '');
  if (rest.trim() !== '') bail('unexpected cell content');
}

/** One <c>: its SheetJS cell, null for a cell SheetJS counts but keeps no value of, undefined for one it skips. */
function cellOf(a, inner, ctx) {
  if (inner !== '' && !(inner.slice(0, 3) === '<v>' && inner.indexOf('<', 3) === inner.length - 4)) checkCellInner(inner);
  return typedCell(a.t, a.s, valueText(inner), inner, ctx);
}

/** A cell of type t, style s and value text v (undefined for none), its content being inner. */
function typedCell(t, s, v, inner, ctx) {
  if (t === undefined && v === undefined) return undefined;
  switch (t || 'n') {
    case 'n': return v === undefined ? null : numberCell(v, s, ctx);
    case 's': {
      if (v === undefined) return null;
      const i = plainIndex(v);
      if (!ctx.strings || !(i >= 0 && i < ctx.strings.length)) bail('shared string index');
      return { t: 's', v: ctx.strings[i] };
    }
    case 'str': return { t: 's', v: v === undefined ? '' : formulaText(v) };
    case 'inlineStr': {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      if (!is && inner.indexOf('<is') >= 0) bail('inline string out of shape');
      return { t: 's', v: is ? itemText(is[1]) : '' };
    }
    case 'b': return { t: 'b', v: xmlBool(v === undefined ? undefined : unescapeXml(v)) };
    case 'e':
      // SheetJS keeps an error's text as the part's raw bytes: only ASCII reads the same.
      if (v === undefined || /[^\x00-\x7f]/.test(v)) bail('error cell text');
      return { t: 'e', w: unescapeXml(v) };
    default: bail('cell type ' + t);
  }
}

/** The sheet's parts around <sheetData> (and where its body is): the dimension and columns before, merges after. */
function splitSheet(xml) {
  const open = /<sheetData\b[^<>]*>/.exec(xml);
  if (!open) return { head: xml, bodyStart: 0, bodyEnd: 0, tail: xml };
  const close = xml.indexOf('</sheetData>', open.index);
  if (close < 0) return { head: xml, bodyStart: 0, bodyEnd: 0, tail: xml };
  return { head: xml.slice(0, open.index), bodyStart: open.index + open[0].length, bodyEnd: close, tail: xml.slice(close + 12) };
}

/** <dimension ref> as SheetJS reads it: the first quoted "x:y" within 50 characters, when a sensible range. */
function dimensionOf(head) {
  const at = head.search(/<dimension/);
  if (at <= 0) return null;
  const m = /"(\w*:\w*)"/.exec(head.slice(at, at + 50));
  if (!m) return null;
  const range = rangeAt(m[1]);
  return range.s.r <= range.e.r && range.s.c <= range.e.c ? range : null;
}

/** Hidden columns from <col min max hidden> (before sheetData); a later <col> overrides an earlier one, as in SheetJS. */
function hiddenColumns(head) {
  const hidden = [];
  const re = /<col\b[^<>]*>/g;
  let m;
  while ((m = re.exec(head)) !== null) {
    const a = attrsOf(m[0]);
    if (!/^[1-9]\d*$/.test(a.min || '') || !/^[1-9]\d*$/.test(a.max || '') || +a.max > 16384) bail('col range');
    for (let c = +a.min - 1; c <= +a.max - 1; c++) hidden[c] = xmlBool(a.hidden);
  }
  const out = [];
  hidden.forEach((h, c) => { if (h) out.push(c); });
  return out;
}

/** <mergeCell>s of exactly the shape SheetJS's pattern accepts (it passes over any other). */
function mergesOf(tail) {
  const out = [];
  const re = /<mergeCell ref=["']([A-Z0-9:]+)['"]\s*[\/]?>/g;
  let m;
  while ((m = re.exec(tail)) !== null) out.push(rangeAt(m[1]));
  return out;
}

/** A <c> tag's attributes: the usual r, s, t in that order read directly, any other tag in full. */
const plainCellTag = /^<c r="([A-Z]{1,3}\d+)"(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?\s*\/?>$/;
function cellAttrs(tag) {
  const m = plainCellTag.exec(tag);
  if (m === null) return attrsOf(tag);
  return { r: m[1], s: m[2], t: m[3] };
}

/**
 * The rest of a row, from "from" (after column col) to its </row> at "to", into data: what readRow leaves once
 * it meets a cell not of the usual shape. Such a cell is read by its tag's attributes in full.
 */
function readRowWithin(xml, from, to, r, col, data, guess, ctx) {
  let p = from;
  for (;;) {
    const at = xml.indexOf('<c', p);
    if (at < 0 || at >= to) { if (xml.slice(p, to).trim() !== '') bail('row content'); return; }
    if (at !== p && xml.slice(p, at).trim() !== '') bail('row content');
    let cell;
    if (cellTagInPlace(xml, at)) {
      if (plainTag.r - 1 !== r) bail('cell outside its row');
      col = plainTag.c;
      p = plainCellContent(xml, to);
      const v = plainTag.selfClosing ? undefined : plainValue(xml, plainTag.end + 1, p - 4);
      cell = v === null ? cellOf({ t: plainTag.t, s: plainTag.s }, xml.slice(plainTag.end + 1, p - 4), ctx) : typedCell(plainTag.t, plainTag.s, v, '', ctx);
    } else {
      const next = xml.charAt(at + 2);
      if (next !== ' ' && next !== '>' && next !== '/') bail('element in a row');
      const tagEnd = xml.indexOf('>', at);
      const a = cellAttrs(xml.slice(at, tagEnd + 1));
      let inner = '';
      if (xml.charAt(tagEnd - 1) === '/') p = tagEnd + 1;
      else {
        const close = xml.indexOf('</c>', tagEnd);
        if (close < 0 || close > to) bail('unclosed cell');
        inner = xml.slice(tagEnd + 1, close);
        p = close + 4;
      }
      if (a.r !== undefined) {
        const at2 = cellAt(a.r);
        if (at2.r !== r) bail('cell outside its row');
        col = at2.c;
      } else col++;
      cell = cellOf(a, inner, ctx);
    }
    placeCell(cell, r, col, data, guess);
  }
}

/** A cell read into data (its value as valueOf reads it); the columns of those SheetJS counts widen the range. */
function placeCell(cell, r, col, data, guess) {
  if (cell === undefined) return;
  if (guess.s.c > col) guess.s.c = col;
  if (guess.e.c < col) guess.e.c = col;
  if (cell === null) return;
  if (!data[r]) data[r] = [];
  data[r][col] = valueOf(cell);
}

/** Where the plain cell tag just read ends, with its content and </c> (past "to": bails). */
function plainCellContent(xml, to) {
  if (plainTag.selfClosing) return plainTag.end + 1;
  const close = xml.indexOf('</c>', plainTag.end);
  if (close < 0 || close > to) bail('unclosed cell');
  return close + 4;
}

/**
 * <sheetData>'s rows (xml between from and to) into dense data; returns the guessed range and the hidden rows.
 * Read in place in the part's text: a slice of it would be read more slowly, character by character.
 */
function readRows(xml, from, to, ctx, data) {
  const guess = { s: { r: 2000000, c: 2000000 }, e: { r: 0, c: 0 } };
  const hiddenRows = [];
  let r = 0;
  let p = from;
  let selfClosing = false;
  let unnumbered = false;
  for (;;) {
    const found = xml.indexOf('<row', p);
    const at = found >= to ? -1 : found;
    if (at < 0) { if (xml.slice(p, to).trim() !== '') bail('sheetData content'); break; }
    if (at !== p && xml.slice(p, at).trim() !== '') bail('sheetData content');
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0 || tagEnd >= to) bail('unclosed row');
    const a = rowTagInPlace(xml, at, tagEnd) || attrsOf(xml.slice(at, tagEnd + 1));
    if (a.r === undefined) unnumbered = true;
    else if (!/^[1-9]\d*$/.test(a.r)) bail('row number');
    const rowNumber = a.r !== undefined ? +a.r : r + 1;
    if (rowNumber <= ctx.sheetRows && xmlBool(a.hidden)) hiddenRows[rowNumber - 1] = true;
    if (xml.charAt(tagEnd - 1) === '/') { selfClosing = true; p = tagEnd + 1; continue; }
    r = rowNumber;
    if (r > ctx.sheetRows) { p = rowEnd(xml, tagEnd, to) + 6; continue; }
    if (guess.s.r > r - 1) guess.s.r = r - 1;
    if (guess.e.r < r - 1) guess.e.r = r - 1;
    const close = readRow(xml, tagEnd + 1, r - 1, data, guess, ctx);
    if (close >= to) bail('unclosed row');
    p = close + 6;
  }
  // SheetJS numbers unnumbered rows and guesses the range without counting self-closing rows (but counts them
  // when it reads styles): only where neither matters is the reading the same.
  return { guess, hiddenRows, selfClosing, unnumbered };
}

/** The sheet's elements that the fast reader reads unprefixed only (see hasPrefixedElement). */
const sheetElements = /(?:worksheet|sheetData|row|c|v|is|mergeCell|col|dimension)\b/y;

/** One worksheet part → { ws, hidden: { rows, cols } }. */
function parseSheet(xml, ctx) {
  if (xml === null) bail('missing sheet part');
  if (hasPrefixedElement(xml, sheetElements)) bail('prefixed sheet');
  if (hasCdataOrComment(xml, true) || xml.indexOf('<legacyDrawing') >= 0) bail('CDATA, comment or drawing');
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root || attrsOf(root[0]).xmlns !== 'http://schemas.openxmlformats.org/spreadsheetml/2006/main') bail('worksheet namespace');
  const parts = splitSheet(xml);
  const data = [];
  const rows = readRows(xml, parts.bodyStart, parts.bodyEnd, ctx, data);
  const dim = dimensionOf(parts.head);
  if (rows.selfClosing && (rows.unnumbered || !dim)) bail('self-closing rows');
  const g = rows.guess;
  const range = dim || (g.e.c >= g.s.c && g.e.r >= g.s.r ? g : null);
  const ws = { '!data': data, '!values': true };
  if (range) ws['!ref'] = rangeText(range);
  const merges = mergesOf(parts.tail);
  if (merges.length > 0) ws['!merges'] = merges;
  return { ws, hidden: { rows: rows.hiddenRows, cols: hiddenColumns(parts.head) } };
}
`;
