/**
 * Understanding a department's table (DESIGN §5): title, 截至 date and 填报单位 above the header; the header
 * (one or two rows) found by synonyms; section rows; merged cells; several units or people in one cell;
 * progress split by unit; indicator columns read as numbers. Pure: a plain grid in, plain data out.
 */
import { LedgerError } from '../errors';
import { normalizeName, uniqueNames } from '../names';
import { findAsOf, findPeriods, foldWidth, parseChineseInteger, parseDatePhrase, parseNumberText, parseQuantity, splitSentences } from '../text';
import { cellText, fillMerges, gridWidth, type Cell, type Grid } from './grid';
import { importFields, matchHeader, maxHeaderLength, normalizeHeader, withoutPeriod, type ImportField } from './headers';
import { splitPeople, splitUnitProgress, splitUnitRoles } from './split';

export type { ImportField } from './headers';

export interface UnderstandOptions {
  /** 1-based; forces the (first) header row. */
  headerRow?: number;
  /** Fallback year for dates written without one ("截至9月底"). */
  year?: number;
}

/** What one source column was understood as. `index` is the 0-based column. */
export interface ColumnMapping {
  index: number;
  header: string;
  field: ImportField | null;
  confidence: number;
}

export interface PreviewIndicator {
  name: string;
  target: number | null;
  unit: string;
  actual: number | null;
  /** 完成率 as written, in percent (55 for "55%" or 0.55); null when the table has none. */
  rate: number | null;
}

export interface PreviewRow {
  /** 1-based sheet row. */
  sourceRow: number;
  /** As written, Chinese or bracketed numbers normalized to digits ("（三）" → "3"). */
  seq: string | null;
  /** The section row the row sits under ("一、已完成实事（11件）"). */
  section: string | null;
  /** A separate name column, or the first sentence of the 工作任务 cell. */
  project: string;
  /** The full 工作任务 text. */
  task: string;
  leadUnits: string[];
  supportUnits: string[];
  responsiblePeople: string[];
  leaders: string[];
  progress: string;
  /** Progress split by unit when the cell labels each unit's part ("县城管局：…… 县住建局：……"). */
  unitProgress: { unit: string; text: string }[];
  indicators: PreviewIndicator[];
  remark: string;
  /** 完成时限 as an ISO date when one could be read. */
  deadline: string | null;
}

export interface ImportWarning {
  /** 1-based sheet row (0 for the table as a whole). */
  row: number;
  code: string;
  message: string;
}

export interface TablePreview {
  headerRow: number;
  headerRows: number;
  title: string | null;
  asOf: string | null;
  reportingUnit: string | null;
  columns: ColumnMapping[];
  rows: PreviewRow[];
  warnings: ImportWarning[];
}

/** How far down the header is looked for. */
const headerSearchRows = 60;

export function understandTable(grid: Grid, options: UnderstandOptions = {}): TablePreview {
  return understand(grid, null, options);
}

/** Re-runs the understanding with the user's column choices (and header row, when given). */
export function applyMapping(grid: Grid, mapping: readonly ColumnMapping[], options: UnderstandOptions & { headerRows?: number } = {}): TablePreview {
  return understand(grid, mapping, options);
}

/** A stable signature of the header texts (not of the fields chosen), for remembering a department's mapping. */
export function headerSignature(preview: Pick<TablePreview, 'columns'>): string {
  const parts = [...preview.columns].sort((a, b) => a.index - b.index).map((c) => normalizeHeader(c.header));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return `h1:${parts.join('|')}`;
}

// ---------------------------------------------------------------------------------------------------------

const text = (cell: Cell | undefined): string => cellText(cell).replace(/\r\n?/g, '\n').trim();

