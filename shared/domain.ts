/** Domain types shared by every layer (DESIGN §2). Dates are ISO strings (YYYY-MM-DD). */

export const planLevels = ['province', 'city', 'county', 'district', 'township'] as const;
export type PlanLevel = (typeof planLevels)[number];

export const unitRoles = ['lead', 'support'] as const;
export type UnitRole = (typeof unitRoles)[number];

export const personRoles = ['responsible', 'leader'] as const;
export type PersonRole = (typeof personRoles)[number];

export const indicatorKinds = ['count', 'rate', 'amount', 'length', 'milestone'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const comparators = ['>=', '<=', '='] as const;
export type Comparator = (typeof comparators)[number];

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

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dbPath: string;
  journalMode: string;
}
