import type ExcelJS from 'exceljs';
import { cellValue, displayText, firstDataRow, type TableColumn } from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import { heightForLines, wrappedLines } from './row-height';
import { bodyFontPt, styles } from './table-style';

/**
 * The table's data rows, written into ExcelJS's streaming sheet. Most of an export's time went to ExcelJS
 * making a Cell, a Value and a model object for every cell and rendering each through its XML builder, only
 * to turn them straight into XML; writeRowsDirect writes that same XML itself, registering each cell's style
 * and text with the workbook exactly as ExcelJS's row writer would (same calls, same order), so the file is
 * byte for byte the one ExcelJS writes (pinned by test/integration/export/direct-rows.test.ts).
 */

export type RowWriter = (sheet: ExcelJS.Worksheet, snapshot: PeriodSnapshot, columns: TableColumn[]) => void;
type CellContent = string | number | null;

interface CellKinds {
  styleOf: Partial<ExcelJS.Style>[];
  indented: boolean[];
}

function cellKinds(columns: TableColumn[]): CellKinds {
  const styleOf = columns.map((c) => (c.kind === 'percent' ? styles.cellPercent : c.align === 'left' ? styles.cellLeft : styles.cellCenter));
  return { styleOf, indented: styleOf.map((style) => style === styles.cellLeft) };
}

/** Fills `values` with the row's cells and returns the row's height. Plain loops: this runs for every cell. */
function layRow(data: PeriodSnapshot['rows'][number], columns: TableColumn[], kinds: CellKinds, values: CellContent[]): number {
  let lines = 1;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    // Text is always written as a string cell: "=1+1" or "=HYPERLINK(…)" is shown, never evaluated.
    const value = cellValue(data, c.key);
    values[i] = value;
    const text = displayText(value, c.kind);
    if (text) lines = Math.max(lines, wrappedLines(text, c.width, bodyFontPt, kinds.indented[i]));
  }
  return heightForLines(lines, bodyFontPt);
}

/**
 * One row style object for every data row. ExcelJS gives each new row its own empty style, and on commit looks
 * up a style id for it by rendering it to XML, row after row; a shared object is looked up once (its cache is
 * by object) and gives the same id. Frozen, because cells are made from it: nothing may write into it.
 */
const noRowStyle: Partial<ExcelJS.Style> = Object.freeze({});

/** The rows through ExcelJS's own cells: the reference the direct writer is pinned to, and its fallback. */
export function writeRowsByCells(sheet: ExcelJS.Worksheet, snapshot: PeriodSnapshot, columns: TableColumn[]): void {
  const kinds = cellKinds(columns);
  const values: CellContent[] = [];
  for (let r = 0; r < snapshot.rows.length; r++) {
    const row = sheet.getRow(firstDataRow + r);
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = noRowStyle; // a field ExcelJS's types leave out
    const height = layRow(snapshot.rows[r]!, columns, kinds, values);
    for (let i = 0; i < columns.length; i++) {
      const cell = row.getCell(i + 1);
      cell.value = values[i];
      cell.style = kinds.styleOf[i]!;
    }
    row.height = height;
    // Streamed: the row is turned into XML and compressed now, and its cell objects are let go.
    row.commit();
  }
}

/** The parts of ExcelJS 4.4's streaming sheet writer the direct writer uses. */
interface SheetWriterInternals {
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  useSharedStrings: boolean;
  stream: { write(xml: string): void };
  _workbook: {
    styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };
    sharedStrings: { add(text: string): number };
  };
}

// ExcelJS's ValueType numbers (doc/enums.js), which its style lookup is given with each cell.
const nullType = 0;
const numberType = 2;
const stringType = 3;

function internalsOf(sheet: ExcelJS.Worksheet): SheetWriterInternals | null {
  const writer = sheet as unknown as Partial<SheetWriterInternals>;
  const book = writer._workbook;
  const usable =
    Array.isArray(writer._rows) &&
    typeof writer._rowZero === 'number' &&
    writer.useSharedStrings === true &&
    typeof book?.styles?.addStyleModel === 'function' &&
    typeof book.sharedStrings?.add === 'function';
  return usable ? (writer as SheetWriterInternals) : null;
}

const columnLetters = 'ABCDEFGHI'; // at most 9 columns
/** XML is written to the sheet's stream in pieces of about this many characters, not row by row. */
const pieceChars = 1 << 16;

/**
 * The rows as ExcelJS's row and cell writers render them: <row r ht customHeight spans [s customFormat]
 * x14ac:dyDescent> then per cell <c r [s] [t="s"]><v>…</v></c>, a null cell with a style as <c r s/>. A cell's
 * text is a shared-string index and a number's text is String(number), so nothing here needs XML escaping.
 */
export function writeRowsDirect(sheet: ExcelJS.Worksheet, snapshot: PeriodSnapshot, columns: TableColumn[]): void {
  const writer = internalsOf(sheet);
  if (!writer || columns.length > columnLetters.length) return writeRowsByCells(sheet, snapshot, columns);
  // Everything above the table goes out first, as committing the first data row would have sent it.
  sheet.getRow(firstDataRow - 1).commit();
  if (writer._rows!.length !== 0 || writer._rowZero !== firstDataRow || !writer.startedData) throw new Error('ExcelJS sheet writer: unexpected state');
  const { styles: styleBook, sharedStrings } = writer._workbook;
  const kinds = cellKinds(columns);
  const values: CellContent[] = [];
  const spans = ` spans="1:${columns.length}"`;
  let piece = '';
  for (let r = 0; r < snapshot.rows.length; r++) {
    const number = firstDataRow + r;
    const height = layRow(snapshot.rows[r]!, columns, kinds, values);
    const rowStyle = styleBook.addStyleModel(noRowStyle);
    let xml = `<row r="${number}" ht="${height}" customHeight="1"${spans}${rowStyle ? ` s="${rowStyle}" customFormat="1"` : ''} x14ac:dyDescent="0.25">`;
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      const type = value === null ? nullType : typeof value === 'number' ? numberType : stringType;
      const styleId = styleBook.addStyleModel(kinds.styleOf[i]!, type);
      if (value === null && !styleId) continue;
      xml += `<c r="${columnLetters[i]}${number}"${styleId ? ` s="${styleId}"` : ''}`;
      if (value === null) xml += '/>';
      else if (typeof value === 'number') xml += `><v>${value}</v></c>`;
      else xml += ` t="s"><v>${sharedStrings.add(value!)}</v></c>`;
    }
    piece += `${xml}</row>`;
    if (piece.length >= pieceChars) {
      writer.stream.write(piece);
      piece = '';
    }
  }
  if (piece) writer.stream.write(piece);
  writer._rowZero = firstDataRow + snapshot.rows.length;
}