function rowTexts(row: readonly Cell[] | undefined): string[] {
  return (row ?? []).map(text);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

interface HeaderChoice {
  row: number;
  rows: 1 | 2;
}

function rowScore(row: readonly string[]): { score: number; key: boolean } {
  const best = new Map<ImportField, number>();
  for (const t of row) {
    const m = matchHeader(t);
    if (m) best.set(m.field, Math.max(best.get(m.field) ?? 0, m.confidence));
  }
  let score = 0;
  for (const v of best.values()) score += v;
  return { score, key: best.has('task') || best.has('project') };
}

const preambleLine = /填报单位|报送单位|上报单位|截[至止]|填报日期|统计时间|附件|附表/;

function isHeaderLike(value: string): boolean {
  if (value === '') return true;
  const norm = withoutPeriod(normalizeHeader(value));
  if ([...norm].length > maxHeaderLength) return false;
  if (matchHeader(value)) return true;
  return [...norm].length <= 8 && !/\d/.test(norm) && !preambleLine.test(value);
}

/** Whether `lower` is the second row of a two-row header under `upper`. */
function isSubHeader(upper: readonly string[], lower: readonly string[]): boolean {
  const lowerValues = lower.filter((v) => v !== '');
  // A row merged across the table (a section banner such as "一、已完成实事（2件）") is not a sub-header.
  if (distinct(lowerValues).length === 1 && lowerValues.length > 1) return false;
  if (lowerValues.some((v) => isSectionText(v))) return false;
  let matched = 0;
  for (let c = 0; c < lower.length; c++) {
    const low = lower[c] ?? '';
    if (low === '' || low === (upper[c] ?? '')) continue;
    if (!isHeaderLike(low)) return false;
    if (matchHeader(low)) matched++;
  }
  if (matched === 0) return false;
  const up = upper.filter((u) => u !== '');
  if (up.length === 0 || up.some((u) => !isHeaderLike(u) || preambleLine.test(u))) return false;
  return up.some((u) => matchHeader(u) !== null);
}

function findHeader(cells: readonly string[][], forced: number | undefined, forcedRows: number | undefined): HeaderChoice {
  if (forced !== undefined) {
    const row = forced - 1;
    if (!Number.isInteger(row) || row < 0 || row >= cells.length) {
      throw new LedgerError('IMPORT_NO_HEADER', `指定的表头行（第 ${forced} 行）超出了表格范围（共 ${cells.length} 行）。`);
    }
    if (forcedRows === 1 || forcedRows === 2) return { row, rows: forcedRows };
    const next = cells[row + 1];
    return { row, rows: next && isSubHeader(cells[row] ?? [], next) ? 2 : 1 };
  }
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(cells.length, headerSearchRows);
  for (let r = 0; r < limit; r++) {
    const { score, key } = rowScore(cells[r] ?? []);
    if (key && score >= 2 && score > bestScore + 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    throw new LedgerError(
      'IMPORT_NO_HEADER',
      '没有找到表头：前 60 行中没有同时含“工作任务（或项目名称）”和“责任单位”“工作进度”等列名的一行。请确认选对了工作表，或手动指定表头所在的行。',
    );
  }
  const below = cells[best + 1];
  if (forcedRows === 1 || forcedRows === 2) return { row: best, rows: forcedRows };
  if (below && isSubHeader(cells[best] ?? [], below)) return { row: best, rows: 2 };
  const above = cells[best - 1];
  if (best > 0 && above && isSubHeader(above, cells[best] ?? [])) return { row: best - 1, rows: 2 };
  return { row: best, rows: 1 };
}

/** Fields a table has at most one column of. */
const singleFields = new Set<ImportField>(['seq', 'project', 'section', 'task', 'leadUnits', 'supportUnits', 'responsiblePeople', 'leaders', 'progress', 'deadline']);

const orgSuffix = /(局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处)$/;

function mapColumns(cells: readonly string[][], header: HeaderChoice, width: number, warnings: ImportWarning[]): ColumnMapping[] {
  const upper = cells[header.row] ?? [];
  const lower = header.rows === 2 ? (cells[header.row + 1] ?? []) : [];
  const columns: ColumnMapping[] = [];
  for (let c = 0; c < width; c++) {
    const up = upper[c] ?? '';
    const low = header.rows === 2 ? (lower[c] ?? '') : '';
    let headerText = up;
    let match = matchHeader(up);
    if (low !== '' && low !== up) {
      headerText = up === '' ? low : `${up}/${low}`;
      match = matchHeader(low) ?? (up !== '' ? matchHeader(up) : null);
    }
    columns.push({ index: c, header: headerText.replace(/\s+/g, ' ').trim(), field: match?.field ?? null, confidence: match?.confidence ?? 0 });
  }
  // "单位" is a unit of measure, unless the column holds organisations and the table has no 责任单位.
  const firstData = header.row + header.rows;
  if (!columns.some((c) => c.field === 'leadUnits')) {
    for (const col of columns) {
      if (col.field !== 'unit') continue;
      const values = cells.slice(firstData, firstData + 50).map((r) => r[col.index] ?? '').filter((v) => v !== '');
      // 所, 处, 座 are units of measure; an organisation's name is longer than its suffix.
      const orgs = values.filter((v) => { const first = v.split(/\s|、|，|,/)[0] ?? ''; return ([...first].length >= 3 && orgSuffix.test(first)) || [...v].length > 6; });
      if (values.length > 0 && orgs.length * 2 > values.length) {
        col.field = 'leadUnits';
        col.confidence = 0.5;
        break;
      }
    }
  }
  // "完成进度" can hold a rate (85%) or a sentence (已完成主体工程): sentences make it the progress column.
  if (!columns.some((c) => c.field === 'progress')) {
    for (const col of columns) {
      if (col.field !== 'rate') continue;
      const values = cells.slice(firstData, firstData + 50).map((r) => r[col.index] ?? '').filter((v) => v !== '');
      const prose = values.filter((v) => /[\u3400-\u9fff]/.test(v) && [...v].length > 4);
      if (values.length > 0 && prose.length * 2 > values.length) {
        col.field = 'progress';
        col.confidence = 0.5;
      }
    }
  }
  // 类别 beside tasks but no name column is what the tasks belong to: the project itself.
  if (!columns.some((c) => c.field === 'project') && columns.some((c) => c.field === 'task')) {
    const category = columns.find((c) => c.field === 'section');
    if (category) category.field = 'project';
  }
  dedupeFields(columns, warnings);
  return columns;
}

function dedupeFields(columns: ColumnMapping[], warnings: ImportWarning[]): void {
  for (const field of singleFields) {
    const holders = columns.filter((c) => c.field === field);
    if (holders.length <= 1) continue;
    // Two progress columns (7月进展, 9月进展): tables add each period on the right, so the rightmost is the latest.
    const keep = holders.reduce((a, b) => (b.confidence > a.confidence || (field === 'progress' && b.confidence === a.confidence) ? b : a));
    for (const col of holders) {
      if (col === keep) continue;
      warnings.push({
        row: 0,
        code: 'DUPLICATE_COLUMN',
        message: `“${col.header}”列和“${keep.header}”列都像是“${fieldLabels[field]}”，只用了“${keep.header}”列；如有误请调整列的对应关系。`,
      });
      col.field = null;
      col.confidence = 0;
    }
  }
}

export const fieldLabels: Readonly<Record<ImportField, string>> = {
  seq: '编号',
  project: '实事名称',
  section: '分类',
  task: '工作任务',
  leadUnits: '主要责任单位',
  supportUnits: '相关责任单位',
  responsiblePeople: '责任人',
  leaders: '分管领导',
  progress: '工作进度',
  target: '目标值',
  unit: '计量单位',
  actual: '完成值',
  rate: '完成率',
  indicator: '指标',
  remark: '备注',
  deadline: '完成时限',
};

function sanitizeMapping(mapping: readonly ColumnMapping[], computed: ColumnMapping[], warnings: ImportWarning[]): ColumnMapping[] {
  const byIndex = new Map<number, ColumnMapping>();
  for (const m of mapping) {
    if (!m || !Number.isInteger(m.index) || m.index < 0) continue;
    const field = m.field !== null && (importFields as readonly string[]).includes(m.field) ? m.field : null;
    byIndex.set(m.index, { index: m.index, header: typeof m.header === 'string' ? m.header : '', field, confidence: field ? 1 : 0 });
  }
  const out = computed.map((c) => {
    const chosen = byIndex.get(c.index);
    return chosen ? { ...chosen, header: c.header || chosen.header } : { ...c, field: null, confidence: 0 };
  });
  dedupeFields(out, warnings);
  return out;
}

// --- above the header ------------------------------------------------------------------------------------

interface Preamble {
  title: string | null;
  asOf: string | null;
  reportingUnit: string | null;
  /** "单位：万元" above the table: the unit of its figures where a cell names none. */
  measureUnit: string;
}

function yearIn(value: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(foldWidth(value)) ?? /((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}/.exec(foldWidth(value));
  return m ? Number(m[1]) : null;
}

function looseDate(value: string, year: number): string | null {
  const t = foldWidth(value).trim();
  const m = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return parseDatePhrase(t, year);
}

function readPreamble(rows: readonly string[][], options: UnderstandOptions): Preamble {
  const lines = rows.map((r) => distinct(r));
  const all = lines.flat();
  const year = options.year ?? all.map(yearIn).find((y) => y !== null) ?? 0;
  let reportingUnit: string | null = null;
  let asOf: string | null = null;
  for (const line of lines) {
    for (const [i, value] of line.entries()) {
      const next = line[i + 1] ?? '';
      if (reportingUnit === null) {
        const m = /(?:填报|报送|上报)单位\s*(?:[（(][^（）()]*[）)])?\s*[:：]?\s*(.*)$/s.exec(value);
        if (m) {
          let rest = (m[1] ?? '').split(/\s{2,}|\n|截[至止]|填报日期|日期[:：]|时间[:：]/)[0]?.trim() ?? '';
          if (rest === '') rest = next.split(/\s{2,}|\n/)[0]?.trim() ?? '';
          rest = rest.replace(/[（(]\s*(盖章|公章|签章)\s*[）)]/g, '').replace(/^[:：\s]+/, '').trim();
          if (rest !== '' && !preambleLine.test(rest)) reportingUnit = normalizeName(rest);
        }
      }
      if (asOf === null && /截[至止]|统计时间|数据时间/.test(value)) {
        const found = findAsOf(value, year);
        if (found?.date) asOf = found.date;
        else {
          const m = /(?:截[至止](?:日期|时间)?|统计时间|数据时间)\s*[:：]?\s*(.*)$/s.exec(value);
          const rest = (m?.[1] ?? '').trim() || next;
          asOf = rest ? looseDate(rest, year || (yearIn(rest) ?? 0)) : null;
        }
      }
    }
  }
  let title: string | null = null;
  let titleLine = -1;
  for (const [index, line] of lines.entries()) {
    for (const value of line) {
      const clean = normalizeName(value.replace(/\n/g, ' '));
      if ([...clean].length < 4 || /^(附件|附表)\s*\d*$/.test(clean) || /(填报|报送|上报)单位|截[至止]日期|填报日期|^单位[:：]/.test(clean)) continue;
      if (title === null || (/表|情况|实事|台账|清单|计划|任务/.test(clean) && !/表|情况|实事|台账|清单|计划|任务/.test(title))) {
        title = clean;
        titleLine = index;
      }
    }
  }
  // A title set over two lines ("某某县2023年重点民生实事" / "项目推进情况统计表（1-9月）") is one title.
  const nextLine = lines[titleLine + 1];
  if (title !== null && !/表$/.test(title) && nextLine?.length === 1) {
    const more = normalizeName((nextLine[0] ?? '').replace(/\n/g, ' '));
    if (/(表|情况|统计|台账|清单)/.test(more) && !/(填报|报送|上报)单位|截[至止]|^单位[:：]/.test(more)) title = `${title}${more}`;
  }
  const unitNote = all.map((v) => /^(?:计量)?单位\s*[:：]\s*([^\s，,；;]{1,4})$/.exec(normalizeName(v))?.[1]).find((u) => u !== undefined);
  if (asOf === null && title) {
    const fromTitle = findAsOf(title, year)?.date ?? null;
    const periods = year ? findPeriods(title, year) : [];
    asOf = fromTitle ?? periods[periods.length - 1]?.end ?? null;
  }
  return { title, asOf, reportingUnit, measureUnit: unitNote ?? '' };
}

// --- rows ------------------------------------------------------------------------------------------------

const chineseNumeral = '[一二三四五六七八九十百零〇两]+';
const sectionPatterns = [
  new RegExp(`^${chineseNumeral}\\s*[、.．:：]`),
  new RegExp(`^[（(]\\s*${chineseNumeral}\\s*[)）]`),
  new RegExp(`^第\\s*(?:${chineseNumeral}|\\d+)\\s*(?:类|部分|批|项|章|板块|方面)`),
  /[（(]\s*\d+\s*[件项个]\s*[）)]\s*$/,
  /(?:已完成|持续推进|进展缓慢|推进缓慢|正在推进|未完成|滞后)(?:的)?(?:实事|项目|事项|任务)/,
];

function isSectionText(value: string): boolean {
  const t = foldWidth(value).trim();
  if (t === '' || [...t].length > 60) return false;
  if (/[。；;]./.test(t)) return false;
  return sectionPatterns.some((p) => p.test(t));
}

const footerPattern =
  /^(填表人|填报人|填表|审核人|审核|签发人|签发领导|签发|制表人|制表|联系人|联系电话|单位负责人|主要负责人|填报单位|报送单位|填报日期|报送日期|分管领导签字|负责人签字|数据来源)\s*([（(][^）)]{0,8}[）)])?\s*[:：]/;
const notePattern = /^(注|说明|备注|附注)\s*\d*\s*[:：]/;
/** A date on a line of its own under the table: the day it was filled in. */
const dateLine = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;
const totalPattern = /^(合计|总计|小计|汇总|总合计|共计)$/;
/** "合 计", "合计（万元）": short by nature, so long task texts are not normalized for nothing. */
const isTotal = (value: string): boolean =>
  value.length <= 40 && (totalPattern.test(normalizeHeader(value)) || /^(全[县区市镇乡]|总)?(合计|总计|共计)([:：].{0,8})?$/.test(normalizeHeader(value)));

export function normalizeSeq(raw: string): string | null {
  const t = foldWidth(raw).trim();
  if (t === '') return null;
  const inner = t.replace(/^[（(【[]\s*|\s*[)）】\]]$/g, '').replace(/[、.．:：]$/, '').trim();
  if (/^\d+$/.test(inner)) return String(Number(inner));
  if (/^\d+\.0+$/.test(inner)) return String(Math.trunc(Number(inner)));
  if (/^[一二三四五六七八九十百零〇两]+$/.test(inner)) {
    const n = parseChineseInteger(inner);
    if (n !== null) return String(n);
  }
  return t;
}

function firstSentence(value: string): string {
  const first = splitSentences(value)[0]?.text ?? value.trim();
  return first
    .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．]\s*/, '')
    .replace(/^\s*[（(](?:\d+|[一二三四五六七八九十]+)[)）]\s*/, '')
    // "新建停车场3处2.改造农贸市场2个": the next numbered item starts a new task (2.5公里 is a number).
    .replace(/(?<=\S)\s*(?:[2-9]|[二三四五六七八九])[、.．](?=[\u3400-\u9fff]).*$/s, '')
    .replace(/[。；;，,：:\s]+$/, '')
    .trim();
}

