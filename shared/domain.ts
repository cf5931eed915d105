/**
 * Domain types shared by every layer (DESIGN §2). Dates are ISO strings (YYYY-MM-DD). They sit at the bottom:
 * they import only the plain types of shared/types/, never the importer or the status engine.
 */
import type { Judgement } from './types/judgement';
import type { Comparator, IndicatorKind } from './types/kinds';
import type { RowFigures } from './types/figures';
import type { Cell, PreviewRow, TablePreview } from './types/preview';

export { comparators, indicatorKinds } from './types/kinds';
export type { Comparator, IndicatorKind } from './types/kinds';

export const planLevels = ['province', 'city', 'county', 'district', 'township'] as const;
export type PlanLevel = (typeof planLevels)[number];

export const unitRoles = ['lead', 'support'] as const;
export type UnitRole = (typeof unitRoles)[number];

export const personRoles = ['responsible', 'leader'] as const;
export type PersonRole = (typeof personRoles)[number];

export interface Plan {
  id: number;
  year: number;
  level: PlanLevel;
  name: string;
  region: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  updatedAt: string;
}

export interface PlanSummary extends Plan {
  projectCount: number;
}

export interface Project {
  id: number;
  planId: number;
  seq: number;
  /** The number as the department wrote it (一, （三）), shown and exported instead of `seq`; '' when none. */
  seqLabel?: string;
  section: string;
  title: string;
  goal: string;
  deadline: string | null;
  leadUnits: string[];
  supportUnits: string[];
  responsiblePeople: string[];
  leaders: string[];
  createdAt: string;
  updatedAt: string;
}

/** Why a backup was made: before a migration, an import or a restore, the first start of a day, or by hand. */
export type BackupKind = 'migration' | 'import' | 'restore' | 'daily' | 'manual';

export interface BackupInfo {
  file: string;
  kind: BackupKind;
  /** ISO time the copy was made. */
  at: string;
  bytes: number;
}

export interface Backups {
  dir: string;
  backups: BackupInfo[];
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dbPath: string;
  journalMode: string;
}

/** Whether the ledger opened; when it did not, what is wrong and where its backups are (the recovery screen). */
export type RecoveryState =
  | { damaged: false }
  | { damaged: true; dbPath: string; code: string; message: string; backupsDir: string; backups: BackupInfo[] };

export interface Indicator {
  id: number;
  projectId: number;
  name: string;
  kind: IndicatorKind;
  comparator: Comparator;
  /** Null when the goal gives no number. */
  target: number | null;
  unit: string;
  /** "12.8万余座": the target is a round figure. */
  approximate: boolean;
  deadline: string | null;
  position: number;
  /** "读自工作任务：……": the words the target was read from at import; absent when typed by hand. */
  sourceText?: string;
}

export const periodKinds = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** 报送期: what was reported as of one date ("截至9月底"). */
export interface Period {
  id: number;
  planId: number;
  kind: PeriodKind;
  label: string;
  startDate: string;
  asOf: string;
}

export interface ProgressNarrative {
  /** Null: the project as a whole; else the reporting unit. */
  unit: string | null;
  narrative: string;
  actor: string;
  updatedAt: string;
}

export interface IndicatorActual {
  indicatorId: number;
  unit: string | null;
  actual: number | null;
  sourceText: string;
}

/** One project's report for one period. */
export interface ProgressRecord {
  projectId: number;
  periodId: number;
  narratives: ProgressNarrative[];
  actuals: IndicatorActual[];
}

export interface HistoryEntry {
  at: string;
  actor: string;
  /** Plain-Chinese summary of what happened. */
  summary: string;
  before: unknown;
  after: unknown;
}

export interface Settings {
  /** The local user's name, written to the audit log. */
  userName: string;
  /** 填报单位: this office's name, printed on exported tables and bound to its key. */
  officeName: string;
  /** The office's level (县、乡镇 …), asked on first start with its name; '' until then. */
  officeLevel: PlanLevel | '';
  /** The office's region (叶县, 某镇 …), '' until set. */
  officeRegion: string;
  /** The rule preset the office judges by. */
  presetName: string;
}

/** A project's judgement as the ledger shows it (DESIGN §4). */
export interface ProjectStatus extends Judgement {
  projectId: number;
  seq: number;
  title: string;
  leadUnits: string[];
  leaders: string[];
}

export interface StatusReport {
  planId: number;
  asOf: string;
  /** The period whose reports were judged: the latest one due by asOf. */
  period: Period | null;
  preset: { name: string; version: number };
  projects: ProjectStatus[];
}

/** A unit in the directory, with the other names it goes by (区人社局 = 区人力资源和社会保障局). */
export interface UnitEntry {
  id: number;
  name: string;
  aliases: string[];
  projectCount: number;
}

/** 工作任务 under a project (seed 001: 工作任务1…5), each with its own responsible units. */
export interface Task {
  id: number;
  projectId: number;
  seq: number;
  title: string;
  goal: string;
  deadline: string | null;
  leadUnits: string[];
}

/** A file handed to the importer, kept by the backend until committed or dropped. */
export interface ImportStage {
  stagingId: string;
  fileName: string;
  sha256: string;
  size: number;
}

export type DiffKind = 'new' | 'changed' | 'unchanged' | 'conflict';

export interface FieldChange {
  field: string;
  /** Chinese name of the field, for the diff table. */
  label: string;
  before: string;
  after: string;
}

