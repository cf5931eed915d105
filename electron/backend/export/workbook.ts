import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  asOfLabel,
  chineseDate,
  firstDataRow,
  headerRow,
  officeLabel,
  officeRow,
  revisionLine,
  signOffLine,
  tableColumns,
  titleRow,
  titleText,
  cellSafeText,
  type TableColumn,
} from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import type { OfficeKey } from './keys';
import { rowHeight } from './row-height';
import { createSeal } from './seal-signature';
import { sealCells, sealNote, sealSheetName } from './seal-sheet';
import { useSharedTexts } from './shared-strings-part';
import { writeRowsByCells, writeRowsDirect, type RowWriter } from './sheet-rows';
import { a4Landscape, bodyFontPt, headerFontPt, styles } from './table-style';

export { writeCsv } from './csv';

export interface ExportOptions {
  /** Recorded as the workbook's author (File › Properties). */
  generatedBy?: string;
}

/** Excel's rules for sheet names: ≤ 31 characters, none of []:*?/\, no apostrophe at either end. */
export function sheetNameFor(label: string): string {
  const name = cellSafeText(label).replace(/[[\]:*?/\\\n]/g, '_').replace(/'/g, '’').trim().slice(0, 31);
  if (!name) return '报表';
  return name === sealSheetName ? `${name}表` : name;
}

const columnLetter = (index: number) => String.fromCharCode(65 + index); // at most 9 columns: A–I

function writeHeading(sheet: ExcelJS.Worksheet, snapshot: PeriodSnapshot, columns: TableColumn[]): void {
  const last = columnLetter(columns.length - 1);
  const title = sheet.getCell(`A${titleRow}`);
  title.value = titleText(snapshot);
  title.style = styles.title;
  sheet.mergeCells(`A${titleRow}:${last}${titleRow}`);
  sheet.getRow(titleRow).height = 40;

  // 填报单位 on the left half, 截至日期 on the right half, as the county table prints them.
  const split = Math.ceil(columns.length / 2);
  const office = sheet.getCell(`A${officeRow}`);
  office.value = `${officeLabel}${cellSafeText(snapshot.office)}`;
  office.style = styles.office;
  sheet.mergeCells(`A${officeRow}:${columnLetter(split - 1)}${officeRow}`);
  const asOf = sheet.getCell(`${columnLetter(split)}${officeRow}`);
  asOf.value = `${asOfLabel}${chineseDate(snapshot.period.asOf)}`;
  asOf.style = styles.asOf;
  sheet.mergeCells(`${columnLetter(split)}${officeRow}:${last}${officeRow}`);
  sheet.getRow(officeRow).height = 26;

  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = styles.header;
  });
  header.height = rowHeight(columns.map((c) => ({ text: c.header, width: c.width })), headerFontPt);
}

function writeFooter(sheet: ExcelJS.Worksheet, snapshot: PeriodSnapshot, columns: TableColumn[]): void {
  const last = columnLetter(columns.length - 1);
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const signOffAt = firstDataRow + snapshot.rows.length;
  const signOff = sheet.getCell(`A${signOffAt}`);
  signOff.value = signOffLine(snapshot);
  signOff.style = styles.signOff;
  sheet.mergeCells(`A${signOffAt}:${last}${signOffAt}`);
  sheet.getRow(signOffAt).height = 34; // the gap above the line separates it from the table

  const revision = revisionLine(snapshot);
  if (revision) {
    const cell = sheet.getCell(`A${signOffAt + 1}`);
    cell.value = revision;
    cell.style = styles.revision;
    sheet.mergeCells(`A${signOffAt + 1}:${last}${signOffAt + 1}`);
    sheet.getRow(signOffAt + 1).height = rowHeight([{ text: revision, width: totalWidth }], bodyFontPt);
  }
}

/** The fingerprint on two lines: on one it is wider than the footer's right third and runs into the page number. */
function footerWithFingerprint(fingerprint: string): string {
  const groups = fingerprint.split(' ');
  const half = Math.ceil(groups.length / 2);
  const fingerprintLines = `签章密钥指纹：${groups.slice(0, half).join(' ')}\n${groups.slice(half).join(' ')}`;
  return `&C&"仿宋"&10第 &P 页 共 &N 页&R&"仿宋"&8${fingerprintLines}`;
}

/**
 * A4 landscape, fit to one page wide, header row on every page, page x of y and the key in the footer. Given
 * when the sheet is made: the streaming writer puts the sheet properties and views at the top of the sheet.
 */