interface Quantityish {
  value: number | null;
  unit: string;
  unreadable: boolean;
}

function readQuantity(cell: Cell | undefined, unitText: string): Quantityish {
  if (typeof cell === 'number') {
    if (unitText) {
      const q = parseQuantity(`${cell}${unitText}`);
      if (q) return { value: q.value, unit: q.unit || unitText, unreadable: false };
    }
    return { value: cell, unit: unitText, unreadable: false };
  }
  const raw = foldWidth(text(cell)).replace(/\s+/g, '');
  if (raw === '' || /^[-—/／\\无]+$/.test(raw)) return { value: null, unit: unitText, unreadable: false };
  const plain = withSign(raw, parseNumberText);
  if (plain !== null) return readQuantity(plain, unitText);
  const q = parseQuantity(raw.replace(minus, ''));
  if (q) return { value: minus.test(raw) ? -q.value : q.value, unit: q.unit || unitText, unreadable: false };
  return { value: null, unit: unitText, unreadable: true };
}

/** A leading minus sign (a CSV has every number as text: -5, -3.2%); the number parsers read magnitudes. */
const minus = /^[-－−](?=\d)/;

function withSign(raw: string, parse: (body: string) => number | null): number | null {
  const value = parse(raw.replace(minus, ''));
  return value !== null && minus.test(raw) ? -value : value;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

const magnitudes: readonly [string, number][] = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

function scaleOf(unit: string): { base: string; factor: number } {
  for (const [prefix, factor] of magnitudes) if (unit.length > 1 && unit.startsWith(prefix)) return { base: unit.slice(1), factor };
  return { base: unit, factor: 1 };
}

/** A value restated in another unit that differs only by 万/亿/千 (8000万元 against 亿元: 0.8); null if they differ otherwise. */
function inUnit(value: number, from: string, to: string): number | null {
  const [a, b] = [scaleOf(from), scaleOf(to)];
  return a.base === b.base ? (value * a.factor) / b.factor : null;
}

interface IndicatorGroup {
  indicator?: number;
  target?: number;
  unit?: number;
  actual?: number;
  rate?: number;
}

function indicatorGroups(columns: readonly ColumnMapping[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  let current: IndicatorGroup | null = null;
  for (const col of columns) {
    const f = col.field;
    if (f !== 'indicator' && f !== 'target' && f !== 'unit' && f !== 'actual' && f !== 'rate') continue;
    const opensNew = f === 'indicator' ? current !== null && (current.indicator !== undefined || current.target !== undefined || current.actual !== undefined) : current === null || current[f] !== undefined;
    if (opensNew || current === null) {
      current = {};
      groups.push(current);
    }
    current[f] = col.index;
  }
  // A lone 单位 column with nothing else is not an indicator.
  return groups.filter((g) => g.target !== undefined || g.actual !== undefined || g.rate !== undefined || g.indicator !== undefined);
}

/** Numbers in a rate column ≤ 2 are fractions (0.55 is 55%) when no number in it is larger. */
function rateIsFraction(cells: readonly Cell[][], column: number, from: number): boolean {
  let any = false;
  for (let r = from; r < cells.length; r++) {
    const v = cells[r]?.[column];
    const n = typeof v === 'number' ? v : /%|％/.test(text(v)) ? null : parseNumberText(foldWidth(text(v)));
    if (n === null || n === undefined) continue;
    any = true;
    if (Math.abs(n) > 2) return false;
  }
  return any;
}

/** A name of two to four characters that ends like no organisation does: 张三, 欧阳明. */
const looksLikePerson = (name: string): boolean => /^[\u3400-\u9fff]{2,4}$/.test(name) && !orgSuffix.test(name) && !/^[县区市乡镇村街各省]/.test(name);

/** [the items that fail `test`, the items that pass it]. */
function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter((i) => !test(i)), items.filter(test)];
}

