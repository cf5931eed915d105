import ExcelJS from 'exceljs';
import { cellSafeText, chineseDate, seqAsNumber, tableWidthUnits } from '../../../shared/seal/table-layout';
import { maxRowHeightPt, rowHeight } from './row-height';
import { a4Landscape, styles } from './table-style';
import type { ConsolidatedOffice, ConsolidatedRow, ConsolidatedTable } from '../../../shared/consolidate';

/**
 * The superior office's consolidated table: several subordinate offices' sealed tables for one plan and period,
 * side by side, one column group per office, with each office's verification result printed in its header so
 * the paper copy says which figures came from an intact, trusted seal.
 *
 *   row 1  title, merged across
 *   row 2  截至YYYY年M月D日, merged across
 *   row 3  编号 | 工作任务 | 〈office〉\n（核验通过） (merged over its three columns) | …
 *   row 4  (merged) | (merged) | 工作进度 | 状态 | 完成率 | …
 *   row 5… one row per project
 * A second sheet, 核验结果, lists each office's seal in full (the fingerprint does not fit a header).
 */

export type { ConsolidatedOffice, ConsolidatedRow, ConsolidatedTable };

export const consolidatedSheetName = '汇总表';
export const verificationSheetName = '核验结果';
const titleRow = 1;
const periodRow = 2;
const groupRow = 3;
const subHeaderRow = 4;
const firstDataRow = 5;

/** The short note under an office's name: what its seal says, in words a reader of the printout acts on. */
export function verificationNote(office: Pick<ConsolidatedOffice, 'fingerprint' | 'valid' | 'knownSigner'>): string {
  if (!office.fingerprint) return '（无签章！）';
  if (!office.valid) return '（签章不符！）';
  return office.knownSigner ? '（核验通过）' : '（未信任的签章）';
}

const groupHeaderText = (office: ConsolidatedOffice) => `${cellSafeText(office.office)}\n${verificationNote(office)}`;

/**
 * Font size by office count. The choice: always one page wide (a reader compares townships along a row), the
 * sheet kept near the standard table's 140 units so the fit-to-width scale stays near 100 %, and the font made
 * smaller instead as offices are added — 10 pt printed at 100 % reads better than 12 pt shrunk by fitToWidth
 * to 7 pt. Only when a row would not fit on one page (long narratives, or many offices) does the sheet grow
 * wider, and fitToWidth then prints it smaller: small beats clipped (see layoutFor). Past about six offices
 * with county-length narratives the print gets hard to read; such a table is better split by township group.
 */
export function consolidatedFontPt(officeCount: number): number {
  if (officeCount <= 2) return 12;
  if (officeCount === 3) return 11;
  if (officeCount === 4) return 10.5;
  return 10;
}

/**
 * Width in units of a column holding `chars` CJK characters on one line: a column is 7·units + 5 px
 * (row-height.ts), of which ~6 px is cell padding; 2 px more for LibreOffice's slightly wider substitute font.
 */
const unitsForChars = (chars: number, fontPt: number) => Math.ceil(((chars * fontPt * 96) / 72 + 8 - 5) / 7 * 2) / 2;

interface Layout {
  fontPt: number;
  seq: number;
  task: number;
  progress: number;
  status: number;
  completion: number;
}

/** A4 landscape inside the margins set below (0.5" sides, 0.6" top, 0.75" bottom), in points. */
const pageWidthPt = 841.89 - 72;
/** The page's height inside the margins, less 24 pt: LibreOffice's footer can take a little of the body. */
const pageBodyHeightPt = 595.28 - 1.35 * 72 - 24;
/** Printed width of columns at 100 %: a column is 7·width + 5 px, and a pixel is ¾ pt. */
const printedWidthPt = (widths: readonly number[]) => widths.reduce((sum, w) => sum + (7 * w + 5) * 0.75, 0);

const columnWidths = (layout: Layout, officeCount: number) => [
  layout.seq,
  layout.task,
  ...Array.from({ length: officeCount }, () => [layout.progress, layout.status, layout.completion]).flat(),
];

const groupHeaderHeight = (table: ConsolidatedTable, layout: Layout) =>
  rowHeight(
    table.offices.map((o) => ({ text: groupHeaderText(o), width: layout.progress + layout.status + layout.completion })),
    layout.fontPt,
  );
const subHeaderHeight = (layout: Layout) => rowHeight([{ text: '完成率', width: layout.completion }], layout.fontPt);

