/**
 * Bytes → the chosen sheet as a plain grid (DESIGN §5, §7). The format comes from the bytes, never the
 * extension; limits are checked before parsing (file size, zip sizes and ratios) and during it (rows,
 * columns, heap and time, in a worker thread). Every refusal is a LedgerError with its own code and a Chinese
 * message naming the file; nothing else escapes.
 */
import { LedgerError } from '../../../shared/errors';
import type { Grid } from '../../../shared/import/grid';
import { detectFormat, isDocumentFormat, type WorkbookFormat } from './detect';
import { readDocument } from './document';
import { importErrors } from './errors';
import { resolveLimits, type ImportLimits } from './limits';
import { runParseWorker, type WorkerResult } from './worker';

export { defaultImportLimits, type ImportLimits } from './limits';
export type { WorkbookFormat } from './detect';

export interface ReadOptions {
  /** The file's name as the user chose it: for messages and for telling .et from .xls. */
  fileName: string;
  /** A sheet by name (hidden ones too); by default the first visible sheet with content. */
  sheet?: string;
  limits?: Partial<ImportLimits>;
  /**
   * The caller gives the bytes up: they are moved to the parsing worker (the array is left empty) rather than
   * copied, so a large file is held once, not twice.
   */
  handOver?: boolean;
  /** Stops the parse: its thread is ended and the read fails (a staged file set aside for another). */
  signal?: AbortSignal;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
  rows: number;
  columns: number;
}

export interface SheetGrid {
  sheet: string;
  grid: Grid;
}

export interface ReadWorkbook {
  format: WorkbookFormat;
  sheets: SheetInfo[];
  sheet: string;
  grid: Grid;
  /**
   * When no sheet was named: the next visible sheets with content after `sheet`, in order (a few, of bounded
   * size), from the same parse, so that a caller passing over an instructions sheet need not read again.
   */
  fallbacks: SheetGrid[];
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions): Promise<ReadWorkbook> {
  const fileName = displayName(options?.fileName);
  try {
    return await read(bytes, { ...options, fileName });
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    throw importErrors.corrupt(fileName, '读取时出现意外错误', error);
  }
}

function displayName(fileName: unknown): string {
  if (typeof fileName !== 'string' || fileName.trim() === '') return '所选文件';
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.length > 80 ? `${base.slice(0, 77)}…` : base;
}

async function read(bytes: Uint8Array, options: ReadOptions): Promise<ReadWorkbook> {
  const { fileName } = options;
  const limits = resolveLimits(options.limits);
  if (!(bytes instanceof Uint8Array)) throw importErrors.corrupt(fileName, '没有收到文件内容');
  if (bytes.byteLength === 0) throw importErrors.emptyFile(fileName);
  if (bytes.byteLength > limits.maxFileBytes) throw importErrors.fileTooLarge(fileName, bytes.byteLength, limits.maxFileBytes);

  const input = await detectFormat(bytes, fileName, limits);
  if (isDocumentFormat(input.format)) return readDocument(bytes, { ...input, format: input.format }, limits, fileName);
  const result = await runParseWorker(
    {
      format: input.format,
      bytes,
      handOver: options.handOver === true,
      ...(input.kind === 'text' ? { text: { encoding: input.encoding, bomLength: input.bomLength } } : {}),
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    limits,
    fileName,
  );
  if (!result.ok) throw refusal(result, fileName, options.sheet, limits);
  if ('document' in result) throw importErrors.internal('读取线程返回了文档而不是工作表');
  const [first, ...rest] = result.grids.map((g): SheetGrid => ({ sheet: g.sheet, grid: { cells: g.cells, merges: g.merges } }));
  if (!first) throw importErrors.emptySheets(fileName);
  return { format: input.format, sheets: result.sheets, sheet: first.sheet, grid: first.grid, fallbacks: rest };
}

function refusal(result: Extract<WorkerResult, { ok: false }>, fileName: string, sheet: string | undefined, limits: ImportLimits): LedgerError {
  switch (result.kind) {
    case 'encrypted':
      return importErrors.encrypted(fileName);
    case 'empty':
      return importErrors.emptySheets(fileName);
    case 'nosheet':
      return importErrors.noSheet(fileName, sheet ?? '', (result.sheets ?? []).map((s) => s.name));
    case 'rows':
      return importErrors.tooLarge(fileName, `${sheet ? `的工作表“${sheet}”` : ''}超过 ${limits.maxRows.toLocaleString('en-US')} 行`);
    case 'columns':
      return importErrors.tooLarge(fileName, `有 ${result.detail} 列，超过 ${limits.maxColumns} 列`);
    case 'sheets':
      return importErrors.tooManySheets(fileName, Number(result.detail), limits.maxSheets);
    case 'cell':
      return importErrors.tooLarge(fileName, `${result.detail ? `第 ${result.detail} 行` : ''}有一个单元格超过 32,767 个字符（电子表格单元格的上限）`);
    case 'memory':
      return importErrors.tooLarge(fileName, '读取时所需内存过多（文件过大或结构异常）');
    case 'internal':
      return importErrors.internal(result.detail);
    case 'corrupt':
    default:
      return importErrors.corrupt(fileName, describe(result.detail));
  }
}

/** SheetJS's English complaint, kept short, as a hint after the Chinese message. */
function describe(detail: string): string {
  const text = detail.replace(/\s+/g, ' ').trim();
  if (text === '') return '无法识别的文件结构';
  return `无法识别的文件结构：${text.length > 80 ? `${text.slice(0, 77)}…` : text}`;
}
