/**
 * The fast .xlsx reader's worksheet part, as plain JavaScript for the parsing worker (see worker-source.ts):
 * one sheet's XML → SheetJS's dense sheet (cells as { t, v, w }, '!ref', '!merges') and its hidden rows and
 * columns. Cells are placed, typed and dated as SheetJS 0.20 places them with { dense, cellDates, sheetRows };
 * its quirks are kept where they change a grid (a t="str" cell without a value is "", a t="b" one is false).
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
  const v = parseFloat(unescapeXml(text));
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
  const v = valueText(inner);
  const t = a.t;
  if (t === undefined && v === undefined) return undefined;
  switch (t || 'n') {
    case 'n': return v === undefined ? null : numberCell(v, a.s, ctx);
    case 's': {
      if (v === undefined) return null;
      const i = parseInt(unescapeXml(v), 10);
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

/** The sheet's parts around <sheetData>: SheetJS looks for the dimension and columns before, merges after. */
function splitSheet(xml) {
  const open = /<sheetData\b[^<>]*>/.exec(xml);
  if (!open) return { head: xml, body: '', tail: xml };
  const close = xml.indexOf('</sheetData>', open.index);
  if (close < 0) return { head: xml, body: '', tail: xml };
  return { head: xml.slice(0, open.index), body: xml.slice(open.index + open[0].length, close), tail: xml.slice(close + 12) };
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

/** The cells of one row (between its tag and </row>) into data; columns seen widen the guessed range. */
function readRow(xml, from, to, r, data, guess, ctx) {
  let col = -1;
  let p = from;
  for (;;) {
    const at = xml.indexOf('<c', p);
    if (at < 0 || at >= to) { if (xml.slice(p, to).trim() !== '') bail('row content'); return; }
    if (xml.slice(p, at).trim() !== '') bail('row content');
    const next = xml.charAt(at + 2);
    if (next !== ' ' && next !== '>' && next !== '/') bail('element in a row');
    const tagEnd = xml.indexOf('>', at);
    const tag = xml.slice(at, tagEnd + 1);
    const a = cellAttrs(tag);
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
    const cell = cellOf(a, inner, ctx);
    if (cell === undefined) continue;
    if (guess.s.c > col) guess.s.c = col;
    if (guess.e.c < col) guess.e.c = col;
    if (cell === null) continue;
    if (!data[r]) data[r] = [];
    data[r][col] = cell;
  }
}

/** <sheetData>'s rows into dense data; returns the guessed range and the hidden rows. */
function readRows(body, ctx, data) {
  const guess = { s: { r: 2000000, c: 2000000 }, e: { r: 0, c: 0 } };
  const hiddenRows = [];
  let r = 0;
  let p = 0;
  let selfClosing = false;
  let unnumbered = false;
  for (;;) {
    const at = body.indexOf('<row', p);
    if (at < 0) { if (body.slice(p).trim() !== '') bail('sheetData content'); break; }
    if (body.slice(p, at).trim() !== '') bail('sheetData content');
    const tagEnd = body.indexOf('>', at);
    const a = attrsOf(body.slice(at, tagEnd + 1));
    if (a.r === undefined) unnumbered = true;
    else if (!/^[1-9]\d*$/.test(a.r)) bail('row number');
    const rowNumber = a.r !== undefined ? +a.r : r + 1;
    if (rowNumber <= ctx.sheetRows && xmlBool(a.hidden)) hiddenRows[rowNumber - 1] = true;
    if (body.charAt(tagEnd - 1) === '/') { selfClosing = true; p = tagEnd + 1; continue; }
    const close = body.indexOf('</row>', tagEnd);
    if (close < 0) bail('unclosed row');
    r = rowNumber;
    p = close + 6;
    if (r > ctx.sheetRows) continue;
    if (guess.s.r > r - 1) guess.s.r = r - 1;
    if (guess.e.r < r - 1) guess.e.r = r - 1;
    readRow(body, tagEnd + 1, close, r - 1, data, guess, ctx);
  }
  // SheetJS numbers unnumbered rows and guesses the range without counting self-closing rows (but counts them
  // when it reads styles): only where neither matters is the reading the same.
  return { guess, hiddenRows, selfClosing, unnumbered };
}

/** One worksheet part → { ws, hidden: { rows, cols } }. */
function parseSheet(xml, ctx) {
  if (xml === null) bail('missing sheet part');
  if (/<\/?\w+:(?:worksheet|sheetData|row|c|v|is|mergeCell|col|dimension)\b/.test(xml)) bail('prefixed sheet');
  if (xml.indexOf('<![CDATA[') >= 0 || xml.indexOf('<!--') >= 0 || xml.indexOf('<legacyDrawing') >= 0) bail('CDATA, comment or drawing');
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root || attrsOf(root[0]).xmlns !== 'http://schemas.openxmlformats.org/spreadsheetml/2006/main') bail('worksheet namespace');
  const parts = splitSheet(xml);
  const data = [];
  const rows = readRows(parts.body, ctx, data);
  const dim = dimensionOf(parts.head);
  if (rows.selfClosing && (rows.unnumbered || !dim)) bail('self-closing rows');
  const g = rows.guess;
  const range = dim || (g.e.c >= g.s.c && g.e.r >= g.s.r ? g : null);
  const ws = { '!data': data };
  if (range) ws['!ref'] = rangeText(range);
  const merges = mergesOf(parts.tail);
  if (merges.length > 0) ws['!merges'] = merges;
  return { ws, hidden: { rows: rows.hiddenRows, cols: hiddenColumns(parts.head) } };
}
`;
