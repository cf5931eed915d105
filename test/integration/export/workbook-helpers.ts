import { read, utils, write, type CellObject, type WorkBook } from 'xlsx';
import { sealSheetName } from '../../../electron/backend/export/seal-sheet';

export const readBook = (bytes: Uint8Array, options: { cellFormula?: boolean } = {}) => read(bytes, { type: 'array', ...options });
export const writeBook = (book: WorkBook) => new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
export const tableSheetOf = (book: WorkBook) => book.Sheets[book.SheetNames.find((n) => n !== sealSheetName)!]!;

/** The received file with one visible cell rewritten (and saved again by SheetJS, as a user's program would). */
export function withCell(bytes: Uint8Array, address: string, cell: CellObject): Uint8Array {
  const book = readBook(bytes);
  const sheet = tableSheetOf(book);
  sheet[address] = cell;
  const range = utils.decode_range(sheet['!ref']!);
  const at = utils.decode_cell(address);
  range.e.r = Math.max(range.e.r, at.r);
  range.e.c = Math.max(range.e.c, at.c);
  sheet['!ref'] = utils.encode_range(range);
  return writeBook(book);
}

export function textAt(bytes: Uint8Array, address: string): unknown {
  return tableSheetOf(readBook(bytes))[address]?.v;
}