/** What committing one row would do. */
export interface DiffEntry {
  sourceRow: number;
  kind: DiffKind;
  projectId: number | null;
  seq: string | null;
  title: string;
  changes: FieldChange[];
  /** Why the row is held back (progress going backwards, a signed period…). */
  conflict: string | null;
  /** Figures the row's words propose that the ledger does not have yet; nothing is written unless accepted. */
  figures: RowFigures;
  /** The progress is word for word the previous period's ("与上期相同"). */
  sameAsLast: boolean;
}

export interface ImportDiff {
  plan: { id: number | null; year: number; name: string };
  period: { id: number | null; label: string; asOf: string };
  entries: DiffEntry[];
  counts: Record<DiffKind, number>;
}

export interface ImportBatch {
  id: number;
  planId: number | null;
  periodId: number | null;
  fileName: string;
  sha256: string;
  format: string;
  sheet: string;
  importedAt: string;
  actor: string;
  counts: Record<DiffKind, number>;
  undoneAt: string | null;
  /** Undo is offered while no later import of the same plan depends on it. */
  undoable: boolean;
}

export interface SheetSummary {
  name: string;
  hidden: boolean;
  rows: number;
  columns: number;
}

/** How many of the table's rows a preview carries, unless asked for all. */
export const previewSampleRows = 20;

/** The table as understood, with the sheet's first rows for the user to check the header row against. */
export interface ImportPreview extends TablePreview {
  /**
   * The table's first rows (`previewSampleRows`; all of them when asked for `allRows`), each with the figures
   * its words propose. The wizard shows the first as an example of the mapping: a county's 20,000 rows sent to
   * the window were ≈ 9 MB to copy there (≈ 120 ms), and reading all their words ≈ 110 ms more, for nothing the
   * wizard showed; the diff reads them, for the mapping it is sent.
   */
  rows: (PreviewRow & { figures: RowFigures })[];
  /** How many rows the table has. */
  rowCount: number;
  stagingId: string;
  fileName: string;
  format: string;
  sheet: string;
  sheets: SheetSummary[];
  /** The first rows of the sheet as read, for the preview grid. */
  grid: Cell[][];
  /** A mapping remembered for this department and header was applied. */
  profileApplied: boolean;
  /** The plan this department's table went into last time (still there), the wizard's default target. */
  lastPlanId: number | null;
  /** The plan the title names ("2022年省民生实事叶县…"), and its id if it exists already. */
  titlePlan: { year: number; name: string; planId: number | null } | null;
}

export const signOffStates = ['draft', 'prepared', 'reviewed', 'signed'] as const;
export type SignOffState = (typeof signOffStates)[number];

/** One revision of a period's report on its way up: 填表人 → 审核人 → 签发领导. */
export interface SignOffRevision {
  id: number;
  periodId: number;
  revision: number;
  state: SignOffState;
  reason: string;
  preparer: string;
  preparedAt: string | null;
  reviewer: string;
  reviewedAt: string | null;
  signer: string;
  signedAt: string | null;
}

/** An office whose tables this office trusts: its public key, by fingerprint. */
export interface TrustedOffice {
  office: string;
  fingerprint: string;
  addedAt: string;
}

/** What `verify` finds in a received table. */
export interface VerifyReport {
  sealed: boolean;
  valid: boolean;
  office: string | null;
  signer: string | null;
  signedAt: string | null;
  fingerprint: string | null;
  knownSigner: boolean;
  changes: { row: number; column: string; expected: string; found: string }[];
  /**
   * Whose key made a good signature: this office's own; an office this ledger trusts; an office it trusts under
   * that name but with another key (the seal is refused); or a key it does not know (origin unconfirmed).
   * Null when there is no good signature to judge.
   */
  origin: SealOrigin | null;
  /** With 'keyMismatch': the fingerprint this ledger trusts for the office the seal names, to compare. */
  trustedFingerprint: string | null;
  /** What the file hides or changes without altering a value the seal covers (hidden rows, formulas …). */
  warnings: string[];
}

/** A public key file as read before trusting it. */
export interface KeyFileInfo {
  office: string;
  fingerprint: string;
  /** The name this ledger already trusts this very key under, if it does. */
  trustedAs: string | null;
}

export type SealOrigin = 'own' | 'trusted' | 'keyMismatch' | 'unconfirmed';

export interface ExportedFile {
  fileName: string;
  contentBase64: string;
  revision: number;
}

export interface OfficeKeyInfo {
  office: string;
  fingerprint: string;
  /** The key file a superior imports to trust this office's tables. */
  publicKeyFile: string;
}

/** A sealed table received from a subordinate office. */
export interface ReceivedTable {
  id: number;
  fileName: string;
  office: string;
  fingerprint: string;
  /** The cells match the seal. */
  valid: boolean;
  /** How many cells were changed after signing. */
  changes: number;
  knownSigner: boolean;
  signer: string;
  planName: string;
  periodAsOf: string;
  receivedAt: string;
}

/** One project a person should look at before signing. */
export interface SignOffCheckItem {
  projectId: number;
  seq: number;
  title: string;
  detail: string;
}

/** What the pre-sign-off check found for a period (issue #10). */
export interface SignOffCheck {
  periodId: number;
  asOf: string;
  /** Still 待人工判定, with no person's decision. */
  manual: SignOffCheckItem[];
  /** A person's class the numbers contradict ("进展缓慢" beside 214.3%). */
  contradicting: SignOffCheckItem[];
  /** Progress word for word the previous period's. */
  sameAsLast: SignOffCheckItem[];
}

/** The names last used in each sign-off role, so each step is pre-filled from its own role, never the step before. */
export interface SignOffNames {
  preparer: string;
  reviewer: string;
  signer: string;
}
