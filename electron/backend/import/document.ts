/**
 * Word documents and plain text as the importer's one sheet (DESIGN §5, Documents). A .docx or .doc is read in
 * the parse worker (the same limits, time budget and typed refusals as a workbook); what it gives back, and
 * pasted text, is understood by shared/import/document into the table the rest of the import reads.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blocksFromHtml, blocksFromText, documentGrid } from '../../../shared/import/document';
import type { Grid } from '../../../shared/import/grid';
import { decodeHead } from './decode';
import type { DocumentFormat, ParseInput } from './detect';
import { importErrors } from './errors';
import type { ImportLimits } from './limits';
import { runParseWorker, type WorkerSheetInfo } from './worker';

/** The one "sheet" a document is read as. */
export const documentSheetName = '文档';

let resolved: { mammoth: string; wordExtractor: string } | null = null;

/**
 * Where the Word readers are: `doclibs/` beside the bundle in a packaged app (build/bundle.mjs writes each as
 * one CommonJS file there), else the installed packages.
 */
export function documentLibPaths(): { mammoth: string; wordExtractor: string } {
  if (resolved) return resolved;
  const here = import.meta.url;
  try {
    const dir = path.join(path.dirname(fileURLToPath(here)), 'doclibs');
    const sibling = { mammoth: path.join(dir, 'mammoth.cjs'), wordExtractor: path.join(dir, 'word-extractor.cjs') };
    if (existsSync(sibling.mammoth) && existsSync(sibling.wordExtractor)) return (resolved = sibling);
  } catch {
    // not a file URL: fall through to resolution
  }
  try {
    const require = createRequire(here);
    return (resolved = { mammoth: require.resolve('mammoth'), wordExtractor: require.resolve('word-extractor') });
  } catch (error) {
    throw importErrors.internal('找不到 Word 文档读取组件（mammoth、word-extractor）', error);
  }
}

/** A document read as one sheet: the shape of read.ts's ReadWorkbook (not imported, so the two need not import each other). */
export interface ReadDocument {
  format: DocumentFormat;
  sheets: WorkerSheetInfo[];
  sheet: string;
  grid: Grid;
  /** A document is one sheet: there is no other to fall back on. */
  fallbacks: [];
}

export async function readDocument(bytes: Uint8Array, input: ParseInput & { format: DocumentFormat }, limits: ImportLimits, fileName: string): Promise<ReadDocument> {
  let blocks;
  // Pasted text: within the text limit detectFormat applied, so decoding it whole here is bounded.
  if (input.kind === 'text') blocks = blocksFromText(decodeHead(bytes, input, bytes.byteLength));
  else {
    const result = await runParseWorker({ format: input.format, bytes, documentLibs: documentLibPaths() }, limits, fileName);
    if (!result.ok) {
      if (result.kind === 'encrypted') throw importErrors.encrypted(fileName);
      if (result.kind === 'empty') throw importErrors.emptySheets(fileName);
      if (result.kind === 'memory') throw importErrors.tooLarge(fileName, '读取时所需内存过多（文件过大或结构异常）');
      if (result.kind === 'internal') throw importErrors.internal(result.detail);
      throw importErrors.corrupt(fileName, `Word 文档无法读取：${result.detail.replace(/\s+/g, ' ').slice(0, 80) || '结构异常'}`);
    }
    if (!('document' in result)) throw importErrors.internal('读取线程返回的不是文档');
    blocks = result.document === 'html' ? blocksFromHtml(result.content) : blocksFromText(result.content);
  }
  const { grid } = documentGrid(blocks);
  if (grid.cells.length > limits.maxRows) throw importErrors.tooLarge(fileName, `超过 ${limits.maxRows.toLocaleString('en-US')} 行`);
  if (grid.cells.length === 0) throw importErrors.emptySheets(fileName);
  const columns = Math.max(0, ...grid.cells.map((r) => r.length));
  return { format: input.format, sheets: [{ name: documentSheetName, hidden: false, rows: grid.cells.length, columns }], sheet: documentSheetName, grid, fallbacks: [] };
}
