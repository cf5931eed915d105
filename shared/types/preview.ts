/**
 * What a department's table (or document) is understood as, before anything is written: plain data at the
 * bottom of the type graph, named by the domain types, the importer and the API alike.
 */

/** One cell of a sheet as plain data; dates are ISO 'YYYY-MM-DD' strings. */
export type Cell = string | number | boolean | null;

/** What a source column can be read as. */
export const importFields = [
  'seq',
  'project',
  'section',
  'task',
  'leadUnits',
  'supportUnits',
  'responsiblePeople',
  'leaders',
  'progress',
  'target',
  'unit',
  'actual',
  'rate',
  'indicator',
  'remark',
  'deadline',
] as const;
export type ImportField = (typeof importFields)[number];

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
  /** The number as the department wrote it (一, （三）, 4), without a trailing 、 or full stop; null when none. */
  seqText?: string | null;
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
  /** The day the table or document was issued (成文日期, 填报日期), when it says. */
  documentDate?: string | null;
  columns: ColumnMapping[];
  rows: PreviewRow[];
  warnings: ImportWarning[];
}
