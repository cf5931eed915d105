/**
 * Kysely table types, one interface per table (camelCase through CamelCasePlugin; SQL is snake_case).
 * Only the tables the code queries through Kysely need to be complete here.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PersonRole, PlanLevel, UnitRole } from '../shared/domain';

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
  section: string;
  title: string;
  goal: string;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
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

export interface Database {
  plans: PlansTable;
  units: UnitsTable;
  unitAliases: UnitAliasesTable;
  people: PeopleTable;
  projects: ProjectsTable;
  projectUnits: ProjectUnitsTable;
  projectPeople: ProjectPeopleTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
}

export type PlanRow = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
