import type ExcelJS from 'exceljs';

/**
 * xl/sharedStrings.xml, written as ExcelJS 4.4 writes it, faster. Nearly all its bytes are the seal's base64
 * (≈ 20 MB for a 20,000-row table), and ExcelJS scans every text twice with regular expressions (to escape it
 * and to see whether it needs xml:space), joins them all into one string holding Chinese too, so that 20 MB is
 * re-encoded from UTF-16, then copies it again into a Buffer. Base64 needs neither escaping nor xml:space, so
 * the texts the caller names as plain are copied straight into the part's bytes; every other text is escaped
 * exactly as ExcelJS escapes it. Pinned to ExcelJS's own part by test/integration/export/direct-rows.test.ts.
 */

interface WorkbookInternals {
  sharedStrings: { count: number; values: unknown[] };
  zip: { append(source: Buffer, options: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

const entities: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// What ExcelJS's xmlEncode changes: the five XML specials become entities; DEL and the C0 controls other than
// tab, line feed and carriage return, which XML 1.0 cannot hold, are dropped.
// eslint-disable-next-line no-control-regex
const escaped = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const xmlText = (text: string) => text.replace(escaped, (c) => entities[c] ?? '');
/** When ExcelJS marks a text xml:space="preserve". */
const keepsSpace = /^\s|\n|\s$/;

function textElement(text: string): string {
  return `<si><t${keepsSpace.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></si>`;
}

/** The part's bytes: runs of escaped texts and the plain texts, each encoded once into one Buffer. */
export function sharedStringsXml(values: readonly string[], count: number, plain: ReadonlySet<string>): Buffer {
  const pieces: string[] = [];
  let run = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${values.length}">`;
  for (const value of values) {
    if (!plain.has(value)) {
      run += textElement(value);
      continue;
    }
    pieces.push(`${run}<si><t>`, value);
    run = '</t></si>';
  }
  pieces.push(`${run}</sst>`);
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece, 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, 'utf8');
  return bytes;
}

/**
 * Has the workbook write its shared strings with sharedStringsXml. `plain` must hold only texts that need no
 * escaping and no xml:space, as base64 is by its alphabet: they are not checked, that is the point.
 */
export function writeSharedStringsFast(workbook: ExcelJS.stream.xlsx.WorkbookWriter, plain: ReadonlySet<string>): void {
  const book = workbook as unknown as Partial<WorkbookInternals>;
  if (typeof book.addSharedStrings !== 'function' || typeof book.zip?.append !== 'function') return;
  const exceljsPart = book.addSharedStrings.bind(book);
  book.addSharedStrings = () => {
    const { values, count } = book.sharedStrings!;
    if (!values.length || !values.every((v) => typeof v === 'string')) return exceljsPart();
    book.zip!.append(sharedStringsXml(values as string[], count, plain), { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
}
