/**
 * The package side of the verifier's fast reader (verify-fast-read.ts): the zip's entries, the parts of a plain
 * .xlsx (workbook, its sheets, shared strings) and XML text as SheetJS 0.20 reads it. Anything out of the usual
 * shape throws FastBail, and SheetJS reads the file instead — with its own errors for damaged or hostile files.
 *
 * Parts are kept as bytes plus a latin1 view of them: one character per byte, so markup is searched in a cheap
 * one-byte string and the text between tags is decoded from the bytes (UTF-8) only where it is needed. SheetJS
 * itself reads parts as such binary strings and decodes text the same way.
 */
import { isUtf8 } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { localHeaderSizes, readZipDirectory, type ZipEntry } from '../import/zip';

export class FastBail extends Error {}

export function bail(why: string): never {
  throw new FastBail(why);
}

/** Declared sizes together stay under this; past it SheetJS and its own limits decide. */
const maxInflated = 512 * 1024 * 1024;

export interface Part {
  bytes: Buffer;
  /** The same bytes as a one-byte string: offsets in it are byte offsets. */
  latin1: string;
}

export interface Package {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  inflated: number;
}

export function openPackage(bytes: Uint8Array): Package {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) bail(directory.reason);
  const entries = new Map<string, ZipEntry>();
  const lower = new Set<string>();
  let declared = 0;
  for (const entry of directory.entries) {
    if ((entry.flags & 0x41) !== 0 || (entry.method !== 0 && entry.method !== 8)) bail('encrypted or unusual compression');
    const key = entry.name.toLowerCase();
    if (entry.name.includes('\\') || lower.has(key)) bail('entry names');
    entries.set(entry.name, entry);
    lower.add(key);
    declared += entry.uncompressedSize;
  }
  // Parts are inflated only when read, each capped at its declared size; a book declaring more than this in all
  // goes to SheetJS, which inflates everything and refuses what grows too large.
  if (declared > maxInflated) bail('declares too much');
  return { bytes, entries, inflated: 0 };
}