function dataRowHeight(row: ConsolidatedRow, layout: Layout): number {
  return rowHeight(
    [
      { text: cellSafeText(row.task), width: layout.task, indented: true },
      ...row.cells.flatMap((cell) => [
        { text: cell ? cellSafeText(cell.progress) : '', width: layout.progress, indented: true },
        { text: cell?.status ? cellSafeText(cell.status) : '', width: layout.status },
      ]),
    ],
    layout.fontPt,
  );
}

function layoutFor(table: ConsolidatedTable): Layout {
  const n = table.offices.length;
  const fontPt = consolidatedFontPt(n);
  const seq = unitsForChars(2, fontPt); // "编号"
  const status = unitsForChars(4, fontPt); // "持续推进" / "进展缓慢" on one line
  const completion = unitsForChars(3.6, fontPt); // "完成率" and "100.0%"
  const flexible = tableWidthUnits - seq - n * (status + completion);
  // 工作任务 gets less than one office's 工作进度: it is read once per row, the progress N times, and is shorter.
  const share = flexible / (0.7 + n);
  const minimum = unitsForChars(8, fontPt); // below eight characters a line, a narrative is unreadable
  const round = (w: number) => Math.round(w * 10) / 10;
  const layout = { fontPt, seq, status, completion, task: round(Math.max(share * 0.7, minimum)), progress: round(Math.max(share, minimum)) };

  // A row taller than the printed page is cut at the page break (LibreOffice splits it, clipping lines; Excel
  // cannot even store more than 409 pt). Long narratives from many townships can do that; then the narrative
  // columns are widened step by step: each row gets fewer lines and fitToWidth prints the wider sheet smaller,
  // so the tallest row shrinks on paper on both counts. The print gets smaller, but no text is lost.
  for (let step = 0; step < 40; step++) {
    const scale = Math.min(1, pageWidthPt / printedWidthPt(columnWidths(layout, n)));
    const tallest = table.rows.reduce((max, row) => Math.max(max, dataRowHeight(row, layout)), 0);
    const room = pageBodyHeightPt / scale - groupHeaderHeight(table, layout) - subHeaderHeight(layout);
    if (tallest <= room && tallest < maxRowHeightPt) break;
    layout.progress = round(layout.progress * 1.08);
    layout.task = round(layout.task * 1.08);
  }
  return layout;
}

/** The shared table styles at this table's font size; borders, wrapping and alignment stay the colleague's. */
function sized(fontPt: number) {
  const at = <S extends { font: Partial<ExcelJS.Font> }>(style: S, size: number): S => ({ ...style, font: { ...style.font, size } });
  return {
    title: styles.title,
    period: { ...styles.asOf, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies Partial<ExcelJS.Style>,
    header: at(styles.header, fontPt),
    left: at(styles.cellLeft, fontPt),
    center: at(styles.cellCenter, fontPt),
    percent: at(styles.cellPercent, fontPt),
  };
}

function checkShape(table: ConsolidatedTable): void {
  table.rows.forEach((row, i) => {
    if (row.cells.length !== table.offices.length) {
      throw new Error(`汇总表第 ${i + 1} 行有 ${row.cells.length} 个单位的数据，应为 ${table.offices.length} 个`);
    }
  });
}

function writeTable(sheet: ExcelJS.Worksheet, table: ConsolidatedTable): void {
  const layout = layoutFor(table);
  const style = sized(layout.fontPt);
  const widths = columnWidths(layout, table.offices.length);
  // ExcelJS leaves out a column whose width equals its default (9), which Excel then shows at 8.43.
  sheet.columns = widths.map((w) => ({ width: w === 9 ? 9.01 : w }));
  const lastColumn = widths.length;
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const title = sheet.getCell(titleRow, 1);
  title.value = cellSafeText(table.title);
  title.style = style.title;
  sheet.mergeCells(titleRow, 1, titleRow, lastColumn);
  sheet.getRow(titleRow).height = Math.max(40, rowHeight([{ text: title.value, width: totalWidth }], 18));

  const period = sheet.getCell(periodRow, 1);
  period.value = cellSafeText(table.period);
  period.style = style.period;
  sheet.mergeCells(periodRow, 1, periodRow, lastColumn);
  sheet.getRow(periodRow).height = 26;

  // 编号 and 工作任务 span both header rows; each office's name (and its seal's verdict) spans its group.
  for (const [column, text] of [
    [1, '编号'],
    [2, '工作任务'],
  ] as const) {
    sheet.getCell(groupRow, column).value = text;
    sheet.mergeCells(groupRow, column, subHeaderRow, column);
  }
  table.offices.forEach((office, i) => {
    const first = 3 + i * 3;
    sheet.getCell(groupRow, first).value = groupHeaderText(office);
    ['工作进度', '状态', '完成率'].forEach((label, k) => (sheet.getCell(subHeaderRow, first + k).value = label));
    sheet.mergeCells(groupRow, first, groupRow, first + 2);
  });
  // Style every header cell, the ones hidden under merges too: their borders draw the merged cells' edges.
  for (const r of [groupRow, subHeaderRow]) for (let c = 1; c <= lastColumn; c++) sheet.getCell(r, c).style = style.header;
  sheet.getRow(groupRow).height = groupHeaderHeight(table, layout);
  sheet.getRow(subHeaderRow).height = subHeaderHeight(layout);

  table.rows.forEach((data, r) => {
    const row = sheet.getRow(firstDataRow + r);
    const put = (column: number, value: string | number | null, cellStyle: Partial<ExcelJS.Style>) => {
      // Text is always a string cell, never a formula: "=HYPERLINK(…)" from a township is shown, not evaluated.
      const cell = row.getCell(column);
      cell.value = value;
      cell.style = cellStyle;
    };
    put(1, seqAsNumber(data.seq) ?? cellSafeText(data.seq), style.center);
    put(2, cellSafeText(data.task), style.left);
    data.cells.forEach((cell, i) => {
      const first = 3 + i * 3;
      // An office that did not report the project: empty cells, still bordered, so the grid reads as a table.
      put(first, cell ? cellSafeText(cell.progress) : null, style.left);
      put(first + 1, cell?.status ? cellSafeText(cell.status) : null, style.center);
      const completion = cell?.completion;
      put(first + 2, typeof completion === 'number' && Number.isFinite(completion) ? completion : null, style.percent);
    });
    row.height = dataRowHeight(data, layout);
  });

  sheet.pageSetup = a4Landscape(`${groupRow}:${subHeaderRow}`);
  sheet.headerFooter = { oddFooter: `&L&"仿宋"&9各单位签章核验详情见“${verificationSheetName}”表&C&"仿宋"&10第 &P 页 共 &N 页` };
  // On screen, 编号 and 工作任务 stay in view while scrolling across many townships.
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: subHeaderRow, topLeftCell: `C${firstDataRow}`, activeCell: `C${firstDataRow}` }];
}

