/**
 * The fast .xlsx reader's text helpers, as plain JavaScript for the parsing worker (see worker-source.ts for
 * why a string): XML attributes and escapes, shared-string items, and number formats sorted into the few
 * kinds the grid cares about. Each reproduces what SheetJS 0.20 makes of the same text; whatever falls outside
 * what is reproduced exactly throws a bail-out, and SheetJS reads the file instead.
 */
export const xlsxFastTextSource = String.raw`
/** Thrown for anything the fast reader does not reproduce exactly: the worker then reads with SheetJS. */
function bail(why) {
  const error = new Error(why);
  error.fastBail = true;
  throw error;
}

/**
 * A tag's attributes, keyed as SheetJS keys them: the name without its namespace prefix and cut at an
 * underscore, under both its own spelling and in lower case (the last one written wins). Values stay raw.
 */
function attrsOf(tag) {
  const out = {};
  const re = /\s([^"'\s?>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m;
  while ((m = re.exec(tag)) !== null) {
    let key = m[1];
    const colon = key.indexOf(':');
    if (colon >= 0) key = (colon === 5 && key.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + key.slice(colon + 1);
    else if (key.indexOf('_') > 0) key = key.slice(0, key.indexOf('_'));
    const value = m[2] !== undefined ? m[2] : m[3];
    out[key] = value;
    out[key.toLowerCase()] = value;
  }
  // An unquoted value is read differently by SheetJS's attribute pattern: not reproduced.
  if (/=\s*[^\s"']/.test(tag) && /=\s*[^\s"']/.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'))) bail('unquoted attribute');
  return out;
}

const namedEntities = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

/** Entities, then _xHHHH_ escapes, as SheetJS's unescapexml does (quirks included: &#X41; is decimal 41). */
function unescapeXml(text) {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0 && text.indexOf('_X') < 0) return text;
  if (text.indexOf('<![CDATA[') >= 0) bail('CDATA');
  return text
    .replace(/&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi, (all, code) =>
      namedEntities[all] || String.fromCharCode(parseInt(code, all.indexOf('x') > -1 ? 16 : 10)) || all)
    .replace(/_x([\da-fA-F]{4})_/gi, (all, code) => String.fromCharCode(parseInt(code, 16)));
}

/** Cell text: unescaped, with CR LF made LF (SheetJS's xlsx mode). */
function unescapeCellText(text) {
  const out = unescapeXml(text);
  return out.indexOf('\r\n') >= 0 ? out.replace(/\r\n/g, '\n') : out;
}

/** xsd:boolean as SheetJS reads it: anything but 1 or true is false. */
function xmlBool(value) {
  return value === '1' || value === 'true';
}

/**
 * The text of one shared-string item (<si> content) or inline string (<is> content). Plain text: everything
 * up to the first </t>. Rich text: the <t> of every run, phonetic (<rPh>) runs left out. Neither: undefined.
 */
function itemText(x) {
  if (x === '') return '';
  if (/^\s*<t/.test(x)) {
    if (!/^\s*<t[\s>\/]/.test(x)) bail('element named like t');
    const start = x.indexOf('>') + 1;
    const end = x.indexOf('</t>', start);
    const text = end < 0 ? x.slice(start) : x.slice(start, end);
    if (text.indexOf('<') >= 0) bail('markup inside a plain string');
    return unescapeCellText(text);
  }
  if (!/<r\b[^<>]*>/.test(x)) return undefined;
  const noPhonetic = withoutPhonetic(x);
  let joined = '';
  const re = /<t\b[^<>]*>([^<]*)<\/t>/g;
  let m;
  while ((m = re.exec(noPhonetic)) !== null) joined += m[1];
  return unescapeCellText(joined);
}

/** The item without its <rPh> elements. */
function withoutPhonetic(x) {
  if (x.indexOf('<rPh') < 0) return x;
  let out = '';
  let at = 0;
  const open = /<rPh\b[^<>]*>/g;
  let m;
  while ((m = open.exec(x)) !== null) {
    const close = x.indexOf('</rPh>', open.lastIndex);
    if (close < 0) bail('unclosed rPh');
    out += x.slice(at, m.index);
    at = close + 6;
    open.lastIndex = at;
  }
  return out + x.slice(at);
}

/**
 * Whether xml has an element <p:name or </p:name, p any prefix, name matching the sticky pattern names (any
 * name when null): as /<\/?\w+:(?:names)\b/ finds, but from each ":" (rare in a part) looked back from, rather than
 * by a pattern tried at each of a sheet's millions of "<".
 */
function hasPrefixedElement(xml, names) {
  for (let j = xml.indexOf(':'); j >= 0; j = xml.indexOf(':', j + 1)) {
    let k = j - 1;
    while (k >= 0 && isWordChar(xml.charCodeAt(k))) k--;
    if (k === j - 1 || k < 0) continue;
    const open = xml.charCodeAt(k) === 60 || (xml.charCodeAt(k) === 47 && k > 0 && xml.charCodeAt(k - 1) === 60);
    if (!open) continue;
    if (names === null) return true;
    names.lastIndex = j + 1;
    if (names.test(xml)) return true;
  }
  return false;
}

/** \w without the u flag: ASCII letters, digits and _. */
function isWordChar(ch) {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}

/** Whether xml has <![CDATA[ or (with comments) <!--: looked for from each "!", rare where "<" is everywhere. */
function hasCdataOrComment(xml, comments) {
  for (let j = xml.indexOf('!'); j >= 0; j = xml.indexOf('!', j + 1)) {
    if (j === 0 || xml.charCodeAt(j - 1) !== 60) continue;
    if (xml.startsWith('[CDATA[', j + 1) || (comments && xml.startsWith('--', j + 1))) return true;
  }
  return false;
}

/** sharedStrings.xml → the strings by index. */
function sharedStrings(xml) {
  if (hasPrefixedElement(xml, null)) bail('prefixed shared strings');
  if (hasCdataOrComment(xml, true)) bail('CDATA or comment in shared strings');
  const open = /<sst\b[^<>]*>/.exec(xml);
  if (!open) return [];
  const end = xml.indexOf('</sst>', open.index);
  if (end < 0) return [];
  const body = xml.slice(open.index + open[0].length, end);
  if (/<(?:si|sstItem)\b[^>]*\/>|<si\s|<sstItem/.test(body)) bail('unusual shared string item');
  const pieces = body.split('</si>');
  const out = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i].trim();
    if (i === pieces.length - 1 && piece === '') break;
    if (piece.slice(0, 4) !== '<si>' || piece.indexOf('<si>', 4) >= 0) bail('shared string item out of shape');
    out.push(itemText(piece.slice(4).trim()));
  }
  return out;
}

/**
 * What a number format does to a number in the grid: 'date' (SheetJS's fmt_is_date: the cell becomes a date),
 * 'percent' (its text ends in %, so valueOf makes "60%") or 'number'. A format whose effect is not certain
 * throws a bail-out.
 */
function formatKind(fmt) {
  if (fmt === 'General' || /^[#0,.]*E[+-][0#]+$/.test(fmt)) return 'number';
  let date = false;
  let unsure = false;
  for (let i = 0; i < fmt.length;) {
    const c = fmt.charAt(i);
    if (c === '"') {
      const close = fmt.indexOf('"', i + 1);
      i = close < 0 ? fmt.length : close + 1;
    } else if (c === '\\' || c === '_') {
      i += 2;
    } else if (c === '*') {
      i += fmt.charAt(i + 1) === ' ' || fmt.charAt(i + 1) === '*' ? 2 : 1;
    } else if (c === '[') {
      const close = fmt.indexOf(']', i);
      if (close < 0) i = fmt.length;
      else {
        if (/^[HhMmSs]*$/.test(fmt.slice(i + 1, close))) date = true;
        i = close + 1;
      }
    } else if (c === 'G' && fmt.substr(i, 7).toLowerCase() === 'general') {
      i += 7;
    } else if (/[BbMDYHSmdyhsg]/.test(c)) {
      date = true;
      i++;
    } else if (/^(?:am\/pm|a\/p)/i.test(fmt.slice(i, i + 5)) || fmt.substr(i, 5) === '上午/下午') {
      date = true;
      i += fmt.charAt(i + 1) === '/' ? 3 : 5;
    } else {
      if (/[A-Za-z\u0E00-\u0E7F]/.test(c)) unsure = true;
      i++;
    }
  }
  const percent = fmt.indexOf('%') >= 0;
  if (date) {
    if (percent) bail('date format with %');
    return 'date';
  }
  if (unsure) bail('number format with letters: ' + fmt);
  if (percent) {
    if (/^[#0,.]*%$/.test(fmt)) return 'percent';
    bail('percent format of another shape: ' + fmt);
  }
  return 'number';
}

/**
 * The formats SheetJS knows without a workbook declaring them (its table and its implicit East Asian and
 * locale ids), by kind. Ids it does not know read as General.
 */
function builtinKind(id) {
  if (id === 9 || id === 10 || id === 67 || id === 68) return 'percent';
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81)) return 'date';
  return 'number';
}

/** styles.xml → for each cellXfs index, the kind of its number format (null when the book has no cellXfs). */
function cellFormatKinds(xml) {
  if (/<\/?\w+:(?:numFmt|cellXfs|xf)\b/.test(xml) || xml.indexOf('<!--') >= 0 || xml.indexOf('<!DOCTYPE') >= 0) bail('styles out of shape');
  const custom = {};
  const numFmts = /<numFmts\b[^<>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  if (numFmts) {
    const re = /<numFmt\b[^>]*>/g;
    let m;
    while ((m = re.exec(numFmts[1])) !== null) {
      const a = attrsOf(m[0]);
      if (!/^\d+$/.test(a.numFmtId || '') || +a.numFmtId > 392 || +a.numFmtId === 0 || a.formatCode === undefined) bail('numFmt id');
      custom[+a.numFmtId] = unescapeXml(a.formatCode);
    }
  }
  const xfs = /<cellXfs\b[^<>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) {
    if (/<cellXfs\b/.test(xml)) bail('cellXfs out of shape');
    return null;
  }
  const kinds = [];
  const re = /<xf\b[^>]*>/g;
  let m;
  while ((m = re.exec(xfs[1])) !== null) {
    const a = attrsOf(m[0]);
    const raw = a.numFmtId;
    if (raw === undefined) { kinds.push('number'); continue; }
    if (!/^\d+$/.test(raw) || +raw > 392) bail('xf numFmtId');
    const id = +raw;
    // Decided when a number uses it, so that an odd format nobody uses costs no bail-out.
    kinds.push(custom[id] !== undefined ? { fmt: custom[id] } : builtinKind(id));
  }
  return kinds;
}
`;
