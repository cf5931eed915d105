import { optionalColumns, type OptionalColumn, type PeriodSnapshot, type SnapshotRow } from '../snapshot';

/**
 * The county table as printed (seed 004's 附件): where everything sits and what text each cell shows.
 * The workbook writer lays cells out from here and the verifier reads them back by the same rules, so the
 * two can never disagree about where 截至日期 or row 7's 工作进度 is.
 *
 *   row 1  title, merged across the table
 *   row 2  填报单位：… (left half)            截至日期：YYYY年M月D日 (right half)
 *   row 3  编号 | 工作任务 | 责任单位 | 责任人 | 分管领导 | 工作进度 [| 状态 | 完成率 | 时序进度]
 *   row 4… one row per project
 *   then   填表人：… 审核人：… 签发领导：… 日期：…  (merged across)
 *   then   修订版 N：原因                              (only when revision > 1)
 */

export type ColumnKey = 'seq' | 'task' | 'units' | 'responsiblePeople' | 'leaders' | 'progress' | OptionalColumn;

export interface TableColumn {
  key: ColumnKey;
  header: string;
  /** Excel column width in characters of the workbook's default font (1 unit ≈ 7 px). */
  width: number;
  align: 'left' | 'center';
  kind: 'text' | 'percent';
}

export const titleRow = 1;
export const officeRow = 2;
export const headerRow = 3;
export const firstDataRow = 4;

/**
 * A4 landscape with 0.5" side margins prints about 770 pt ≈ 1,030 px; 140 units ≈ 1,010 px leaves the
 * fit-to-width scale at ~100 %, so the 12 pt body prints at 12 pt. Short columns get fixed widths that hold
 * a county unit or a three-character name on one line; 工作任务 and 工作进度 share the rest, the narrative
 * getting the larger part because it is the longest text in every real table.
 */
export const tableWidthUnits = 140;
const fixedWidths: Partial<Record<ColumnKey, number>> = {
  seq: 5.5,
  units: 13,
  responsiblePeople: 9.5,
  leaders: 9.5,
  status: 10,
  completion: 9.5,
  timeProgress: 10,
};
const progressShare = 0.63;

const headers: Record<ColumnKey, string> = {
  seq: '编号',
  task: '工作任务',
  units: '责任单位',
  responsiblePeople: '责任人',
  leaders: '分管领导',
  progress: '工作进度',
  status: '状态',
  completion: '完成率',
  timeProgress: '时序进度',
};

export function columnHeader(key: ColumnKey): string {
  return headers[key];
}

/** The columns of a snapshot's table, optional ones always in the same order whatever order was asked. */
export function tableColumns(snapshot: Pick<PeriodSnapshot, 'columns'>): TableColumn[] {
  const keys: ColumnKey[] = ['seq', 'task', 'units', 'responsiblePeople', 'leaders', 'progress'];
  for (const optional of optionalColumns) if (snapshot.columns.includes(optional)) keys.push(optional);
  const fixed = keys.reduce((sum, key) => sum + (fixedWidths[key] ?? 0), 0);
  const flexible = tableWidthUnits - fixed;
  const widthOf = (key: ColumnKey): number => {
    if (key === 'task') return Math.round(flexible * (1 - progressShare) * 10) / 10;
    if (key === 'progress') return Math.round(flexible * progressShare * 10) / 10;
    return fixedWidths[key] ?? 10;
  };
  return keys.map((key) => ({
    key,
    header: headers[key],
    width: widthOf(key),
    align: key === 'task' || key === 'progress' ? 'left' : 'center',
    kind: key === 'completion' || key === 'timeProgress' ? 'percent' : 'text',
  }));
}

// eslint-disable-next-line no-control-regex
const unsafeInCell = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]/;

/**
 * Text as a spreadsheet cell can hold it: line ends as \n (XML turns a bare CR into LF anyway), and the C0
 * controls XML 1.0 forbids dropped (a file with one is corrupt to Excel). Applied on both the writing and the
 * comparing side, so such characters never show up as false "changes".
 */