/** Splits each distinct text once. What it returns is shared between rows: copy before changing it. */
function remembered<T>(split: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    let parts = seen.get(raw);
    if (parts === undefined) seen.set(raw, (parts = split(raw)));
    return parts;
  };
}

function understand(grid: Grid, mapping: readonly ColumnMapping[] | null, options: UnderstandOptions & { headerRows?: number }): TablePreview {
  if (!grid || !Array.isArray(grid.cells)) throw new LedgerError('IMPORT_EMPTY', '工作表中没有内容。');
  const filled = fillMerges({ cells: grid.cells, merges: Array.isArray(grid.merges) ? grid.merges : [] });
  const cells = filled.map(rowTexts);
  if (!cells.some((r) => r.some((v) => v !== ''))) throw new LedgerError('IMPORT_EMPTY', '工作表中没有内容。');
  const width = gridWidth({ cells: filled, merges: [] });
  const warnings: ImportWarning[] = [];

  const header = findHeader(cells, options.headerRow, options.headerRows);
  const computed = mapColumns(cells, header, width, mapping ? [] : warnings);
  const columns = mapping ? sanitizeMapping(mapping, computed, warnings) : computed;
  const { measureUnit, ...preamble } = readPreamble(cells.slice(0, header.row), options);
  const year = options.year ?? yearIn(preamble.title ?? '') ?? (preamble.asOf ? Number(preamble.asOf.slice(0, 4)) : 0);

  const col = (field: ImportField): number | undefined => columns.find((c) => c.field === field)?.index;
  const seqCol = col('seq');
  const projectCol = col('project');
  const taskCol = col('task');
  const sectionCol = col('section');
  const indicatorCol = col('indicator');
  const detailFields = new Set<ImportField>(['leadUnits', 'supportUnits', 'responsiblePeople', 'leaders', 'progress', 'target', 'unit', 'actual', 'rate', 'deadline']);
  const detailCols = columns.filter((c) => c.field !== null && detailFields.has(c.field)).map((c) => c.index);
  const groups = indicatorGroups(columns);
  const firstData = header.row + header.rows;
  const fractionRates = new Map<number, boolean>();
  for (const g of groups) if (g.rate !== undefined) fractionRates.set(g.rate, rateIsFraction(filled, g.rate, firstData));

  if (projectCol === undefined && taskCol === undefined) {
    warnings.push({ row: header.row + 1, code: 'NO_TASK_COLUMN', message: '没有认出“工作任务”或“实事名称”列，请在列的对应关系中指定。' });
  }
  const leadHeader = columns.find((c) => c.field === 'leadUnits')?.header ?? '';
  const leadHoldsPeople = /(责任人|负责人|联系人)/.test(leadHeader) && col('responsiblePeople') === undefined;
  const chineseNumbered =
    seqCol !== undefined &&
    cells.slice(firstData).filter((r) => /^[一二三四五六七八九十]+[、.．]?$/.test(r[seqCol] ?? '') && detailCols.some((c) => (r[c] ?? '') !== '')).length >= 2;
  const headerTexts = new Set(cells[header.row]?.filter((v) => v !== ''));

  // The same few unit and people cells recur on every row: each distinct text is split once.
  const unitRolesOf = remembered(splitUnitRoles);
  const peopleOf = remembered(splitPeople);
  const rows: PreviewRow[] = [];
  let section: string | null = null;
  let lastProject = '';
  let lastSeq = '';
  const seenSeq = new Map<string, number>();
  for (let r = firstData; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const values = distinct(row);
    if (values.length === 0) continue;
    const sourceRow = r + 1;
    const first = row.find((v) => v !== '') ?? '';
    const lead = foldWidth(first);
    if (footerPattern.test(lead) || notePattern.test(lead) || (values.length === 1 && dateLine.test(lead))) continue;
    if (values.length >= 2 && values.every((v) => headerTexts.has(v))) continue; // the header repeated
    const at = (c: number | undefined): string => (c === undefined ? '' : (row[c] ?? ''));
    const seqText = at(seqCol);
    const keyText = at(projectCol) || at(taskCol);
    const hasDetail = detailCols.some((c) => (row[c] ?? '') !== '' && !(values.length === 1));
    // In a table that numbers its projects 一、二、三, a numbered name without details is a project still to be filled in.
    const numberedLikeProject = chineseNumbered && seqText !== '' && keyText !== '' && seqText !== keyText;
    const combined = seqText && keyText && seqText !== keyText ? `${seqText}${/[、.．]$/.test(seqText) ? '' : '、'}${keyText}` : (keyText || seqText || first);
    if (isTotal(seqText || keyText || first) || isTotal(keyText)) {
      warnings.push({ row: sourceRow, code: 'TOTAL_ROW', message: `第 ${sourceRow} 行是“${first}”行，不是一件实事，未导入；如需核对请看原表。` });
      continue;
    }
    if ((values.length === 1 && isSectionText(values[0] ?? '')) || (!hasDetail && !numberedLikeProject && (isSectionText(combined) || isSectionText(keyText)) && values.length <= 2)) {
      section = (values.length === 1 ? (values[0] ?? '') : isSectionText(combined) ? combined : keyText).replace(/\s+/g, ' ').trim();
      lastProject = '';
      seenSeq.clear();
      continue;
    }

    // A category column (merged down over its projects) names the section of each row it covers.
    const category = at(sectionCol).replace(/\s+/g, ' ').trim();
    if (category !== '' && category !== section) {
      section = category;
      seenSeq.clear();
    }
    const taskText = at(taskCol);
    let projectText = at(projectCol);
    // A blank name under a named project continues it (its next task or indicator), unless the row has a
    // number of its own: then it is a project of its own, named from its task.
    const continues = (taskText !== '' || (indicatorCol !== undefined && at(indicatorCol) !== '')) && (seqText === '' || seqText === lastSeq);
    if (projectCol !== undefined && projectText === '' && continues && lastProject !== '') projectText = lastProject;
    if (projectText !== '') lastProject = projectText;
    if (seqText !== '') lastSeq = seqText;
    let project: string;
    let task: string;
    if (projectCol !== undefined && taskCol !== undefined) {
      project = projectText.replace(/\s*\n\s*/g, '');
      task = taskText;
      if (project === '' && task !== '') project = firstSentence(task);
    } else {
      const key = projectCol !== undefined ? projectText : taskText;
      project = firstSentence(key);
      task = key;
    }
    const seq = normalizeSeq(seqText);
    if (project === '' && task === '') {
      const only = values.length === 1 && seqText !== '';
      warnings.push({
        row: sourceRow,
        code: only ? 'SEQ_ONLY_ROW' : 'NO_TASK',
        message: only ? `第 ${sourceRow} 行只有编号“${seqText}”，没有其他内容，未导入。` : `第 ${sourceRow} 行没有工作任务或实事名称，请核对。`,
      });
      if (only) continue;
    }
    if (seq !== null) {
      const previous = seenSeq.get(seq);
      const sameProject = previous !== undefined && rows[rows.length - 1]?.seq === seq;
      if (previous !== undefined && !sameProject) {
        warnings.push({ row: sourceRow, code: 'SEQ_DUPLICATE', message: `第 ${sourceRow} 行的编号“${seqText}”与第 ${previous} 行重复，请核对。` });
      }
      if (previous === undefined) seenSeq.set(seq, sourceRow);
    }

    const leadCell = unitRolesOf(at(col('leadUnits')));
    const supportCell = unitRolesOf(at(col('supportUnits')));
    // "牵头单位及责任人": the people written among the units are the people responsible.
    const [leadUnits, namedPeople] = leadHoldsPeople ? partition(leadCell.lead, looksLikePerson) : [[...leadCell.lead], []];
    const supportUnits = uniqueNames([...leadCell.support, ...supportCell.lead, ...supportCell.support]);
    const responsiblePeople = uniqueNames([...peopleOf(at(col('responsiblePeople'))), ...leadCell.people, ...namedPeople, ...supportCell.people]);
    const leaders = [...peopleOf(at(col('leaders')))];
    const progress = at(col('progress'));
    const units = [...leadUnits, ...supportUnits];
    const split = progress ? splitUnitProgress(progress, units) : [];
    for (const part of split) {
      if (!part.known && units.length > 0) {
        warnings.push({ row: sourceRow, code: 'PROGRESS_UNIT_UNKNOWN', message: `第 ${sourceRow} 行的工作进度中写有“${part.unit}”，但它不在本行的责任单位中，请核对。` });
      }
    }
    if (task !== '' && leadUnits.length === 0 && col('leadUnits') !== undefined) {
      warnings.push({ row: sourceRow, code: 'NO_LEAD_UNIT', message: `第 ${sourceRow} 行没有填写责任单位。` });
    }

    const indicators: PreviewIndicator[] = [];
    for (const g of groups) {
      const unitText = (g.unit !== undefined ? foldWidth(at(g.unit)).trim() : '') || measureUnit;
      const target = readQuantity(g.target !== undefined ? filled[r]?.[g.target] : null, unitText);
      const actual = readQuantity(g.actual !== undefined ? filled[r]?.[g.actual] : null, unitText);
      let rate: number | null = null;
      if (g.rate !== undefined) {
        const cell = filled[r]?.[g.rate];
        const raw = text(cell);
        const isPercentText = /%|％/.test(raw);
        const n =
          typeof cell === 'number'
            ? cell
            : withSign(foldWidth(raw).replace(/\s+/g, ''), (body) => (isPercentText ? (parseQuantity(body)?.value ?? null) : parseNumberText(body)));
        if (n !== null) rate = round(!isPercentText && fractionRates.get(g.rate) ? n * 100 : n);
        else if (raw !== '' && !/^[-—/／\\无]+$/.test(raw)) warnings.push({ row: sourceRow, code: 'NUMBER_UNREADABLE', message: `第 ${sourceRow} 行的完成率“${raw}”不是数字，未读入。` });
      }
      for (const [label, q, index] of [['目标值', target, g.target], ['完成值', actual, g.actual]] as const) {
        if (q.unreadable) {
          warnings.push({ row: sourceRow, code: 'NUMBER_UNREADABLE', message: `第 ${sourceRow} 行的${label}“${at(index)}”不是一个数，未读入。` });
        }
      }
      const name = (g.indicator !== undefined ? at(g.indicator).replace(/\s*\n\s*/g, '') : '') || project;
      if (target.value === null && actual.value === null && rate === null && (g.indicator === undefined || at(g.indicator) === '')) continue;
      const unit = target.unit || actual.unit;
      let actualValue = actual.value;
      if (actualValue !== null && target.unit && actual.unit && actual.unit !== target.unit) {
        actualValue = inUnit(actualValue, actual.unit, target.unit);
        if (actualValue === null) {
          warnings.push({
            row: sourceRow,
            code: 'UNIT_MISMATCH',
            message: `第 ${sourceRow} 行的完成值单位“${actual.unit}”与目标值单位“${target.unit}”不一致，完成值未读入，请核对。`,
          });
        }
      }
      indicators.push({
        name,
        target: target.value === null ? null : round(target.value),
        unit,
        actual: actualValue === null ? null : round(actualValue),
        rate,
      });
    }

    const deadlineText = at(col('deadline'));
    rows.push({
      sourceRow,
      seq,
      section,
      project,
      task,
      leadUnits,
      supportUnits,
      responsiblePeople,
      leaders,
      progress,
      unitProgress: split.map(({ unit, text: t }) => ({ unit, text: t })),
      indicators,
      remark: columns.filter((c) => c.field === 'remark').map((c) => at(c.index)).filter((v) => v !== '').join('\n'),
      deadline: deadlineText ? looseDate(deadlineText, year) : null,
    });
  }
  if (rows.length === 0) {
    warnings.push({ row: 0, code: 'NO_ROWS', message: '表头下面没有找到任何实事行。' });
  }
  if (preamble.asOf === null) {
    warnings.push({ row: 0, code: 'NO_AS_OF', message: '表格中没有找到截至日期（如“截至9月底”），请在导入时填写。' });
  }
  return { headerRow: header.row + 1, headerRows: header.rows, ...preamble, columns, rows, warnings };
}