function writeVerification(sheet: ExcelJS.Worksheet, table: ConsolidatedTable): void {
  const style = sized(12);
  const columns = [
    { header: '填报单位', width: 22 },
    { header: '签章密钥指纹', width: 52 }, // the 79-character fingerprint on two lines,
    { header: '签发领导', width: 12 },
    { header: '截至日期', width: 19 }, // "2022年12月31日" on one line in LibreOffice's wider digits too
    { header: '签章有效', width: 10.5 },
    { header: '受信任单位', width: 12.5 },
    { header: '核验结论', width: 18 },
  ];
  sheet.columns = columns.map((c) => ({ width: c.width }));
  // The sheet prints on its own page, so it repeats the table's title to say what it belongs to.
  const title = sheet.getCell(1, 1);
  title.value = `${cellSafeText(table.title)}：签章核验结果`;
  title.style = style.title;
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getRow(1).height = Math.max(40, rowHeight([{ text: title.value, width: columns.reduce((a, c) => a + c.width, 0) }], 18));
  columns.forEach((c, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = c.header;
    cell.style = style.header;
  });
  sheet.getRow(2).height = rowHeight(columns.map((c) => ({ text: c.header, width: c.width })), 12);
  const yesNo = (b: boolean) => (b ? '是' : '否');
  table.offices.forEach((o, r) => {
    const values = [
      cellSafeText(o.office),
      o.fingerprint ? cellSafeText(o.fingerprint) : '无',
      o.signer ? cellSafeText(o.signer) : '',
      chineseDate(o.asOf),
      yesNo(o.valid),
      yesNo(o.knownSigner),
      verificationNote(o).slice(1, -1),
    ];
    const row = sheet.getRow(r + 3);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = i === 0 || i === 1 ? style.left : style.center;
    });
    row.height = rowHeight(values.map((text, i) => ({ text, width: columns[i]!.width, indented: i < 2 })), 12);
  });
  sheet.pageSetup = a4Landscape('2:2');
  sheet.headerFooter = { oddFooter: '&C&"仿宋"&10第 &P 页 共 &N 页' };
}

/** The consolidated table as a styled, print-ready workbook (.xlsx bytes). It carries no seal of its own. */
export async function writeConsolidatedWorkbook(table: ConsolidatedTable): Promise<Buffer> {
  checkShape(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '民生实事台账';
  workbook.created = workbook.modified = new Date();
  writeTable(workbook.addWorksheet(consolidatedSheetName), table);
  writeVerification(workbook.addWorksheet(verificationSheetName), table);
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}