export function cellSafeText(text: string): string {
  // Most text has none of these: one test instead of three replacements (this runs on every cell of a table).
  if (!unsafeInCell.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const titleSuffix = '工作任务推进情况表';

export function titleText(snapshot: PeriodSnapshot): string {
  const name = snapshot.plan.name;
  return cellSafeText(name.endsWith('表') ? name : `${name}${titleSuffix}`);
}

/** The plan name back from a title: the inverse of titleText for every title it writes. */
export function planNameFromTitle(title: string): string {
  return title.endsWith(titleSuffix) ? title.slice(0, -titleSuffix.length) : title;
}

export const officeLabel = '填报单位：';
export const asOfLabel = '截至日期：';

/**
 * "2022-07-25" → "2022年7月25日". A timestamp ("2022-07-25T02:00:00Z", as the sign-off stores) is shown as
 * the date in China (UTC+8) whatever the computer's zone, so every machine prints and verifies the same day.
 * Anything else is shown as it is.
 */
export function chineseDate(value: string | null): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${Number(plain[1])}年${Number(plain[2])}月${Number(plain[3])}日`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value);
    if (Number.isFinite(time)) {
      const china = new Date(time + 8 * 3600_000);
      return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
    }
  }
  return value;
}

/** "2022年7月25日" → "2022-07-25"; anything else comes back unchanged (chineseDate shows it as is). */
export function isoDateFromChinese(text: string): string {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** Four ideographic spaces: wide enough to read as separate fields on paper, unlikely inside a name. */
const signOffGap = '\u3000'.repeat(4);
export const signOffFields = [
  { key: 'preparer', label: '填表人' },
  { key: 'reviewer', label: '审核人' },
  { key: 'signer', label: '签发领导' },
  { key: 'signDate', label: '日期' },
] as const;
export type SignOffField = (typeof signOffFields)[number]['key'];

export function signOffLine(snapshot: PeriodSnapshot): string {
  const values: Record<SignOffField, string> = {
    preparer: snapshot.signOff.preparer,
    reviewer: snapshot.signOff.reviewer,
    signer: snapshot.signOff.signer,
    signDate: chineseDate(snapshot.signOff.signedAt),
  };
  return cellSafeText(signOffFields.map((f) => `${f.label}：${values[f.key]}`).join(signOffGap));
}

/**
 * The four values back from a sign-off line, each the text between its label and the next label, trimmed.
 * A label that is missing (someone retyped the line) reads as an empty value, which the diff then reports.
 */
export function parseSignOffLine(line: string): Record<SignOffField, string> {
  const starts = signOffFields.map((f) => {
    const at = line.indexOf(`${f.label}：`);
    return { key: f.key, at, from: at < 0 ? -1 : at + f.label.length + 1 };
  });
  const result = { preparer: '', reviewer: '', signer: '', signDate: '' };
  for (const field of starts) {
    if (field.at < 0) continue;
    const next = starts.filter((o) => o.at > field.at).reduce((min, o) => Math.min(min, o.at), line.length);
    result[field.key] = line.slice(field.from, next).trim();
  }
  return result;
}

export function isSignOffLine(text: string): boolean {
  return text.startsWith(`${signOffFields[0].label}：`);
}

export function revisionLine(snapshot: PeriodSnapshot): string {
  if (snapshot.revision <= 1) return '';
  return cellSafeText(`修订版 ${snapshot.revision}：${snapshot.revisionReason}`);
}

export function parseRevisionLine(text: string): { revision: number; reason: string } | null {
  const match = /^修订版 ?(\d+)：([\s\S]*)$/.exec(text);
  return match ? { revision: Number(match[1]), reason: match[2]! } : null;
}

/** 0.625 → "62.5%": every digit that distinguishes the stored number, so an edited value never looks equal. */
export function percentText(value: number): string {
  let text = percentTexts.get(value);
  if (text === undefined) {
    text = `${Number((value * 100).toPrecision(15))}%`;
    if (percentTexts.size >= 10_000) percentTexts.clear();
    percentTexts.set(value, text);
  }
  return text;
}
/** A table's percentages repeat (one 时序进度 for all rows, completions in steps): toPrecision is the slow part. */
const percentTexts = new Map<number, string>();

/** A whole 编号 like "12" is written as a number (no "number stored as text" marks); "3-1" stays text. */
export function seqAsNumber(seq: string): number | null {
  return /^[1-9]\d{0,8}$/.test(seq) ? Number(seq) : null;
}

/** What a table cell holds: text, a number (percent columns, whole 编号) or nothing. */
export function cellValue(row: SnapshotRow, column: ColumnKey): string | number | null {
  switch (column) {
    case 'seq':
      return seqAsNumber(row.seq) ?? cellSafeText(row.seq);
    case 'task':
      return cellSafeText(row.task);
    case 'units':
      return cellSafeText(row.units.join('\n'));
    case 'responsiblePeople':
      return cellSafeText(row.responsiblePeople.join('\n'));
    case 'leaders':
      return cellSafeText(row.leaders.join('\n'));
    case 'progress':
      return cellSafeText(row.progress);
    case 'status':
      return cellSafeText(row.status ?? '');
    case 'completion':
      return row.completion ?? null;
    case 'timeProgress':
      return row.timeProgress ?? null;
  }
}

/** The text a reader sees in a cell of the given kind of column. */
export function displayText(value: string | number | boolean | null | undefined, kind: TableColumn['kind']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return kind === 'percent' ? percentText(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
