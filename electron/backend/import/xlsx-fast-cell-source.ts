/**
 * The fast .xlsx reader's scan of one <c> tag of the usual shape, as plain JavaScript for the parsing worker
 * (see worker-source.ts): <c r="AB12" s="3" t="s">, each of s and t optional, then xml:space="preserve"
 * optional (SheetJS writes it), then > or />. Read by character codes in place, with no regular expression,
 * slice or attribute object: a 20,000-row sheet has 100,000 and more of them. A tag of any other shape is
 * left to the full reading (cellAttrs), so that what this accepts is read exactly as that reads it.
 */
export const xlsxFastCellSource = String.raw`
/** The t values read here; any other goes to the full reading. */
const plainCellTypes = { 110: 'n', 115: 's', 98: 'b', 101: 'e' };

/** The reused answer of cellTagInPlace: column, row (1-based), s (a number or undefined), t, the > at its end. */
const plainTag = { c: 0, r: 0, s: undefined, t: undefined, end: 0, selfClosing: false, next: 0 };

/** Digits from i: their value into plainTag.r, or -1 when there are none, a leading 0, or more than max. */
function digitsAt(xml, i, max) {
  let ch = xml.charCodeAt(i);
  if (ch < 49 || ch > 57) return ch === 48 && (xml.charCodeAt(i + 1) < 48 || xml.charCodeAt(i + 1) > 57) ? 0 : -1;
  let n = 0;
  let value = 0;
  while (ch >= 48 && ch <= 57) {
    if (++n > max) return -1;
    value = value * 10 + ch - 48;
    ch = xml.charCodeAt(++i);
  }
  return value;
}

/** Where the digits from i end. */
function digitsEnd(xml, i) {
  let ch = xml.charCodeAt(i);
  while (ch >= 48 && ch <= 57) ch = xml.charCodeAt(++i);
  return i;
}

/** The t="…" at i: sets plainTag.t and returns the index after it, or -1 for a type not read here. */
function plainType(xml, i) {
  const first = xml.charCodeAt(i);
  if (xml.charCodeAt(i + 1) === 34) {
    const t = plainCellTypes[first];
    if (t === undefined) return -1;
    plainTag.t = t;
    return i + 2;
  }
  if (first === 115 && xml.startsWith('tr"', i + 1)) {
    plainTag.t = 'str';
    return i + 4;
  }
  return -1;
}

/** Whether xml has ' N="' at i, N the one-letter attribute name of code n (startsWith costs a call per cell). */
function attributeAt(xml, i, n) {
  return xml.charCodeAt(i) === 32 && xml.charCodeAt(i + 1) === n && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34;
}

/** The <c> tag at "at" (xml[at..at+2] is "<c") into plainTag; false when it is not of the usual shape. */
function cellTagInPlace(xml, at) {
  if (!attributeAt(xml, at + 2, 114)) return false;
  let i = at + 6;
  let c = 0;
  let letters = 0;
  let ch = xml.charCodeAt(i);
  while (ch >= 65 && ch <= 90) {
    if (++letters > 3) return false;
    c = c * 26 + ch - 64;
    ch = xml.charCodeAt(++i);
  }
  // cellAt's reference: one to three letters, then a row number of at most seven digits not starting with 0.
  if (letters === 0 || ch < 49 || ch > 57) return false;
  const r = digitsAt(xml, i, 7);
  i = digitsEnd(xml, i);
  if (r < 0 || xml.charCodeAt(i) !== 34) return false;
  plainTag.c = c - 1;
  plainTag.r = r;
  plainTag.s = undefined;
  plainTag.t = undefined;
  i++;
  if (attributeAt(xml, i, 115)) {
    // A style index as a canonical number, the key ctx.kinds is looked up by; "007" and the like go the full way.
    const s = digitsAt(xml, i + 4, 9);
    const end = digitsEnd(xml, i + 4);
    if (s < 0 || xml.charCodeAt(end) !== 34) return false;
    plainTag.s = s;
    i = end + 1;
  }
  if (attributeAt(xml, i, 116)) {
    i = plainType(xml, i + 4);
    if (i < 0) return false;
  }
  if (xml.charCodeAt(i) === 32 && xml.startsWith(' xml:space="preserve"', i)) i += 21;
  plainTag.selfClosing = xml.charCodeAt(i) === 47;
  if (plainTag.selfClosing) i++;
  if (xml.charCodeAt(i) !== 62) return false;
  plainTag.end = i;
  return true;
}

/**
 * The value of a cell whose content (from, to) is exactly <v>text</v> or <v xml:space="preserve">text</v>
 * with no markup in the text: the text, undefined for an empty one; null for content of any other shape.
 */
function plainValue(xml, from, to) {
  if (from === to) return undefined;
  let start;
  if (xml.startsWith('<v>', from)) start = from + 3;
  else if (xml.startsWith('<v xml:space="preserve">', from)) start = from + 24;
  else return null;
  const end = to - 4;
  if (end < start || !xml.startsWith('</v>', end) || xml.indexOf('<', start) !== end) return null;
  return end === start ? undefined : xml.slice(start, end);
}

/**
 * Attributes a <row> tag may have that attrsOf keys as neither r nor hidden (Excel's and ExcelJS's), so that
 * reading past them leaves a.r and a.hidden as attrsOf would have them.
 */
const plainRowAttributes = new Set(['spans', 'ht', 'customHeight', 'customFormat', 's', 'x14ac:dyDescent', 'thickBot', 'thickTop', 'outlineLevel', 'collapsed', 'ph', 'xml:space']);

/**
 * A <row> tag whose attributes are each name="value" after one space, r first, the others hidden or of
 * plainRowAttributes: as { r, hidden } (as attrsOf would read them); null for a tag of any other shape.
 */
function rowTagInPlace(xml, at, tagEnd) {
  if (!xml.startsWith(' r="', at + 4)) return null;
  const end = digitsEnd(xml, at + 8);
  if (end === at + 8 || end > at + 15 || xml.charCodeAt(end) !== 34) return null;
  const out = { r: xml.slice(at + 8, end), hidden: undefined };
  let i = end + 1;
  while (xml.charCodeAt(i) === 32) {
    const eq = xml.indexOf('="', i);
    if (eq < 0 || eq > tagEnd) return null;
    const close = xml.indexOf('"', eq + 2);
    if (close < 0 || close > tagEnd) return null;
    const name = xml.slice(i + 1, eq);
    if (name === 'hidden') out.hidden = xml.slice(eq + 2, close);
    else if (!plainRowAttributes.has(name)) return null;
    i = close + 1;
  }
  if (xml.charCodeAt(i) === 47) i++;
  return i === tagEnd ? out : null;
}

/** A shared string's index: as parseInt(unescapeXml(v), 10), digits read directly (the usual case). */
function plainIndex(v) {
  if (v.length === 0 || v.length > 9) return parseInt(unescapeXml(v), 10);
  let i = 0;
  for (let k = 0; k < v.length; k++) {
    const ch = v.charCodeAt(k);
    if (ch < 48 || ch > 57) return parseInt(unescapeXml(v), 10);
    i = i * 10 + ch - 48;
  }
  return i;
}

/** Where the </row> of the row whose tag ends at tagEnd is (before "to", or it bails). */
function rowEnd(xml, tagEnd, to) {
  const close = xml.indexOf('</row>', tagEnd);
  if (close < 0 || close >= to) bail('unclosed row');
  return close;
}

/**
 * The cells of one row, from just after its tag, into data; returns where its </row> is. Cells of the usual
 * shape are read in one pass, each up to the first < past its value (no </row> or </c> looked for ahead);
 * from the first other thing on, the row's </row> is found and the rest read within it by readRowWithin.
 */
function readRow(xml, from, r, data, guess, ctx) {
  let p = from;
  let col = -1;
  for (;;) {
    const q = xml.indexOf('<', p);
    if (q < 0) bail('unclosed row');
    if (q !== p && xml.slice(p, q).trim() !== '') bail('row content');
    if (xml.startsWith('</row>', q)) return q;
    if (!cellTagInPlace(xml, q)) break;
    const v = plainContent(xml);
    if (v === null) break;
    if (plainTag.r - 1 !== r) bail('cell outside its row');
    col = plainTag.c;
    placeCell(typedCell(plainTag.t, plainTag.s, v, '', ctx), r, col, data, guess);
    p = plainTag.next;
  }
  const to = rowEnd(xml, p - 1, Infinity);
  readRowWithin(xml, p, to, r, col, data, guess, ctx);
  return to;
}

/**
 * The content of the plain cell whose tag was just read, when none, <v>text</v> or <v xml:space="preserve">
 * text</v>, text without markup: the text (undefined for none or empty), the cell's end in plainTag.next.
 * Null for content of any other shape.
 */
function plainContent(xml) {
  const e = plainTag.end;
  if (plainTag.selfClosing) { plainTag.next = e + 1; return undefined; }
  if (xml.startsWith('</c>', e + 1)) { plainTag.next = e + 5; return undefined; }
  let start;
  if (xml.startsWith('<v>', e + 1)) start = e + 4;
  else if (xml.startsWith('<v xml:space="preserve">', e + 1)) start = e + 25;
  else return null;
  const end = xml.indexOf('<', start);
  if (end < 0 || !xml.startsWith('</v></c>', end)) return null;
  plainTag.next = end + 8;
  return end === start ? undefined : xml.slice(start, end);
}
`;