/** A part's bytes and latin1 view, or null when the zip has none of that name; UTF-8 only. */
export function readPart(pkg: Package, name: string): Part | null {
  const entry = pkg.entries.get(name);
  if (!entry) return null;
  const local = localHeaderSizes(pkg.bytes, entry);
  if (!local || (local.compressed !== 0 && local.compressed !== entry.compressedSize) || (local.uncompressed !== 0 && local.uncompressed !== entry.uncompressedSize)) {
    bail('local header disagrees');
  }
  pkg.inflated += entry.uncompressedSize;
  if (pkg.inflated > maxInflated) bail('too large for the fast reader');
  const data = pkg.bytes.subarray(local.dataOffset, local.dataOffset + entry.compressedSize);
  if (data.length !== entry.compressedSize) bail('entry past the end');
  // One output chunk of the declared size: no copying of 16 KB pieces together afterwards.
  const size = Math.max(64, entry.uncompressedSize);
  let out: Buffer;
  try {
    out = entry.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: size, chunkSize: size });
  } catch (error) {
    return bail(`inflating: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (out.length !== entry.uncompressedSize) bail('entry size');
  if (!isUtf8(out)) bail('not UTF-8');
  const latin1 = out.toString('latin1');
  if (/^\s*<\?xml[^>]*encoding\s*=\s*["'](?!utf-?8["'])/i.test(latin1.slice(0, 200))) bail('encoding');
  if (latin1.includes('<!')) bail('CDATA, comment or DTD');
  // A byte-order mark becomes blanks, so that offsets stay byte offsets.
  return { bytes: out, latin1: latin1.startsWith('\xef\xbb\xbf') ? '   ' + latin1.slice(3) : latin1 };
}

/** A part's text decoded (for the small parts: content types, workbook, rels). */
export const partText = (part: Part | null): string | null => (part ? part.bytes.toString('utf8').replace(/^\ufeff/, '') : null);

/**
 * A tag's attributes keyed as SheetJS keys them: without a namespace prefix and cut at an underscore, under
 * their own spelling and in lower case. Values stay raw (escaped).
 */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s([^"'\s?>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) {
    let key = m[1]!;
    const colon = key.indexOf(':');
    if (colon >= 0) key = (colon === 5 && key.startsWith('xmlns') ? 'xmlns' : '') + key.slice(colon + 1);
    else if (key.indexOf('_') > 0) key = key.slice(0, key.indexOf('_'));
    const value = m[2] ?? m[3]!;
    out[key] = value;
    out[key.toLowerCase()] = value;
  }
  if (/=\s*[^\s"']/.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'))) bail('unquoted attribute');
  return out;
}

const namedEntities: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

/** Entities, then _xHHHH_ escapes, as SheetJS's unescapexml does (quirks included: &#X41; is decimal 41). */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x') && !text.includes('_X')) return text;
  return text
    .replace(/&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi, (all, code: string | undefined) =>
      namedEntities[all] ?? (String.fromCharCode(parseInt(code ?? '', all.includes('x') ? 16 : 10)) || all))
    .replace(/_x([\da-fA-F]{4})_/gi, (_all, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** xsd:boolean as SheetJS reads it: anything but 1 or true is false. */
export const xmlBool = (value: string | undefined) => value === '1' || value === 'true';

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const worksheetType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const workbookType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const sstType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

export interface BookParts {
  /** Sheets in order: name and part path. */
  sheets: { name: string; path: string }[];
  sst: string | null;
}

/** The content types' workbook and shared strings: exactly the plain .xlsx kind, else SheetJS reads it. */
function contentTypes(text: string | null): { sst: string | null } {
  if (text === null || !/<Types\s[^>]*xmlns="http:\/\/schemas\.openxmlformats\.org\/package\/2006\/content-types"/.test(text)) bail('content types');
  const workbooks: string[] = [];
  const ssts: string[] = [];
  for (const m of text.matchAll(/<Override\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const type = a.ContentType ?? '';
    const part = (a.PartName ?? '').replace(/^\//, '');
    if (type === workbookType) workbooks.push(part);
    else if (/\.main\+xml$|sheet\.binary|^application\/vnd\.ms-excel\.(?:sharedStrings|styles)$/.test(type)) bail('another workbook type');
    if (type === sstType) ssts.push(part);
  }
  if (workbooks.length !== 1 || workbooks[0] !== 'xl/workbook.xml' || ssts.length > 1) bail('workbook parts');
  return { sst: ssts[0] ?? null };
}

/** workbook.xml and its rels → the sheets by name, each with its worksheet part. */
export function bookParts(pkg: Package): BookParts {
  const { sst } = contentTypes(partText(readPart(pkg, '[Content_Types].xml')));
  const workbook = partText(readPart(pkg, 'xl/workbook.xml'));
  if (workbook === null || /<\/?\w+:(?:workbook|sheets?)\b/.test(workbook)) bail('workbook part');
  const root = /<workbook\b[^>]*>/.exec(workbook);
  if (!root || attrsOf(root[0]).xmlns !== mainNs) bail('workbook namespace');
  const rels = new Map<string, { type: string; target: string; external: boolean }>();
  for (const m of (partText(readPart(pkg, 'xl/_rels/workbook.xml.rels')) ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    rels.set(a.Id ?? '', { type: a.Type ?? '', target: unescapeXml(a.Target ?? ''), external: a.TargetMode === 'External' });
  }
  const sheets: BookParts['sheets'] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const rel = rels.get(a.id ?? '');
    if (a.name === undefined || !rel || rel.external || rel.type !== worksheetType || /[^\x20-\x7e]/.test(rel.target)) bail('sheet relationship');
    const path = 'xl/' + rel.target.replace(/[/]?xl\//, '');
    if (!pkg.entries.has(path) || path.includes('..')) bail('sheet part');
    const sheetRels = partText(readPart(pkg, path.replace(/^(.*)\/([^/]*)$/, '$1/_rels/$2.rels')));
    if (sheetRels !== null && /comments|threadedComment/i.test(sheetRels)) bail('comments');
    sheets.push({ name: unescapeXml(a.name), path });
  }
  if (sheets.length === 0 || new Set(sheets.map((s) => s.name.toLowerCase())).size !== sheets.length) bail('sheet names');
  if (sst !== null && !pkg.entries.has(sst)) bail('shared strings part missing');
  return { sheets, sst };
}
