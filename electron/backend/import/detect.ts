/**
 * The real format of a file, from its bytes (never its extension), with the refusals that need no parser:
 * encryption, files that are neither tables nor documents, truncation, and decompression bombs (from the zip's declared sizes, before
 * anything is inflated).
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { cfbEntryNames, isCfb } from './cfb';
import { decodeHead, looksBinary, sniffEncoding, type TextEncodingName } from './decode';
import { importErrors } from './errors';
import { formatBytes, type ImportLimits } from './limits';
import { entryKey, localHeaderSizes, readZipDirectory, type ZipEntry } from './zip';

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'html' | 'et' | 'xlsb' | DocumentFormat;
/** Word documents and plain text (pasted, or a .txt): understood as documents, not sheets. */
export type DocumentFormat = 'docx' | 'doc' | 'text';

export function isDocumentFormat(format: WorkbookFormat): format is DocumentFormat {
  return format === 'docx' || format === 'doc' || format === 'text';
}

/**
 * What the parser is given: always the file's bytes; for a text file also how to decode them (the worker
 * decodes, so the backend never holds the whole text).
 */
export type ParseInput =
  | { format: WorkbookFormat; kind: 'binary' }
  | { format: WorkbookFormat; kind: 'text'; encoding: TextEncodingName; bomLength: number };

/** Largest ratio of inflated to compressed size deflate can produce is about 1032:1; beyond it the sizes lie. */
const impossibleRatio = 1100;
/** An entry this large and this compressed is a bomb, not a table (real sheet XML stays far below). */
const bombRatio = 400;
const bombMinBytes = 16 * 1024 * 1024;
/** The parts of an xlsx/xlsb that are sheets: counted before parsing (ImportLimits.maxSheets says why). */
const sheetPart = /^xl\/(?:worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.(?:xml|bin)$/;

const magic: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: ' PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: ' JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: ' GIF 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: ' PDF 文件' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: ' RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: ' 7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: ' gzip 压缩包' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: '程序文件' },
  { bytes: [0x4d, 0x5a], what: '程序文件' },
  { bytes: [0x42, 0x5a, 0x68], what: ' bzip2 压缩包' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: ' TIFF 图片' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: '音视频或图片文件' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return (m?.[1] ?? '').toLowerCase();
}

/** BIFF2–BIFF5 workbooks saved as a bare stream, not inside a compound file: a BOF record first. */
function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09) return false;
  const version = bytes[1];
  const length = (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8);
  return (version === 0x00 || version === 0x02 || version === 0x04 || version === 0x08) && length >= 4 && length <= 20;
}

export async function detectFormat(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ParseInput> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { format: await inspectZip(bytes, fileName, limits), kind: 'binary' };
  }
  if (isCfb(bytes)) return { format: inspectCfb(bytes, fileName), kind: 'binary' };
  if (isBareBiff(bytes)) return { format: 'xls', kind: 'binary' };
  const known = magic.find((m) => startsWith(bytes, m.bytes));
  if (known) throw importErrors.notSpreadsheet(fileName, known.what);
  if (startsWith(bytes, [0x50, 0x4b])) throw importErrors.corrupt(fileName, '压缩包的文件头已损坏');

  return detectText(bytes, fileName, limits);
}

/** Bytes read as text decoded for sniffing, at most this much of them: the worker decodes the whole file. */
const sniffBytes = 1024 * 1024;

function detectText(bytes: Uint8Array, fileName: string, limits: ImportLimits): ParseInput {
  const encoding = sniffEncoding(bytes);
  const head = decodeHead(bytes, encoding, sniffBytes);
  const whole = bytes.byteLength - encoding.bomLength <= sniffBytes;
  if (looksBinary(head)) throw importErrors.notSpreadsheet(fileName, '其他二进制文件');
  const text = (format: WorkbookFormat): ParseInput => {
    const limit = format === 'csv' ? limits.maxTextBytes : Math.floor(limits.maxTextBytes / 2);
    if (bytes.byteLength > limit) throw importErrors.tooLarge(fileName, `是 ${formatBytes(bytes.byteLength)} 的文本表格，大于 ${formatBytes(limit)}`);
    return { format, kind: 'text', ...encoding };
  };
  if (head.slice(0, 4096).trimStart().startsWith('<')) {
    const lower = head.slice(0, 65_536).toLowerCase();
    if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet') && lower.includes('<workbook')) return text('xls');
    if (lower.includes('office:document') && lower.includes('office:spreadsheet')) return text('ods');
    const table = /<table[\s>]/i;
    // Past the sniffed head only for a page whose table starts late: rare enough to decode it whole once.
    if (table.test(head) || (!whole && table.test(decodeHead(bytes, encoding, bytes.byteLength)))) return text('html');
    throw importErrors.notSpreadsheet(fileName, '不含表格的网页或 XML 文件');
  }
  if (whole && head.trim() === '') throw importErrors.emptySheets(fileName);
  if (!looksLikeProse(head)) return text('csv');
  if (bytes.byteLength > limits.maxDocumentTextBytes) throw importErrors.documentTooLarge(fileName, bytes.byteLength, limits.maxDocumentTextBytes);
  return text('text');
}

/**
 * Text that is no CSV: none of its first lines has two separators. A CSV's header (and its title row, which
 * Excel pads with commas) has them; a document's title and paragraphs, written with full-width ，, do not.
 */
function looksLikeProse(text: string): boolean {
  const lines = text.slice(0, 65_536).split(/\r\n?|\n/).filter((l) => l.trim() !== '').slice(0, 5);
  return lines.length > 0 && lines.every((l) => (l.match(/[,\t;]/g)?.length ?? 0) < 2);
}

