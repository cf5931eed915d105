import type ExcelJS from 'exceljs';

/**
 * The workbook's shared strings, kept and written as ExcelJS 4.4 keeps and writes them, faster. Nearly all the
 * part's bytes are the seal's base64 (≈ 20 MB for a 20,000-row table): ExcelJS indexes each text as a property
 * name, which for 32,000-character texts means copying and interning every one; then scans every text twice
 * with regular expressions (to escape it and to see whether it needs xml:space) and joins them all into one
 * string holding Chinese too, so that 20 MB is re-encoded from UTF-16. Here the index is a Map, and texts marked
 * plain (base64 needs neither escaping nor xml:space) are copied straight into the part's bytes; every other
 * text is escaped exactly as ExcelJS escapes it. Pinned to ExcelJS's own part by test/integration/export/
 * direct-rows.test.ts.
 */

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

/** The interface of ExcelJS's SharedStrings (utils/shared-strings.js) that its writers use, for text only. */
export class SharedTexts {
  readonly values: string[] = [];
  totalRefs = 0;
  private readonly indexOf = new Map<string, number>();
  private readonly plain = new Set<number>();

  get count(): number {
    return this.values.length;
  }

  getString(index: number): string | undefined {
    return this.values[index];
  }

  /** The text's index, added at the end the first time it is seen. */
  add(text: string): number {
    if (typeof text !== 'string') throw new TypeError('Only plain text is written as a shared string');
    let index = this.indexOf.get(text);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(text);
      this.indexOf.set(text, index);
    }
    this.totalRefs++;
    return index;
  }

  /**
   * Marks texts already added as plain: they must need no escaping and no xml:space, as base64 is by its
   * alphabet. They are not checked, that is the point.
   */
  markPlain(texts: readonly string[]): void {
    for (const text of texts) {
      const index = this.indexOf.get(text);
      if (index !== undefined) this.plain.add(index);
    }
  }

  /** xl/sharedStrings.xml: runs of escaped texts and the plain texts, each encoded once into one Buffer. */
  xml(): Buffer {
    const pieces: string[] = [];
    let run = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.values.length}">`;
    for (let i = 0; i < this.values.length; i++) {
      if (!this.plain.has(i)) {
        run += textElement(this.values[i]!);
        continue;
      }
      pieces.push(`${run}<si><t>`, this.values[i]!);
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
}

interface WorkbookInternals {
  sharedStrings: unknown;
  zip: { append(source: Buffer, options: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

/** Gives a new streaming workbook SharedTexts for its shared strings; null if its insides are not as expected. */
export function useSharedTexts(workbook: ExcelJS.stream.xlsx.WorkbookWriter): SharedTexts | null {
  const book = workbook as unknown as Partial<WorkbookInternals>;
  const fresh = (book.sharedStrings as { count?: unknown } | undefined)?.count === 0;
  if (!fresh || typeof book.addSharedStrings !== 'function' || typeof book.zip?.append !== 'function') return null;
  const texts = new SharedTexts();
  book.sharedStrings = texts;
  book.addSharedStrings = () => {
    if (texts.count) book.zip!.append(texts.xml(), { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
  return texts;
}