function printSetup(fingerprint: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    // Unset, as the whole-workbook writer left them: the streaming writer would add its own defaults.
    pageSetup: { horizontalDpi: undefined, verticalDpi: undefined, scale: undefined, ...a4Landscape(`${headerRow}:${headerRow}`) },
    headerFooter: { oddFooter: footerWithFingerprint(fingerprint) },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${firstDataRow}`, activeCell: `A${firstDataRow}` }],
  };
}

interface StreamedSheet {
  pageSetup: Partial<ExcelJS.PageSetup>;
  stream: { write(xml: string): void };
  _writePageMargins(): void;
}

/**
 * ExcelJS's streaming sheet writer (4.4) leaves out <printOptions>, so "centred on the page" would be lost; the
 * element belongs just before <pageMargins>, which the writer emits on commit.
 */
function keepPrintOptions(sheet: ExcelJS.Worksheet): void {
  const writer = sheet as unknown as StreamedSheet;
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    const { horizontalCentered, verticalCentered } = writer.pageSetup;
    const attributes = `${horizontalCentered ? ' horizontalCentered="1"' : ''}${verticalCentered ? ' verticalCentered="1"' : ''}`;
    if (attributes) writer.stream.write(`<printOptions${attributes}/>`);
    writeMargins();
  };
}

/** Writes the seal sheet; returns the seal's base64 texts. */
function addSealSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, snapshot: PeriodSnapshot, key: OfficeKey): string[] {
  const sheet = workbook.addWorksheet(sealSheetName, { state: 'veryHidden' });
  const seal = createSeal(snapshot, key);
  sheet.getCell('A1').value = seal.format;
  sheet.getCell('B1').value = sealNote;
  const chunks = sealCells(seal);
  chunks.forEach((chunk, i) => {
    sheet.getCell(`A${i + 2}`).value = chunk;
  });
  // Protected by a password nobody knows: protection only discourages edits; verification is what detects them.
  // Excel keeps only a salt and a hash, so random bytes are the hash of a password nobody has, without spending
  // SHA-512 rounds (≈ 0.1 s) to make one.
  (sheet as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    algorithmName: 'SHA-512',
    saltValue: randomBytes(16).toString('base64'),
    hashValue: randomBytes(64).toString('base64'),
    spinCount: 100_000,
  };
  sheet.commit();
  return chunks;
}

/** Collects what the zip writer streams out; the finished file is a few MB, its cells were hundreds. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/**
 * The period's table as a styled, print-ready workbook with its seal in a very hidden sheet. Written with
 * ExcelJS's streaming writer, row by row: the whole-workbook model of 20,000 rows peaked near 800 MB.
 */
export function writeSealedWorkbook(snapshot: PeriodSnapshot, key: OfficeKey, options: ExportOptions = {}): Promise<Buffer> {
  return writeWorkbookWith(directWriters, snapshot, key, options);
}

/**
 * Who writes the bulk of the file: the data rows, and whether the shared strings go through
 * shared-strings-part.ts. ExcelJS's own way is the reference the direct way is pinned to in tests.
 */
export interface BulkWriters {
  rows: RowWriter;
  fastSharedStrings: boolean;
}
export const excelJsWriters: BulkWriters = { rows: writeRowsByCells, fastSharedStrings: false };
const directWriters: BulkWriters = { rows: writeRowsDirect, fastSharedStrings: true };

export async function writeWorkbookWith(writers: BulkWriters, snapshot: PeriodSnapshot, key: OfficeKey, options: ExportOptions = {}): Promise<Buffer> {
  const out = collector();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out.stream,
    useStyles: true,
    // Shared strings, as the whole-workbook writer wrote them (cells of type "s", what every reader expects):
    // the table keeps only references to texts the snapshot holds anyway.
    useSharedStrings: true,
    // Fastest deflate level: the table is written in about half the time, and is still ~10× smaller than stored.
    zip: { zlib: { level: 1 } },
  });
  const texts = writers.fastSharedStrings ? useSharedTexts(workbook) : null;
  workbook.creator = options.generatedBy || '民生实事台账';
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = workbook.modified = new Date();
  const columns = tableColumns(snapshot);
  const sheet = workbook.addWorksheet(sheetNameFor(snapshot.period.label), printSetup(key.fingerprint));
  keepPrintOptions(sheet);
  // ExcelJS leaves out a column whose width equals its default (9), which Excel then shows at 8.43.
  sheet.columns = columns.map((c) => ({ width: c.width === 9 ? 9.01 : c.width }));
  writeHeading(sheet, snapshot, columns);
  writers.rows(sheet, snapshot, columns);
  writeFooter(sheet, snapshot, columns);
  sheet.commit();
  const sealTexts = addSealSheet(workbook, snapshot, key);
  texts?.markPlain(sealTexts);
  await workbook.commit();
  return out.bytes();
}