function inspectCfb(bytes: Uint8Array, fileName: string): WorkbookFormat {
  const names = cfbEntryNames(bytes);
  if (names === null) throw importErrors.corrupt(fileName, '复合文档的目录无法读取，文件可能被截断');
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('encryptedpackage') || lower.includes('encryptioninfo')) throw importErrors.encrypted(fileName);
  if (!lower.some((n) => n === 'workbook' || n === 'book')) {
    if (lower.includes('worddocument')) return 'doc';
    const what = lower.includes('powerpoint document') ? ' PowerPoint 演示文稿' : '其他 Office 文档';
    throw importErrors.notSpreadsheet(fileName, what);
  }
  const ext = extensionOf(fileName);
  return ext === 'et' || ext === 'ett' ? 'et' : 'xls';
}

async function inspectZip(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<WorkbookFormat> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw importErrors.corrupt(fileName, dir.reason);
  const keys = new Map(dir.entries.map((e) => [entryKey(e.name), e] as const));
  let format: WorkbookFormat | null = null;
  if ([...keys.keys()].some((k) => /^xl\/[^/]*workbook[^/]*\.bin$/.test(k))) format = 'xlsb';
  else if ([...keys.keys()].some((k) => /^xl\/[^/]*workbook[^/]*\.xml$/.test(k) || k === 'xl/_rels/workbook.xml.rels')) format = 'xlsx';
  else if (keys.has('content.xml') || isOdsMimetype(bytes, keys.get('mimetype'))) format = 'ods';
  else if (keys.has('word/document.xml')) format = 'docx';
  if (format === null) {
    const all = [...keys.keys()];
    const what = all.some((k) => k.startsWith('word/')) ? ' Word 文档（但缺少正文 word/document.xml）' : all.some((k) => k.startsWith('ppt/')) ? ' PowerPoint 演示文稿' : '一个普通的压缩包';
    throw importErrors.notSpreadsheet(fileName, what);
  }
  if (dir.entries.some((e) => (e.flags & 0x41) !== 0)) throw importErrors.encrypted(fileName);
  const sheetParts = [...keys.keys()].filter((k) => sheetPart.test(k)).length;
  if (sheetParts > limits.maxSheets) throw importErrors.tooManySheets(fileName, sheetParts, limits.maxSheets);
  if (format === 'ods') {
    const manifest = keys.get('meta-inf/manifest.xml');
    if (manifest && readSmallEntry(bytes, manifest)?.includes('encryption-data')) throw importErrors.encrypted(fileName);
  }
  await checkSizes(bytes, dir.entries, fileName, limits);
  return format;
}

function isOdsMimetype(bytes: Uint8Array, entry: ZipEntry | undefined): boolean {
  if (!entry) return false;
  return readSmallEntry(bytes, entry)?.startsWith('application/vnd.oasis.opendocument.spreadsheet') ?? false;
}

/** A small entry's text (manifest, mimetype), inflated with a hard cap; null when unreadable. */
function readSmallEntry(bytes: Uint8Array, entry: ZipEntry): string | null {
  const local = localHeaderSizes(bytes, entry);
  if (!local || entry.compressedSize > 1 << 20) return null;
  const data = bytes.subarray(local.dataOffset, local.dataOffset + entry.compressedSize);
  try {
    if (entry.method === 0) return new TextDecoder().decode(data);
    if (entry.method === 8) return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: 1 << 20 }));
  } catch {
    return null;
  }
  return null;
}

async function checkSizes(bytes: Uint8Array, entries: ZipEntry[], fileName: string, limits: ImportLimits): Promise<void> {
  let total = 0;
  const unsized: ZipEntry[] = [];
  for (const entry of entries) {
    const local = localHeaderSizes(bytes, entry);
    const declared = Math.max(entry.uncompressedSize, local?.uncompressed ?? 0);
    const compressed = Math.max(entry.compressedSize, 1);
    total += declared;
    if (declared / compressed > impossibleRatio && declared > 1 << 20) {
      throw importErrors.tooLarge(fileName, `中“${entry.name}”声明的解压大小（${formatBytes(declared)}）是压缩大小的 ${Math.round(declared / compressed)} 倍，不可能是正常文件，疑似“压缩炸弹”`);
    }
    if (declared > bombMinBytes && declared / compressed > bombRatio) {
      throw importErrors.tooLarge(fileName, `中“${entry.name}”的压缩比异常（${Math.round(declared / compressed)} 倍，解压后 ${formatBytes(declared)}），疑似“压缩炸弹”`);
    }
    // Sizes only in a trailing data descriptor: the parser would grow its buffer without bound. Measured below.
    if (entry.method === 8 && local && local.uncompressed === 0 && entry.compressedSize > 0) unsized.push(entry);
  }
  if (total > limits.maxUncompressedBytes) {
    throw importErrors.tooLarge(fileName, `解压后有 ${formatBytes(total)}，大于 ${formatBytes(limits.maxUncompressedBytes)}`);
  }
  let budget = limits.maxUncompressedBytes - total;
  for (const entry of unsized) {
    const local = localHeaderSizes(bytes, entry);
    if (!local) continue;
    const data = bytes.subarray(local.dataOffset, Math.min(bytes.length, local.dataOffset + entry.compressedSize));
    const size = await inflatedSize(data, budget + 1);
    if (size > budget) {
      throw importErrors.tooLarge(fileName, `中“${entry.name}”解压后超过 ${formatBytes(limits.maxUncompressedBytes)}`);
    }
    budget -= size;
  }
}

/** Inflated size of raw deflate data, counted as it streams (nothing kept); stops once past `cap`. */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        finish();
      }
    });
    inflate.on('end', finish);
    inflate.on('close', finish);
    inflate.on('error', finish);
    inflate.end(data);
  });
}
