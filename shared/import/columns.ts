/** The column mapping: which field each column is, from its header and what is written under it. */
import { importFields, type ColumnMapping, type ImportField, type ImportWarning, type TablePreview } from '../types/preview';
import type { HeaderChoice } from './header-row';
import { matchHeader, normalizeHeader } from './headers';
import { orgSuffix } from './people';
import { fieldLabels } from './field-labels';

export { fieldLabels };

/** Fields a table has at most one column of. */
const singleFields = new Set<ImportField>(['seq', 'project', 'section', 'task', 'leadUnits', 'supportUnits', 'responsiblePeople', 'leaders', 'progress', 'deadline']);

/** What each column holds, from its header text, then from what is written under it. */
export function mapColumns(cells: readonly string[][], header: HeaderChoice, width: number, warnings: ImportWarning[]): ColumnMapping[] {
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

/** One column per single field: the others are let go, with a warning saying which one was used. */
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

/** The user's mapping, checked against the columns the sheet has. */
export function sanitizeMapping(mapping: readonly ColumnMapping[], computed: ColumnMapping[], warnings: ImportWarning[]): ColumnMapping[] {
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

/** A stable signature of the header texts (not of the fields chosen), for remembering a department's mapping. */
export function headerSignature(preview: Pick<TablePreview, 'columns'>): string {
  const parts = [...preview.columns].sort((a, b) => a.index - b.index).map((c) => normalizeHeader(c.header));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return `h1:${parts.join('|')}`;
}
