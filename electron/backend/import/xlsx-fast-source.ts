/**
 * The fast reader for plain .xlsx/.xlsm, as plain JavaScript for the parsing worker (see worker-source.ts for
 * why a string). It unzips the parts it needs with node:zlib from the zip's central directory and builds the
 * same workbook shape SheetJS builds for the worker (names, hidden flags, dense cells, ranges, merges), so
 * that the worker's own sheetList/chooseGrids/gridOf turn it into the same grids. It also sees hidden rows and
 * columns directly. Any part or construct it does not reproduce exactly bails out, and SheetJS reads the file.
 *
 * The zip's sizes and ratios were checked before the worker started (detect.ts); inflating is capped at the
 * sizes the central directory declares.
 */
import { xlsxFastCellSource } from './xlsx-fast-cell-source';
import { xlsxFastSheetSource } from './xlsx-fast-sheet-source';
import { xlsxFastTextSource } from './xlsx-fast-text-source';

const packageSource = String.raw`
const zlib = require('node:zlib');
const nodeBuffer = require('node:buffer');

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const workbookTypes = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
];
const sstType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const stylesType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

function u16(b, i) { return b[i] | (b[i + 1] << 8); }
function u32(b, i) { return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000; }

/** The zip's entries by name, from its central directory (no ZIP64, no encryption: those go to SheetJS). */
function zipEntries(bytes) {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0) bail('no end of central directory');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (count === 0xffff || p === 0xffffffff || u16(bytes, eocd + 4) !== 0) bail('zip64 or multi-disk');
  const entries = new Map();
  const names = new Set();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) bail('central directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const nameLength = u16(bytes, p + 28);
    const name = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const entry = { name, flags, method, compressed: u32(bytes, p + 20), size: u32(bytes, p + 24), offset: u32(bytes, p + 42) };
    if ((flags & 0x41) !== 0 || (method !== 0 && method !== 8)) bail('encrypted or unusual compression');
    if (name.indexOf('\\') >= 0 || entries.has(name) || names.has(name.toLowerCase())) bail('entry names');
    entries.set(name, entry);
    names.add(name.toLowerCase());
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** One entry's bytes, inflated to exactly the size the directory declares. */
function entryBytes(bytes, entry) {
  const p = entry.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) bail('local header');
  const localName = bytes.subarray(p + 30, p + 30 + u16(bytes, p + 26));
  if (Buffer.compare(Buffer.from(localName), Buffer.from(entry.name, 'utf8')) !== 0) bail('local name');
  // SheetJS goes by the local header: where it disagrees with the directory, it is SheetJS's reading that counts.
  const localCompressed = u32(bytes, p + 18);
  const localSize = u32(bytes, p + 22);
  if (u16(bytes, p + 8) !== entry.method || (localCompressed !== 0 && localCompressed !== entry.compressed) || (localSize !== 0 && localSize !== entry.size)) bail('local header disagrees');
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (data.length !== entry.compressed) bail('entry past the end');
  const out = entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  if (out.length !== entry.size) bail('entry size');
  return out;
}

/** Parts up to this size are decoded by transcoding (utf8Text): its UTF-16 copy, outside the heap, stays small. */
const transcodedBytes = 32 * 1024 * 1024;
/** Pieces of the decoded text, in UTF-16 bytes: Node makes a string of more than about 1 MB external. */
const pieceBytes = 1 << 19;

/**
 * UTF-8 bytes as text, as TextDecoder's fatal mode decodes them (a BOM dropped, invalid bytes thrown for).
 * Text beyond ASCII (a sheet of Chinese t="str" cells) is decoded by ICU's transcoding to UTF-16 after
 * validating it, about twice as fast as TextDecoder. The text is made in pieces under Node's size for external
 * strings and joined, so that it lives in the worker's heap and counts against its limit as TextDecoder's did.
 */
function utf8Text(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fast = typeof nodeBuffer.transcode === 'function' && typeof nodeBuffer.isUtf8 === 'function' && typeof nodeBuffer.isAscii === 'function';
  if (!fast || buf.length > transcodedBytes || nodeBuffer.isAscii(buf) || !nodeBuffer.isUtf8(buf)) {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const utf16 = nodeBuffer.transcode(buf.subarray(bom), 'utf8', 'utf16le');
  const pieces = [];
  for (let i = 0; i < utf16.length; i += pieceBytes) pieces.push(utf16.toString('utf16le', i, Math.min(utf16.length, i + pieceBytes)));
  return pieces.join('');
}

/** A part's text (UTF-8 only), or null when the zip has no such part. */
function partText(pkg, name) {
  const entry = pkg.entries.get(name);
  if (!entry) return null;
  const bytes = entryBytes(pkg.bytes, entry);
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) bail('UTF-16 part');
  const text = utf8Text(bytes);
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)/.exec(text);
  if (decl && !/^utf-?8$/i.test(decl[1])) bail('encoding ' + decl[1]);
  return text;
}

/** A part the content types declare: missing (or named in another case), SheetJS finds or fails on it otherwise. */
function declaredPart(pkg, name) {
  const text = partText(pkg, name);
  if (text === null) bail('declared part missing: ' + name);
  return text;
}

/** [Content_Types].xml → the workbook, shared strings and styles parts, as SheetJS finds them. */
function contentTypes(text) {
  if (text === null) bail('no content types');
  if (!/<Types\s[^>]*xmlns="http:\/\/schemas\.openxmlformats\.org\/package\/2006\/content-types"/.test(text)) bail('content types namespace');
  const found = { workbooks: [], sst: [], styles: [] };
  const re = /<Override\b[^>]*>/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const a = attrsOf(m[0]);
    const part = String(a.PartName || '').replace(/^\//, '');
    if (workbookTypes.indexOf(a.ContentType) >= 0) found.workbooks.push(part);
    else if (/\.main\+xml$|sheet\.binary/.test(a.ContentType || '')) bail('another workbook type');
    // SheetJS takes the first shared strings or styles part of either kind: a binary one is not read here.
    if (/^application\/vnd\.ms-excel\.(?:sharedStrings|styles)$/.test(a.ContentType || '')) bail('binary strings or styles');
    if (a.ContentType === sstType) found.sst.push(part);
    if (a.ContentType === stylesType) found.styles.push(part);
  }
  if (found.workbooks.length !== 1 || found.sst.length > 1 || found.styles.length > 1) bail('workbook parts');
  return { workbook: found.workbooks[0], sst: found.sst[0] || null, styles: found.styles[0] || null };
}

/** A rels part → its relationships by id. */
function relsOf(text) {
  const out = {};
  if (text === null) return out;
  const re = /<Relationship\b[^>]*>/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const a = attrsOf(m[0]);
    out[a.Id] = { type: a.Type || '', target: unescapeXml(a.Target || ''), external: a.TargetMode === 'External' };
  }
  return out;
}

/** workbook.xml → its sheets in order (name, hidden, relationship id) and whether dates count from 1904. */
function workbookInfo(text) {
  if (text === null) bail('no workbook part');
  if (/<\/?\w+:(?:workbook|sheets?)\b/.test(text) || text.indexOf('<![CDATA[') >= 0) bail('prefixed workbook');
  const root = /<workbook\b[^>]*>/.exec(text);
  if (!root || attrsOf(root[0]).xmlns !== mainNs) bail('workbook namespace');
  const sheets = [];
  const re = /<sheet\b[^>]*>/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const a = attrsOf(m[0]);
    if (typeof a.name !== 'string' || typeof a.id !== 'string') bail('sheet without name or id');
    sheets.push({ name: unescapeXml(a.name), hidden: a.state === 'hidden' || a.state === 'veryHidden', rid: a.id });
  }
  if (sheets.length === 0) bail('no sheets');
  const lower = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (lower.size !== sheets.length) bail('sheet names alike');
  // Every workbookPr counts (SheetJS reads x15:workbookPr of the extensions as well): the last date1904 wins.
  let date1904 = false;
  const prs = /<(?:\w+:)?workbookPr\b[^>]*>/g;
  while ((m = prs.exec(text)) !== null) {
    const a = attrsOf(m[0]);
    if (a.date1904 !== undefined) date1904 = xmlBool(a.date1904);
  }
  return { sheets, date1904 };
}

/** A sheet's part name from the workbook's relationship, as SheetJS resolves it; worksheets only. */
function sheetPath(pkg, rel) {
  if (!rel || rel.external || rel.type !== relNs + 'worksheet') bail('not a worksheet');
  // SheetJS unescapes a target without decoding its UTF-8: only an ASCII one names the same part.
  if (/[^\x20-\x7e]/.test(rel.target)) bail('non-ASCII sheet target');
  const path = 'xl/' + rel.target.replace(/[\/]?xl\//, '');
  if (!pkg.entries.has(path) || path.indexOf('..') >= 0) bail('sheet part');
  return path;
}

/** A sheet's own rels: comments would add cells and widen the range in SheetJS, so those go to it. */
function checkSheetRels(pkg, path) {
  const rels = relsOf(partText(pkg, path.replace(/^(.*)(\/)([^\/]*)$/, '$1/_rels/$3.rels')));
  for (const id of Object.keys(rels)) if (/comments|threadedComment/i.test(rels[id].type)) bail('comments');
}

/** The whole book as the worker's SheetJS path would have it, plus each sheet's hidden rows and columns. */
function readPackage(bytes, job) {
  const pkg = { bytes, entries: zipEntries(bytes) };
  const parts = contentTypes(partText(pkg, '[Content_Types].xml'));
  if (!/\.xml$/.test(parts.workbook)) bail('workbook part name');
  const info = workbookInfo(partText(pkg, parts.workbook));
  const wbRelsName = parts.workbook.replace(/^(.*\/)?([^\/]*)$/, (all, dir, file) => (dir || '') + '_rels/' + file + '.rels');
  if (wbRelsName !== 'xl/_rels/workbook.xml.rels') bail('workbook rels');
  const rels = relsOf(partText(pkg, wbRelsName));
  const ctx = {
    strings: parts.sst ? sharedStrings(declaredPart(pkg, parts.sst)) : null,
    kinds: parts.styles ? cellFormatKinds(declaredPart(pkg, parts.styles)) : null,
    date1904: info.date1904,
    sheetRows: job.maxRows + 1,
  };
  const wb = { SheetNames: [], Sheets: {}, Workbook: { Sheets: [] }, hidden: {} };
  for (const sheet of info.sheets) {
    const path = sheetPath(pkg, rels[sheet.rid]);
    checkSheetRels(pkg, path);
    const parsed = parseSheet(partText(pkg, path), ctx);
    wb.SheetNames.push(sheet.name);
    wb.Sheets[sheet.name] = parsed.ws;
    wb.Workbook.Sheets.push({ Hidden: sheet.hidden ? 1 : 0 });
    wb.hidden[sheet.name] = parsed.hidden;
  }
  return wb;
}

/** The fast read: { wb } or { bail: reason }. Never throws; never consumes the job's buffer. */
function readXlsxFast(job) {
  try {
    return { wb: readPackage(new Uint8Array(job.buffer), job) };
  } catch (error) {
    if (error && error.fastBail) return { bail: error.message };
    return { bail: 'error: ' + (error && error.message ? error.message : String(error)) };
  }
}
`;

export const xlsxFastSource = xlsxFastTextSource + xlsxFastCellSource + xlsxFastSheetSource + packageSource;
