/**
 * Kysely table types, one interface per table (camelCase through CamelCasePlugin; SQL is snake_case).
 * Only the tables the code queries through Kysely need to be complete here.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Comparator, IndicatorKind, PeriodKind, PersonRole, PlanLevel, UnitRole } from '../shared/domain';
import type { StatusClass } from '../shared/status/types';

export interface PlansTable {
  id: Generated<number>;
  year: number;
  level: PlanLevel;
  name: string;
  region: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  updatedAt: string;
  /** Deleted plans are kept so the deletion can be undone. */
  deletedAt: Generated<string | null>;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  createdAt: string;
}

export interface UnitAliasesTable {
  alias: string;
  unitId: number;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  title: Generated<string>;
  createdAt: string;
}

export interface ProjectsTable {
  id: Generated<number>;
  planId: number;
  seq: number;
  /** The number as the department wrote it (一, （三）); '' when it is plain `seq`. */
  seqLabel: Generated<string>;
  section: string;
  title: string;
  goal: string;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
  /** Deleted projects are kept so the deletion can be undone. */
  deletedAt: Generated<string | null>;
}

export interface ProjectUnitsTable {
  projectId: number;
  unitId: number;
  role: UnitRole;
  position: number;
}

export interface ProjectPeopleTable {
  projectId: number;
  personId: number;
  role: PersonRole;
  position: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  beforeJson: string | null;
  afterJson: string | null;
}

export interface SettingsTable {
  key: string;
  valueJson: string;
}

export interface TasksTable {
  id: Generated<number>;
  projectId: number;
  seq: number;
  title: string;
  goal: string;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskUnitsTable {
  taskId: number;
  unitId: number;
  role: UnitRole;
  position: number;
}

export interface IndicatorsTable {
  id: Generated<number>;
  projectId: number;
  taskId: number | null;
  name: string;
  kind: IndicatorKind;
  comparator: Comparator;
  target: number | null;
  unit: string;
  approximate: number;
  deadline: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
  /** The words a target was read from at import (migration 6); '' when typed by hand. */
  sourceText: Generated<string>;
}

export interface PeriodsTable {
  id: Generated<number>;
  planId: number;
  kind: PeriodKind;
  label: string;
  startDate: string;
  asOf: string;
  createdAt: string;
}

export interface ProgressReportsTable {
  id: Generated<number>;
  projectId: number;
  periodId: number;
  unitId: number | null;
  narrative: string;
  batchId: number | null;
  actor: string;
  updatedAt: string;
}

export interface IndicatorValuesTable {
  id: Generated<number>;
  indicatorId: number;
  periodId: number;
  unitId: number | null;
  actual: number | null;
  approximate: Generated<number>;
  sourceText: string;
  batchId: number | null;
  actor: string;
  updatedAt: string;
}

export interface StatusOverridesTable {
  id: Generated<number>;
  projectId: number;
  periodId: number | null;
  status: StatusClass;
  reason: string;
  actor: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface RulePresetsTable {
  id: Generated<number>;
  name: string;
  version: number;
  configJson: string;
  builtin: number;
  createdAt: string;
}

export interface SignOffsTable {
  id: Generated<number>;
  periodId: number;
  revision: number;
  state: 'draft' | 'prepared' | 'reviewed' | 'signed';
  reason: string;
  preparer: string;
  preparedAt: string | null;
  reviewer: string;
  reviewedAt: string | null;
  signer: string;
  signedAt: string | null;
  snapshotJson: string | null;
  sealJson: string | null;
  /** What a bulletin needs beyond the sealed snapshot (shared/bulletin/source.ts); null before migration 008. */
  detailJson: string | null;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  planId: number | null;
  periodId: number | null;
  fileName: string;
  sha256: string;
  format: string;
  sheet: string;
  mappingJson: string;
  countsJson: string;
  actor: string;
  importedAt: string;
  undoneAt: string | null;
}

export interface ImportBatchItemsTable {
  id: Generated<number>;
  batchId: number;
  entity: 'plan' | 'period' | 'project' | 'indicator' | 'progress' | 'value' | 'stated';
  entityId: number;
  action: 'create' | 'update';
  beforeJson: string | null;
  /**
   * Set on an entry for many created rows. A project entry stands for every id from entityId to this (migration 8);
   * any other names its ids in beforeJson, all from entityId to this (created-log.ts).
   */
  lastEntityId: Generated<number | null>;
}

/** 进展情况 stating how far a project is, read at import and accepted (migration 6). */
export interface StatedCompletionsTable {
  id: Generated<number>;
  projectId: number;
  periodId: number;
  share: number | null;
  done: number;
  words: string;
  batchId: number | null;
  actor: string;
  updatedAt: string;
}

export interface ImportProfilesTable {
  id: Generated<number>;
  department: string;
  headerSignature: string;
  mappingJson: string;
  updatedAt: string;
}

export interface ReceivedTablesTable {
  id: Generated<number>;
  fileName: string;
  sha256: string;
  office: string;
  fingerprint: string;
  valid: number;
  changes: number;
  signer: string;
  planName: string;
  periodAsOf: string;
  snapshotJson: string;
  receivedAt: string;
}

export interface Database {
  plans: PlansTable;
  units: UnitsTable;
  unitAliases: UnitAliasesTable;
  people: PeopleTable;
  projects: ProjectsTable;
  projectUnits: ProjectUnitsTable;
  projectPeople: ProjectPeopleTable;
  tasks: TasksTable;
  taskUnits: TaskUnitsTable;
  indicators: IndicatorsTable;
  periods: PeriodsTable;
  progressReports: ProgressReportsTable;
  indicatorValues: IndicatorValuesTable;
  statusOverrides: StatusOverridesTable;
  rulePresets: RulePresetsTable;
  signOffs: SignOffsTable;
  importBatches: ImportBatchesTable;
  importBatchItems: ImportBatchItemsTable;
  importProfiles: ImportProfilesTable;
  receivedTables: ReceivedTablesTable;
  auditLog: AuditLogTable;
  statedCompletions: StatedCompletionsTable;
  settings: SettingsTable;
}

export type PlanRow = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
